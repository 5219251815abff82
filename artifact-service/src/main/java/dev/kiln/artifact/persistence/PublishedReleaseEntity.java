package dev.kiln.artifact.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One published release of the release replica. */
@Entity
@Table(name = "published_release")
public class PublishedReleaseEntity {

    @Id
    public String version;

    public String channel;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
