package dev.kiln.flatcar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A request for a version. Which fields a kind takes: nightly {@code branch}; alpha none; promotion
 * {@code from} and optionally {@code to}; patch {@code from}; dev {@code suffix} and optionally
 * {@code branch} and {@code from}. Every kind takes an optional {@code sdkVersion} override.
 */
public record VersionRequest(VersionKind kind, String branch, String from, String to, String suffix,
        String sdkVersion) {

    public VersionRequest {
        Objects.requireNonNull(kind, "kind");
        branch = blankToNull(branch);
        from = blankToNull(from);
        to = blankToNull(to);
        suffix = blankToNull(suffix);
        sdkVersion = blankToNull(sdkVersion);
    }

    /** Throws {@link InvalidVersionRequestException} when a field the kind needs is missing or one it ignores is set. */
    public void checkFields() {
        List<InvalidVersionRequestException.FieldProblem> problems = new ArrayList<>();
        boolean needsFrom = kind == VersionKind.PROMOTION || kind == VersionKind.PATCH;
        boolean takesFrom = needsFrom || kind == VersionKind.DEV;
        boolean takesBranch = kind == VersionKind.NIGHTLY || kind == VersionKind.DEV;
        require(problems, "from", from, needsFrom);
        require(problems, "suffix", suffix, kind == VersionKind.DEV);
        forbid(problems, "from", from, takesFrom);
        forbid(problems, "branch", branch, takesBranch);
        forbid(problems, "to", to, kind == VersionKind.PROMOTION);
        forbid(problems, "suffix", suffix, kind == VersionKind.DEV);
        if (!problems.isEmpty()) {
            throw new InvalidVersionRequestException(problems);
        }
    }

    /** SHA-256 (hex) of the request's fields, so that an Idempotency-Key can be matched to the request it was used for. */
    public String fingerprint() {
        String canonical = String.join("\u001f", kind.id(), String.valueOf(branch), String.valueOf(from), String.valueOf(to),
                String.valueOf(suffix), String.valueOf(sdkVersion));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void require(List<InvalidVersionRequestException.FieldProblem> problems, String field, String value, boolean needed) {
        if (needed && value == null) {
            problems.add(new InvalidVersionRequestException.FieldProblem(field, "is required for kind " + kind.id()));
        }
    }

    private void forbid(List<InvalidVersionRequestException.FieldProblem> problems, String field, String value, boolean taken) {
        if (!taken && value != null) {
            problems.add(new InvalidVersionRequestException.FieldProblem(field, "is not used by kind " + kind.id()));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
