package dev.kiln.artifact.domain.gc;

import java.util.List;

/**
 * The knobs of one collection, as Flatcar's scripts take them: dev builds kept (newest {@code keep} and
 * younger than {@code minAgeDays}), releases kept per channel and LTS majors, the architectures whose
 * directories the sweeps inspect, and an optional explicit list of dev tags to purge (ignoring keep and age).
 */
public record GcSettings(int keep, int minAgeDays, int keepPerChannel, int keepLtsMajors, List<String> arches,
        List<String> purgeTags) {

    public GcSettings {
        arches = arches == null ? List.of() : List.copyOf(arches);
        purgeTags = purgeTags == null ? List.of() : List.copyOf(purgeTags);
    }
}
