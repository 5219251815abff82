package dev.kiln.artifact.api;

import dev.kiln.artifact.domain.gc.GcOverrides;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Optional changes to the configured settings for one plan or run. As with Flatcar's script, giving
 * {@code keep} without {@code minAgeDays} sets the minimum age to 0. {@code purgeTags} purges exactly those
 * dev build tags, ignoring keep and age.
 */
public record GcRequest(
        @PositiveOrZero @Max(100_000) Integer keep,
        @PositiveOrZero @Max(36_500) Integer minAgeDays,
        @PositiveOrZero @Max(100_000) Integer keepPerChannel,
        @PositiveOrZero @Max(1_000) Integer keepLtsMajors,
        @Size(max = 10_000)
        List<@NotBlank @Size(max = 200) @Pattern(regexp = TAG, message = "must be a tag such as main-4790.0.1-nightly-20261207-2100")
                String> purgeTags) {

    /** The characters of a Flatcar build tag (git allows more; Kiln's tags use no others). */
    static final String TAG = "[A-Za-z0-9][A-Za-z0-9._+-]*";

    GcOverrides overrides() {
        return new GcOverrides(keep, minAgeDays, keepPerChannel, keepLtsMajors, purgeTags);
    }

    static GcOverrides overridesOf(GcRequest request) {
        return request == null ? GcOverrides.NONE : request.overrides();
    }
}
