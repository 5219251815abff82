package dev.kiln.release.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of promotion_request; arches and vendors are comma-joined (neither ever contains a comma). */
@Entity
@Table(name = "promotion_request")
public class PromotionRequestEntity {

    @Id
    public String id;
    public String type;
    public String channel;
    @Column(name = "lane_major")
    public Integer laneMajor;
    @Column(name = "source_version")
    public String sourceVersion;
    public String arches;
    public String vendors;
    @Column(name = "requested_by")
    public String requestedBy;
    public String state;
    public String reason;
    public String tag;
    @Column(name = "build_id")
    public String buildId;
    @Column(name = "build_result")
    public String buildResult;
    @Column(name = "build_reason")
    public String buildReason;
    @Column(name = "build_stopped")
    public boolean buildStopped;
    @Column(name = "queued_behind")
    public String queuedBehind;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
