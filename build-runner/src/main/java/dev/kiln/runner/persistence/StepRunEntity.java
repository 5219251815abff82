package dev.kiln.runner.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code step_run}. */
@Entity
@DynamicUpdate
@Table(name = "step_run")
@IdClass(StepRunEntity.Key.class)
public class StepRunEntity {

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "build_id")
    public BuildEntity build;
    @Id
    @Column(name = "run_key")
    public String runKey;
    public int ordinal;
    public String step;
    public String arch;
    public String vendor;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> needs;
    public String state;
    public int attempt;
    @Column(name = "round_start")
    public int roundStart;
    @Column(name = "not_before")
    public Instant notBefore;
    @Column(name = "launched_at")
    public Instant launchedAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> outputs;
    @Column(name = "log_path")
    public String logPath;

    /** The composite key: build and run key. */
    public static class Key implements Serializable {

        public String build;
        public String runKey;

        public Key() {
        }

        public Key(String build, String runKey) {
            this.build = build;
            this.runKey = runKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.build, build) && Objects.equals(k.runKey, runKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(build, runKey);
        }
    }
}
