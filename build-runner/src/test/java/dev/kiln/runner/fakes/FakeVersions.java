package dev.kiln.runner.fakes;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The versions the fake version-service hands out: idempotent by key, a unique main nightly (or dev build)
 * per allocation, each announced to {@code onTag} before it is answered.
 */
public final class FakeVersions {

    /** A version as the fake answers it. */
    public record Version(String tag, String version, String versionId, String buildId, String sdkVersion,
            String group, String channel, String branch, String commit) {
    }

    /** The request body. */
    public record Allocation(String kind, String branch, String from, String to, String suffix, String sdkVersion) {
    }

    private final Consumer<String> onTag;
    private final Map<String, Version> byKey = new ConcurrentHashMap<>();
    private final Map<String, Version> byTag = new ConcurrentHashMap<>();
    private final AtomicInteger majors = new AtomicInteger(4800);

    public FakeVersions(Consumer<String> onTag) {
        this.onTag = onTag;
    }

    public Version allocate(String key, Allocation request) {
        return byKey.computeIfAbsent(key, k -> newVersion(request));
    }

    public Optional<Version> find(String tag) {
        return Optional.ofNullable(byTag.get(tag));
    }

    public int allocations() {
        return byKey.size();
    }

    private Version newVersion(Allocation request) {
        int major = majors.incrementAndGet();
        String buildId = "dev".equals(request.kind()) && request.suffix() != null ? request.suffix() : "nightly-20260821-2100";
        String versionId = major + ".0.0";
        String version = versionId + "+" + buildId;
        String tag = "main-" + versionId + "-" + buildId;
        String sdk = request.sdkVersion() != null ? request.sdkVersion() : version;
        onTag.accept(tag);
        Version v = new Version(tag, version, versionId, buildId, sdk, "developer", "developer", request.branch(), "0000000");
        byTag.put(tag, v);
        return v;
    }
}
