package dev.kiln.version.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/** Settings of the version-service. */
@ConfigMapping(prefix = "kiln.version")
public interface VersionConfig {

    /** Remote URL of the scripts repository: file://, https:// (with git.token) or ssh:// (with git.ssh-key). */
    String scriptsRepoUrl();

    /** Directory where the service keeps its bare clone of the scripts repository; one per replica, never shared. */
    Path workDir();

    /** Path of version.txt inside the scripts repository. */
    @WithDefault("sdk_container/.repo/manifests/version.txt")
    String versionFile();

    /** The development branch main nightlies are committed to. */
    @WithDefault("main")
    String mainBranch();

    /** Prefix of release branches: a new major MMMM branches off as {@code <prefix>MMMM}. */
    @WithDefault("flatcar-")
    String releaseBranchPrefix();

    /** Day 0 of majors (Flatcar: 2013-07-01); a major is the number of UTC days since. */
    @WithDefault("2013-07-01")
    LocalDate epoch();

    /** Attempts to push one allocation when the remote moved in between (each refetches first). */
    @WithDefault("5")
    int pushAttempts();

    /** Longest wait for the allocation lock (in this process, then across replicas) before answering 503. */
    @WithDefault("60s")
    Duration lockTimeout();

    /** Pending allocations older than this that no retry came back for are settled (tagged if pushed, else released). */
    @WithDefault("15m")
    Duration abandonedAfter();

    /** How often pending allocations are checked for being abandoned. */
    @WithDefault("5m")
    java.time.Duration settleEvery();

    /** Git identity, credentials and transport. */
    Git git();

    /** OpenPGP signing of tags. */
    Signing signing();

    /** Git settings. */
    interface Git {

        /** Author and committer name of version commits and tagger of tags (Flatcar's CI_GIT_AUTHOR). */
        @WithDefault("flatcar-ci")
        String authorName();

        /** Author and committer e-mail (Flatcar's CI_GIT_EMAIL). */
        @WithDefault("infra+ci@flatcar-linux.org")
        String authorEmail();

        /** Token for https remotes, sent as the password. */
        Optional<String> token();

        /** User name sent with the token (GitHub accepts any; GitLab wants oauth2). */
        @WithDefault("x-access-token")
        String tokenUser();

        /** Private key file for ssh remotes. */
        Optional<Path> sshKey();

        /** known_hosts file for ssh remotes; without it ~/.ssh/known_hosts is used. Host keys are always checked. */
        Optional<Path> sshKnownHosts();

        /** Network timeout of one fetch or push. */
        @WithDefault("60s")
        Duration timeout();

        /** Push the branch and the tag in one atomic push (the remote must support it; GitHub and git do). */
        @WithDefault("true")
        boolean atomicPush();

        /**
         * Who serves fetches and pushes of a file:// remote: jgit (in this process), git (the git-upload-pack and
         * git-receive-pack binaries, as the git CLI does), or auto (git when both are on PATH, else jgit).
         */
        @WithDefault("auto")
        LocalServer localServer();

        /** Repack the local clone once it holds this many loose objects (an allocation writes about six). */
        @WithDefault("2000")
        long repackAfterObjects();
    }

    /** Tag signing settings. */
    interface Signing {

        /** Which tags to sign: none, releases (official tags, as Flatcar's tag-release does) or all. */
        @WithDefault("releases")
        SignedTags tags();

        /** ASCII-armoured OpenPGP secret key file (like Flatcar's SIGNING_KEY); no file means no signatures. */
        Optional<Path> keyFile();

        /** Passphrase of the secret key, if it has one. */
        Optional<String> passphrase();

        /** Key id or fingerprint (suffix) of the signing key in the file; default: the first key able to sign. */
        Optional<String> keyId();
    }

    /** Who serves a file:// remote. */
    enum LocalServer {
        AUTO,
        JGIT,
        GIT
    }

    /** Which tags get an OpenPGP signature. */
    enum SignedTags {
        NONE,
        RELEASES,
        ALL
    }
}
