package dev.kiln.artifact.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One tag of the version replica. */
@Entity
@Table(name = "known_version")
public class KnownVersionEntity {

    @Id
    public String tag;

    @Column(nullable = false)
    public String version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
