package dev.kiln.runner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the build-runner. */
@ConfigMapping(prefix = "kiln.runner")
public interface RunnerConfig {

    /** Which executor runs the steps: {@code local} processes or {@code kubernetes} Jobs. */
    @WithDefault("local")
    ExecutorKind executor();

    /** A directory of extra pipeline definitions ({@code *.yaml}); one with a bundled name replaces it. */
    Optional<Path> pipelinesDir();

    /** Where the local executor keeps each attempt's work directory and log. */
    Path workDir();

    /** The build cache URL steps upload to and read from ({@code KILN_CACHE_URL} in their env). */
    String cacheUrl();

    /**
     * How long a build's step token lives (it is renewed for attempts launched after half of it); the token steps
     * get as {@code KILN_CACHE_TOKEN} writes only the build's own cache directories and is revoked when the build ends.
     */
    @WithDefault("72h")
    Duration stepTokenLifetime();

    /**
     * The host name of the bincache gateway, handed to steps as {@code BUILDCACHE_SERVER} so that Flatcar's
     * unchanged scripts upload (ssh+rsync) and read (https) through it into this cache; unset, steps get none.
     */
    Optional<String> bincacheServer();

    /** Git URL of the scripts repository that each step checks out at the build's tag. */
    String scriptsRepoUrl();

    /** This replica's name in build ownership records; defaults to the host name plus a random suffix. */
    Optional<String> instanceId();

    /** The reconcile loop. */
    Engine engine();

    /** The Kubernetes executor. */
    Kubernetes kubernetes();

    /** The local executor. */
    Local local();

    /** The two executors. */
    enum ExecutorKind { local, kubernetes }

    /** Settings of the reconcile loop that drives builds. */
    interface Engine {

        /** Threads reconciling builds in parallel (one build is never reconciled by two at once). */
        @WithDefault("4")
        int workers();

        /** How often every unfinished build is reconciled even without an executor event. */
        @WithDefault("30s")
        Duration resyncInterval();

        /** How long a replica owns a build after its last pass; another replica may take it over after that. */
        @WithDefault("2m")
        Duration leaseDuration();

        /** How long an attempt may stay unschedulable before it fails with reason unschedulable. */
        @WithDefault("10m")
        Duration unschedulableLimit();

        /**
         * How long a placed attempt may stay pending (no pod created, image pulling, container creating) before
         * it fails with reason pending.
         */
        @WithDefault("20m")
        Duration pendingLimit();

        /** How long an attempt may stay unconfirmed by its executor before it fails with reason launch-failed. */
        @WithDefault("5m")
        Duration launchTimeout();

        /** Most step runs of one build active at once; 0 means no limit. */
        @WithDefault("0")
        int maxActiveRuns();

        /** Attempts to store a finished attempt's log in the cache before giving up. */
        @WithDefault("5")
        int logUploadAttempts();

        /** Wait before a build whose version could not be allocated is tried again. */
        @WithDefault("5s")
        Duration versionRetryDelay();

        /**
         * How long {@code POST /api/v1/builds} waits for the new build's version allocation: a build whose version is
         * refused in that time is answered as failed, with the reason; otherwise the answer is the build as created.
         */
        @WithDefault("3s")
        Duration allocationWait();

        /** How many allocation passes may fail before the build fails. */
        @WithDefault("10")
        int versionAttempts();
    }

    /** Settings of the Kubernetes executor. */
    interface Kubernetes {

        /** The namespace step Jobs run in; defaults to the client's namespace. */
        Optional<String> namespace();

        /** Image of the init container that clones the scripts repository at the tag. */
        @WithDefault("alpine/git:2.47.2")
        String gitImage();

        /** Seconds a finished Job (and its pod and log) is kept before Kubernetes deletes it. */
        @WithDefault("3600")
        int ttlSecondsAfterFinished();

        /** How long a Job may be missing from the informer cache after launch before it counts as vanished. */
        @WithDefault("30s")
        Duration vanishGrace();

        /** Image of the Docker-in-Docker sidecar of steps with dockerDaemon: true. */
        @WithDefault("docker:28.3.3-dind")
        String dockerImage();

        /** The Secret with the ssh private key ({@code id_ed25519}) steps log in to the bincache gateway with. */
        @WithDefault("kiln-bincache-ssh")
        String bincacheSshSecret();

        /** Where steps get that Secret: the ssh directory of the user the step image runs as. */
        @WithDefault("/root/.ssh")
        String bincacheSshDir();

        /** Image pull policy of step containers. */
        @WithDefault("IfNotPresent")
        String imagePullPolicy();
    }

    /** Settings of the local executor. */
    interface Local {

        /** Wait between SIGTERM and SIGKILL when a process tree is stopped. */
        @WithDefault("5s")
        Duration killGrace();

        /** Keep an attempt's work directory after its log was stored (for debugging). */
        @WithDefault("false")
        boolean keepWorkDirs();

        /** Directory with {@code <secret>/<key>} files that stand in for Kubernetes Secrets. */
        Optional<Path> secretsDir();
    }
}
