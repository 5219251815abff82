package dev.kiln.artifact.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the artifact index. */
@Entity
@Table(name = "artifact")
public class ArtifactEntity {

    @Id
    public String path;

    @Column(nullable = false)
    public String area;

    public String version;

    public String arch;

    @Column(nullable = false)
    public long size;

    @Column(nullable = false)
    public String md5;

    @Column(nullable = false)
    public String sha1;

    @Column(nullable = false)
    public String sha256;

    @Column(nullable = false)
    public String sha512;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    public String etag;

    @Column(nullable = false)
    public boolean generated;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;
}
