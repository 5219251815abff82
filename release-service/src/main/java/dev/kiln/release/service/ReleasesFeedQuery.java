package dev.kiln.release.service;

import dev.kiln.release.domain.publication.PublicationRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Flatcar's releases.json of every published or superseded, not withdrawn release. The rendered feed is kept in
 * memory with the revision it was read at: a request asks the database only for the current revision (a cheap
 * read of the members' versions) and renders the feed again only when a release was published or withdrawn, by
 * this replica or another one.
 */
@ApplicationScoped
public class ReleasesFeedQuery {

    /** The feed as served: its JSON text and an entity tag that changes exactly when the text does. */
    public record Feed(String revision, String json, String etag) {
    }

    private final PublicationRecords records;
    private volatile Feed last = new Feed("", "", "");

    public ReleasesFeedQuery(PublicationRecords records) {
        this.records = records;
    }

    /**
     * The current feed. The revision is read before the feed, so a publication committed between the two reads
     * can only make the kept feed newer than its revision (rendered again once more on the next request), never
     * older.
     */
    @Transactional
    public Feed current() {
        String revision = records.feedRevision();
        Feed kept = last;
        if (kept.revision().equals(revision)) {
            return kept;
        }
        String json = records.feedJson();
        Feed fresh = new Feed(revision, json, sha256(json));
        last = fresh;
        return fresh;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
