package dev.kiln.artifact.api;

import dev.kiln.artifact.domain.gc.GcSettings;
import java.util.List;

/** The settings a plan or run used. */
public record GcSettingsResponse(int keep, int minAgeDays, int keepPerChannel, int keepLtsMajors, List<String> arches,
        List<String> purgeTags) {

    static GcSettingsResponse of(GcSettings s) {
        return new GcSettingsResponse(s.keep(), s.minAgeDays(), s.keepPerChannel(), s.keepLtsMajors(), s.arches(),
                s.purgeTags());
    }
}
