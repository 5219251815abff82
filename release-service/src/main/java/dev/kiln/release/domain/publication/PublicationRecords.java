package dev.kiln.release.domain.publication;

import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.channel.ChannelStorage.StoredFile;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What is kept of each published release for feeds and manifests (port; persistence implements it), and the
 * years of the LTS streams. Every call needs a transaction.
 */
public interface PublicationRecords {

    /** Stores what a release's first publication found; a later call for the same version changes nothing. */
    void record(FeedEntry entry, Map<String, List<StoredFile>> filesByArch, Map<String, PackageList> packagesByArch);

    /** The entries of every published or superseded (not withdrawn) release, in one read. */
    List<FeedEntry> feed();

    /**
     * The whole feed as JSON text, {@link ReleasesFeed#all} of {@link #feed()} byte for byte in meaning, read as one
     * aggregated row of the entries rendered at publication: what {@code GET /api/v1/releases.json} answers.
     */
    String feedJson();

    /**
     * A short text that changes whenever the feed's membership does (a release published, withdrawn): the entries
     * themselves never change once stored, so equal revisions mean equal {@link #feedJson()}. Cheaper than the feed.
     */
    String feedRevision();

    /** Files per arch as copied into the channel; empty before publication. */
    Map<String, List<StoredFile>> files(Version version);

    /** Package list per arch; empty before publication. */
    Map<String, PackageList> packages(Version version);

    /** Major to year of every LTS stream. */
    Map<Integer, Integer> ltsYears();

    /** Fixes the year of an LTS stream; nothing when it is known already. */
    void recordLtsYear(int major, int year);

    /** When {@code version} was first published, if it was. */
    java.util.Optional<Instant> publishedAt(Version version);
}
