package dev.kiln.version.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of version_allocation. */
@Entity
@Table(name = "version_allocation")
public class AllocationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String tag;
    public String version;
    @Column(name = "version_id")
    public String versionId;
    @Column(name = "build_id")
    public String buildId;
    @Column(name = "sdk_version")
    public String sdkVersion;
    @Column(name = "update_group")
    public String updateGroup;
    public String channel;
    public String kind;
    @Column(name = "base_branch")
    public String baseBranch;
    public String branch;
    @Column(name = "create_branch")
    public boolean createBranch;
    public boolean official;
    public String status;
    @Column(name = "commit_id")
    public String commitId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "tagged_at")
    public Instant taggedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Column(name = "delete_reason")
    public String deleteReason;
}
