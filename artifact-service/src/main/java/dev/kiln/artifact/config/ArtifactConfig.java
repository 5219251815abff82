package dev.kiln.artifact.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the artifact-service: S3 store, uploads, downloads, paths and garbage collection. */
@ConfigMapping(prefix = "kiln.artifact")
public interface ArtifactConfig {

    /** The S3-compatible store holding the cache. */
    S3 s3();

    /** Streaming uploads. */
    Upload upload();

    /** Downloads. */
    Download download();

    /** Garbage collection of the cache. */
    Gc gc();

    /** Step tokens build-runner asks for. */
    StepTokens stepTokens();

    /** Step tokens: how long one may live at most. */
    interface StepTokens {

        /** The furthest expiry a step token may be issued with. */
        @WithDefault("7d")
        Duration maxLifetime();
    }

    /** The S3 connection. */
    interface S3 {

        /** Endpoint URL of the S3 API, e.g. {@code http://127.0.0.1:9000}. */
        URI endpoint();

        /** Access key. */
        String accessKey();

        /** Secret key. */
        String secretKey();

        /** Bucket holding the cache; created at startup when missing. */
        @WithDefault("kiln-cache")
        String bucket();

        /** Region used for request signing. */
        @WithDefault("us-east-1")
        String region();

        /** Endpoint clients outside the cluster reach S3 at, used only to sign presigned download URLs. */
        Optional<URI> publicEndpoint();
    }

    /** Upload streaming. */
    interface Upload {

        /** Size of one multipart part, and so of the largest buffer an upload holds (5 MiB to 5 GiB). */
        @WithDefault("16M")
        MemorySize partSize();

        /** Memory all uploads together may hold in part buffers; a streaming upload holds up to two parts. */
        @WithDefault("256M")
        MemorySize bufferBudget();

        /** How long an upload waits for a free slot before it is refused with 503. */
        @WithDefault("30s")
        Duration capacityWait();

        /** Incomplete multipart uploads older than this are aborted by the sweep. */
        @WithDefault("6h")
        Duration staleAfter();

        /** Journaled writes older than this whose request died before indexing are reconciled. */
        @WithDefault("2m")
        Duration reconcileAfter();

        /** Interval of the sweep of stale uploads and unfinished journaled writes ({@code off} disables it). */
        @WithDefault("10m")
        String sweepEvery();

        /** Send parts with an unsigned payload (integrity still checked end to end by sha256). */
        @WithDefault("true")
        boolean unsignedPayload();
    }

    /** Downloads. */
    interface Download {

        /** Answer GET of large objects with a 307 redirect to a presigned S3 URL instead of streaming. */
        @WithDefault("false")
        boolean presignedRedirect();

        /** Objects at least this large are redirected when presigned redirects are on. */
        @WithDefault("64M")
        MemorySize presignedMinSize();

        /** Validity of a presigned URL. */
        @WithDefault("15m")
        Duration presignedExpiry();
    }

    /** Garbage collection: Flatcar's retention policy. */
    interface Gc {

        /** Quartz cron expression of scheduled runs, in UTC ({@code off} disables them). */
        @WithDefault("0 30 3 * * ?")
        String schedule();

        /** Dev builds always kept: the newest N by creation date. */
        @WithDefault("50")
        int keep();

        /** Dev builds created within this many days are kept too. */
        @WithDefault("14")
        int minAgeDays();

        /** Published releases kept per channel (alpha, beta, stable) and per LTS major. */
        @WithDefault("10")
        int keepPerChannel();

        /** Newest LTS majors whose releases are kept. */
        @WithDefault("2")
        int keepLtsMajors();

        /** Architectures whose sdk/, boards/ and images/ directories the sweeps inspect. */
        @WithDefault("amd64,arm64")
        List<String> arches();

        /** A run without progress for this long is considered dead and no longer blocks new runs. */
        @WithDefault("10m")
        Duration abandonedAfter();
    }
}
