/** The S3 adapter (MinIO Java SDK): staged multipart uploads, reads, listings, deletions and the bucket. */
package dev.kiln.artifact.storage;
