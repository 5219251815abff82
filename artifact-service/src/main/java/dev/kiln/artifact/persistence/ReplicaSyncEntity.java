package dev.kiln.artifact.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** When a replica was last filled from its source. */
@Entity
@Table(name = "replica_sync")
public class ReplicaSyncEntity {

    @Id
    public String name;

    @Column(name = "synced_at", nullable = false)
    public Instant syncedAt;
}
