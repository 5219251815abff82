package dev.kiln.release.service;

import dev.kiln.release.domain.publication.PublicationRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Flatcar's releases.json of every published or superseded, not withdrawn release: one read of the stored entries. */
@ApplicationScoped
public class ReleasesFeedQuery {

    private final PublicationRecords records;

    public ReleasesFeedQuery(PublicationRecords records) {
        this.records = records;
    }

    /** The feed as JSON text, aggregated by the database from the entries stored at publication. */
    @Transactional
    public String all() {
        return records.feedJson();
    }
}
