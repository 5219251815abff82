package dev.kiln.runner.support;

import dev.kiln.clients.version.CreateVersionRequest;
import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.VersionKind;
import dev.kiln.flatcar.VersionRequest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The versions the fake version-service hands out: idempotent by key, one new major per allocation (so that
 * every tag is unique), each announced to {@code onTag} before it is answered. A request is checked with
 * version-service's own field rules, so a runner that asks for something the real service refuses fails here too.
 */
public final class FakeVersions {

    /** A version as the fake answers it. */
    public record Version(String tag, String version, String versionId, String buildId, String sdkVersion,
            String group, String channel, String branch, String commit) {
    }

    private static final String NIGHTLY_ID = "nightly-20260821-2100";

    private final Consumer<String> onTag;
    private final Map<String, Version> byKey = new ConcurrentHashMap<>();
    private final Map<String, VersionRequest> requestsByKey = new ConcurrentHashMap<>();
    private final Map<String, Version> byTag = new ConcurrentHashMap<>();
    private final AtomicInteger majors = new AtomicInteger(4800);

    public FakeVersions(Consumer<String> onTag) {
        this.onTag = onTag;
    }

    /**
     * The version for {@code key}; throws {@code IllegalArgumentException} for an unknown kind and
     * {@code InvalidVersionRequestException} for fields the kind does not take, as version-service refuses them.
     */
    public Version allocate(String key, CreateVersionRequest body) {
        VersionRequest request = body.toVersionRequest();
        request.checkFields();
        return byKey.computeIfAbsent(key, k -> {
            requestsByKey.put(k, request);
            return newVersion(request);
        });
    }

    public Optional<Version> find(String tag) {
        return Optional.ofNullable(byTag.get(tag));
    }

    /** The request that was allocated under {@code key}. */
    public Optional<VersionRequest> request(String key) {
        return Optional.ofNullable(requestsByKey.get(key));
    }

    public int allocations() {
        return byKey.size();
    }

    private Version newVersion(VersionRequest request) {
        int major = majors.incrementAndGet();
        Version v = switch (request.kind()) {
            case ALPHA -> release("alpha", major, 0, 0, request);
            case PROMOTION -> release(request.to() != null ? request.to() : "beta", major, 1, 0, request);
            case PATCH -> release(Tag.parse(request.from()).prefix(), major, Tag.parse(request.from()).version().minor(), 1,
                    request);
            case NIGHTLY, DEV -> build(major, request.kind() == VersionKind.DEV ? request.suffix() : NIGHTLY_ID, request);
        };
        onTag.accept(v.tag());
        byTag.put(v.tag(), v);
        return v;
    }

    private static Version release(String channel, int major, int minor, int patch, VersionRequest request) {
        String versionId = major + "." + minor + "." + patch;
        return new Version(channel + "-" + versionId, versionId, versionId, null, sdk(request, versionId), channel,
                channel, "flatcar-" + major, "0000000");
    }

    private static Version build(int major, String buildId, VersionRequest request) {
        String versionId = major + ".0.0";
        String version = versionId + "+" + buildId;
        return new Version("main-" + versionId + "-" + buildId, version, versionId, buildId, sdk(request, version),
                "developer", "developer", request.branch() != null ? request.branch() : "main", "0000000");
    }

    private static String sdk(VersionRequest request, String version) {
        return request.sdkVersion() != null ? request.sdkVersion() : version;
    }
}
