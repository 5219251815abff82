package dev.kiln.artifact.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One journaled write between verification and indexing. */
@Entity
@Table(name = "pending_write")
public class PendingWriteEntity {

    @Id
    @Column(name = "write_id")
    public String writeId;

    @Column(nullable = false)
    public String path;

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

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
