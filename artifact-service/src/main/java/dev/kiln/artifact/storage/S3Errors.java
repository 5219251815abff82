package dev.kiln.artifact.storage;

import dev.kiln.artifact.domain.ArtifactException;
import io.minio.errors.ErrorResponseException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Translates MinIO failures: a missing key is an answer, anything else makes the store unavailable. */
final class S3Errors {

    private static final Set<String> NOT_FOUND = Set.of("NoSuchKey", "NoSuchObject", "NotFound", "NoSuchUpload");

    private S3Errors() {
    }

    static boolean isNotFound(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof ErrorResponseException e && e.errorResponse() != null
                && NOT_FOUND.contains(e.errorResponse().code());
    }

    static ArtifactException unavailable(String operation, Throwable error) {
        Throwable cause = unwrap(error);
        return new ArtifactException(ArtifactException.Reason.DEPENDENCY_UNAVAILABLE, "object-store-unavailable",
                "the object store failed to " + operation + ": " + cause.getMessage(), cause);
    }

    /** Waits for {@code future}, turning its failure into {@link #unavailable}. */
    static <T> T join(CompletableFuture<T> future, String operation) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(operation, e);
        } catch (ExecutionException e) {
            throw unavailable(operation, e);
        }
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
