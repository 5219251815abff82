package dev.kiln.artifact.domain.gc;

import java.util.List;

/**
 * What a caller changes for one plan or run; null keeps the configured value. As with Flatcar's
 * {@code garbage_collect [keep] [min_age_days]}, a {@code keep} given without {@code minAgeDays} means age 0.
 */
public record GcOverrides(Integer keep, Integer minAgeDays, Integer keepPerChannel, Integer keepLtsMajors,
        List<String> purgeTags) {

    public static final GcOverrides NONE = new GcOverrides(null, null, null, null, null);

    public GcSettings applyTo(GcSettings defaults) {
        int minAge = minAgeDays != null ? minAgeDays : keep != null ? 0 : defaults.minAgeDays();
        return new GcSettings(keep != null ? keep : defaults.keep(), minAge,
                keepPerChannel != null ? keepPerChannel : defaults.keepPerChannel(),
                keepLtsMajors != null ? keepLtsMajors : defaults.keepLtsMajors(), defaults.arches(),
                purgeTags != null ? purgeTags : defaults.purgeTags());
    }
}
