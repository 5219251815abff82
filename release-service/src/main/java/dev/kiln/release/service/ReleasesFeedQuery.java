package dev.kiln.release.service;

import dev.kiln.release.domain.publication.PublicationRecords;
import dev.kiln.release.domain.publication.ReleasesFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/** Flatcar's releases.json of every published or superseded, not withdrawn release: one read of the stored entries. */
@ApplicationScoped
public class ReleasesFeedQuery {

    private final PublicationRecords records;

    public ReleasesFeedQuery(PublicationRecords records) {
        this.records = records;
    }

    @Transactional
    public Map<String, Object> all() {
        return ReleasesFeed.all(records.feed());
    }
}
