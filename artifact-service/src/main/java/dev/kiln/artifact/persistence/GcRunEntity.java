package dev.kiln.artifact.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One garbage collection run. */
@Entity
@Table(name = "gc_run")
public class GcRunEntity {

    @Id
    public String id;

    @Column(nullable = false)
    public String trigger;

    @Column(nullable = false)
    public String status;

    @Column(name = "requested_by")
    public String requestedBy;

    /** The settings as JSON. */
    @Column(nullable = false)
    public String settings;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(nullable = false)
    public int purges;

    @Column(nullable = false)
    public int done;

    @Column(nullable = false)
    public int failed;

    @Column(nullable = false)
    public int skipped;

    @Column(name = "deleted_objects", nullable = false)
    public long deletedObjects;

    public String error;
}
