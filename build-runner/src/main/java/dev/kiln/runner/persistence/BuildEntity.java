package dev.kiln.runner.persistence;

import jakarta.persistence.Basic;
import jakarta.persistence.CascadeType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code build}. */
@Entity
@DynamicUpdate
@Table(name = "build")
public class BuildEntity {

    @Id
    public String id;
    public String pipeline;
    /** Read only when the pipeline of this digest is not cached yet. */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "pipeline_spec")
    public String pipelineSpec;
    @Column(name = "pipeline_digest")
    public String pipelineDigest;
    @Column(name = "pipeline_origin")
    public String pipelineOrigin;
    public String kind;
    public String branch;
    @Column(name = "version_from")
    public String versionFrom;
    @Column(name = "version_to")
    public String versionTo;
    @Column(name = "version_suffix")
    public String versionSuffix;
    @Column(name = "requested_sdk_version")
    public String requestedSdkVersion;
    @Column(name = "requested_tag")
    public String requestedTag;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> arches;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> vendors;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> params;
    @Column(name = "skip_cached")
    public boolean skipCached;
    @Column(name = "requested_by")
    public String requestedBy;
    public String tag;
    public String version;
    @Column(name = "version_id")
    public String versionId;
    @Column(name = "flatcar_build_id")
    public String flatcarBuildId;
    @Column(name = "sdk_version")
    public String sdkVersion;
    public String channel;
    @Column(name = "version_branch")
    public String versionBranch;
    @Column(name = "version_commit")
    public String versionCommit;
    public String state;
    public String reason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    public String owner;
    @Column(name = "lease_until")
    public Instant leaseUntil;

    @OneToMany(mappedBy = "build", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("ordinal")
    public List<StepRunEntity> runs = new ArrayList<>();
}
