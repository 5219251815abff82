package dev.kiln.release.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One row of release; arches and vendors are comma-joined (neither ever contains a comma). */
@Entity
@Table(name = "release")
public class ReleaseEntity {

    @Id
    public String version;
    public int major;
    public int minor;
    public int patch;
    public String channel;
    public String tag;
    @Column(name = "commit_id")
    public String commitId;
    @Column(name = "build_id")
    public String buildId;
    @Column(name = "sdk_version")
    public String sdkVersion;
    public String arches;
    public String vendors;
    public String pipeline;
    @Column(name = "pipeline_digest")
    public String pipelineDigest;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> params;
    @Column(name = "requested_by")
    public String requestedBy;
    public String state;
    @Column(name = "created_at")
    public Instant createdAt;
}
