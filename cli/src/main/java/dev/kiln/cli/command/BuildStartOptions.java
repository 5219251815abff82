package dev.kiln.cli.command;

import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.KilnCliException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of {@code kiln build start}, turned into build-runner's {@code POST /api/v1/builds} body. */
public final class BuildStartOptions {

    @Option(names = "--pipeline", required = true, description = "full, os, sysext or a custom pipeline.")
    String pipeline;

    @Option(names = "--kind", description = "New version of this kind: nightly, alpha, promotion, patch, dev.")
    String kind;

    @Option(names = "--tag", description = "Build this existing tag instead of a new version.")
    String tag;

    @Option(names = "--branch", description = "Branch of the new version, for the kinds that take one (nightly: main by default; dev).")
    String branch;

    @Option(names = "--arch", required = true, split = ",", paramLabel = "ARCH", description = "amd64, arm64.")
    List<String> arches;

    @Option(names = "--vendor", split = ",", paramLabel = "VENDOR", description = "Vendor images (qemu_uefi, ...).")
    List<String> vendors;

    @Option(names = "--from", description = "Passed to version-service (promotion, patch, dev).")
    String from;

    @Option(names = "--to", description = "Passed to version-service (promotion).")
    String to;

    @Option(names = "--suffix", description = "Passed to version-service (dev).")
    String suffix;

    @Option(names = "--sdk-version", description = "Overrides FLATCAR_SDK_VERSION.")
    String sdkVersion;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A pipeline parameter; repeatable.")
    Map<String, String> params;

    @Option(names = "--no-skip-cached", negatable = false,
            description = "Build steps even when their outputs are in the cache.")
    boolean noSkipCached;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Retrying with the same key returns the first build instead of starting another.")
    String idempotencyKey;

    public Map<String, Object> body() {
        if ((kind == null) == (tag == null)) {
            throw new KilnCliException(ExitCodes.USAGE, "give either --kind (a new version) or --tag (an existing one)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pipeline", pipeline);
        put(body, "kind", kind);
        // only when given: which kinds take a branch, and its default, are version-service's rules (alpha takes none)
        put(body, "branch", branch);
        put(body, "tag", tag);
        body.put("arches", arches);
        put(body, "vendors", vendors);
        put(body, "params", params);
        put(body, "from", from);
        put(body, "to", to);
        put(body, "suffix", suffix);
        put(body, "sdkVersion", sdkVersion);
        if (noSkipCached) {
            body.put("skipCached", false);
        }
        return body;
    }

    public String idempotencyKey() {
        return idempotencyKey != null ? idempotencyKey : java.util.UUID.randomUUID().toString();
    }

    private static void put(Map<String, Object> body, String field, Object value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
