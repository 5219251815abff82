package dev.kiln.artifact.storage;

import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.PartSink;
import dev.kiln.artifact.domain.StagedObject;
import io.minio.AbortMultipartUploadArgs;
import io.minio.CompleteMultipartUploadArgs;
import io.minio.CreateMultipartUploadArgs;
import io.minio.Http;
import io.minio.PutObjectAPIArgs;
import io.minio.UploadPartArgs;
import io.minio.messages.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Streams a body into S3 without making it visible. A body that fits in one part stays in that part's buffer
 * until it is published with one PUT; a larger one goes to a multipart upload at the final key, one part
 * uploading while the next is read, and becomes visible only when the upload is completed. At most two part
 * buffers are held, taken from {@link UploadBuffers}.
 */
final class StreamStager {

    /** S3's limit on the number of parts of one upload. */
    static final int MAX_PARTS = 10_000;
    private static final int MIB = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(StreamStager.class);

    private final S3Clients clients;
    private final UploadBuffers buffers;
    private final int partSize;
    private final boolean unsignedPayload;

    StreamStager(S3Clients clients, UploadBuffers buffers, int partSize, boolean unsignedPayload) {
        this.clients = clients;
        this.buffers = buffers;
        this.partSize = partSize;
        this.unsignedPayload = unsignedPayload;
    }

    StagedObject stage(String key, String contentType, Http.Headers objectHeaders, InputStream body,
            long declaredLength, PartSink sink) throws IOException {
        if (declaredLength > (long) partSize * MAX_PARTS) {
            throw tooLarge();
        }
        FirstPart first = readFirstPart(body, declaredLength);
        if (first.endOfBody()) {
            try {
                S3Errors.join(sink.accept(first.buffer(), first.length()), "digest the body");
            } catch (RuntimeException e) {
                buffers.release(first.buffer());
                throw e;
            }
            return new SinglePut(key, contentType, objectHeaders, first.buffer(), first.length());
        }
        return multipart(key, objectHeaders, first.buffer(), body, sink);
    }

    private record FirstPart(byte[] buffer, int length, boolean endOfBody) {
    }

    /** Reads up to one part into a buffer sized by the declared length, growing it when the length is unknown. */
    private FirstPart readFirstPart(InputStream body, long declaredLength) throws IOException {
        int capacity = declaredLength >= 0 ? (int) Math.min(declaredLength + 1, partSize) : Math.min(MIB, partSize);
        byte[] buffer = buffers.allocate(capacity);
        int length = 0;
        try {
            while (true) {
                int read = body.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    return new FirstPart(buffer, length, true);
                }
                length += read;
                if (length == buffer.length) {
                    if (length == partSize) {
                        return new FirstPart(buffer, length, false);
                    }
                    byte[] grown = buffers.allocate((int) Math.min(partSize, Math.max(2L * length, MIB)));
                    System.arraycopy(buffer, 0, grown, 0, length);
                    buffers.release(buffer);
                    buffer = grown;
                }
            }
        } catch (IOException | RuntimeException e) {
            buffers.release(buffer);
            throw e;
        }
    }

    private StagedObject multipart(String key, Http.Headers objectHeaders, byte[] first, InputStream body,
            PartSink sink) throws IOException {
        String uploadId = S3Errors.join(clients.async().createMultipartUpload(CreateMultipartUploadArgs.builder()
                .bucket(clients.bucket()).object(key).headers(objectHeaders).build()), "start an upload").result()
                .uploadId();
        byte[] second = null;
        CompletableFuture<Part> inFlight = null;
        try {
            List<Part> parts = new ArrayList<>();
            inFlight = uploadPart(key, uploadId, 1, first, partSize, sink);
            byte[] current = first;
            while (true) {
                second = second != null ? second : buffers.allocate(partSize);
                byte[] next = current == first ? second : first;
                int length = readFully(body, next);
                parts.add(S3Errors.join(inFlight, "upload a part"));
                inFlight = null;
                if (length == 0) {
                    break;
                }
                if (parts.size() + 1 > MAX_PARTS) {
                    throw tooLarge();
                }
                inFlight = uploadPart(key, uploadId, parts.size() + 1, next, length, sink);
                current = next;
                if (length < partSize) {
                    parts.add(S3Errors.join(inFlight, "upload a part"));
                    inFlight = null;
                    break;
                }
            }
            return new Multipart(key, uploadId, parts);
        } catch (IOException | RuntimeException e) {
            awaitQuietly(inFlight);
            abort(key, uploadId);
            throw e;
        } finally {
            awaitQuietly(inFlight);
            buffers.release(first);
            buffers.release(second);
        }
    }

    /** The part's upload and its digests, in parallel: the buffer is free again when both are done. */
    private CompletableFuture<Part> uploadPart(String key, String uploadId, int number, byte[] data, int length,
            PartSink sink) {
        CompletableFuture<Void> digested = sink.accept(data, length);
        return clients.async().uploadPart(UploadPartArgs.builder().bucket(clients.bucket()).object(key)
                .uploadId(uploadId).partNumber(number).data(data, length)
                .headers(ObjectHeaders.forPart(unsignedPayload, data, length)).build())
                .thenCombine(digested, (response, ignored) -> response.part());
    }

    private static int readFully(InputStream body, byte[] buffer) throws IOException {
        int length = 0;
        while (length < buffer.length) {
            int read = body.read(buffer, length, buffer.length - length);
            if (read < 0) {
                break;
            }
            length += read;
        }
        return length;
    }

    private static void awaitQuietly(CompletableFuture<?> future) {
        if (future != null) {
            try {
                future.handle((value, error) -> null).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException ignored) {
                // handled above: the future's own failure is not interesting once the upload is aborted
            }
        }
    }

    private void abort(String key, String uploadId) {
        try {
            clients.async().abortMultipartUpload(AbortMultipartUploadArgs.builder().bucket(clients.bucket())
                    .object(key).uploadId(uploadId).build()).get();
        } catch (Exception e) {
            LOG.warnf("could not abort upload %s of %s (the stale-upload sweep will): %s", uploadId, key,
                    S3Errors.unwrap(e).getMessage());
        }
    }

    private ArtifactException tooLarge() {
        return new ArtifactException(ArtifactException.Reason.TOO_LARGE, "an object may have at most " + MAX_PARTS
                + " parts of " + partSize + " bytes; raise kiln.artifact.upload.part-size for larger ones");
    }

    /** A body that fit in one part, published with one PUT. */
    private final class SinglePut implements StagedObject {

        private final String key;
        private final String contentType;
        private final Http.Headers headers;
        private byte[] buffer;
        private final int length;

        SinglePut(String key, String contentType, Http.Headers headers, byte[] buffer, int length) {
            this.key = key;
            this.contentType = contentType;
            this.headers = headers;
            this.buffer = buffer;
            this.length = length;
        }

        @Override
        public void publish() {
            try {
                S3Errors.join(clients.async().putObject(PutObjectAPIArgs.builder().bucket(clients.bucket())
                        .object(key).data(buffer, length).contentType(contentType)
                        .headers(ObjectHeaders.merge(headers, ObjectHeaders.forPart(unsignedPayload, buffer, length)))
                        .build()),
                        "store an object");
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            buffers.release(buffer);
            buffer = null;
        }
    }

    /** A multipart upload with all parts uploaded, invisible until completed. */
    private final class Multipart implements StagedObject {

        private final String key;
        private final String uploadId;
        private final List<Part> parts;
        private boolean published;

        Multipart(String key, String uploadId, List<Part> parts) {
            this.key = key;
            this.uploadId = uploadId;
            this.parts = parts;
        }

        @Override
        public void publish() {
            S3Errors.join(clients.async().completeMultipartUpload(CompleteMultipartUploadArgs.builder()
                    .bucket(clients.bucket()).object(key).uploadId(uploadId).parts(parts.toArray(Part[]::new))
                    .build()), "complete an upload");
            published = true;
        }

        @Override
        public void close() {
            if (!published) {
                abort(key, uploadId);
            }
        }
    }
}
