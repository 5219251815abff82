package dev.kiln.artifact.storage;

import io.minio.AbortMultipartUploadArgs;
import io.minio.ListMultipartUploadsArgs;
import io.minio.messages.ListMultipartUploadsResult;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** Finds multipart uploads that were started but never completed or aborted (a crashed writer) and aborts them. */
final class StaleUploads {

    private static final Logger LOG = Logger.getLogger(StaleUploads.class);

    private final S3Clients clients;

    StaleUploads(S3Clients clients) {
        this.clients = clients;
    }

    int abortStartedBefore(Instant cutoff) {
        int aborted = 0;
        String keyMarker = null;
        String uploadIdMarker = null;
        while (true) {
            ListMultipartUploadsResult page = S3Errors.join(clients.async().listMultipartUploads(
                    ListMultipartUploadsArgs.builder().bucket(clients.bucket()).keyMarker(keyMarker)
                            .uploadIdMarker(uploadIdMarker).build()), "list incomplete uploads").result();
            List<ListMultipartUploadsResult.Upload> uploads = page.uploads() == null ? List.of() : page.uploads();
            for (ListMultipartUploadsResult.Upload upload : uploads) {
                if (upload.initiated() != null && upload.initiated().toInstant().isBefore(cutoff)) {
                    abort(upload);
                    aborted++;
                }
            }
            if (!page.isTruncated()) {
                return aborted;
            }
            keyMarker = page.nextKeyMarker();
            uploadIdMarker = page.nextUploadIdMarker();
        }
    }

    private void abort(ListMultipartUploadsResult.Upload upload) {
        LOG.infof("aborting incomplete upload %s of %s started %s", upload.uploadId(), upload.objectName(),
                upload.initiated());
        S3Errors.join(clients.async().abortMultipartUpload(AbortMultipartUploadArgs.builder().bucket(clients.bucket())
                .object(upload.objectName()).uploadId(upload.uploadId()).build()), "abort an incomplete upload");
    }
}
