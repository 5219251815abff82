package dev.kiln.artifact.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One decision of a run. */
@Entity
@Table(name = "gc_run_item")
@IdClass(GcRunItemEntity.Key.class)
public class GcRunItemEntity {

    @Id
    @Column(name = "run_id")
    public String runId;

    @Id
    public int seq;

    @Column(nullable = false)
    public String rule;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String subject;

    public String version;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String reason;

    /** Newline-separated prefixes. */
    @Column(nullable = false)
    public String prefixes;

    @Column(nullable = false)
    public String status;

    @Column(name = "deleted_objects", nullable = false)
    public long deletedObjects;

    public String error;

    /** The primary key: run and position in its plan. */
    public static class Key implements Serializable {

        public String runId;
        public int seq;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.seq == seq && Objects.equals(k.runId, runId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, seq);
        }
    }
}
