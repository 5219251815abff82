package dev.kiln.runner.execution.k8s;

/**
 * How steps reach the bincache gateway with Flatcar's own scripts: {@code BUILDCACHE_SERVER} in their env,
 * and the ssh key of copy_to_buildcache from a Secret mounted (optional, mode 0400) where ssh looks for it.
 */
public record BincacheAccess(String server, String sshSecret, String sshDir) {
}
