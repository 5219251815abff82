package dev.kiln.release.testing;

import java.sql.Timestamp;
import java.time.Instant;

/** Releases stored as an earlier run of the service would have left them, for tests that start from a published one. */
public final class Seed {

    private Seed() {
    }

    /** {@code version} built for amd64 and arm64 with the qemu_uefi image, published at {@code at}. */
    public static void published(String version, Instant at) {
        String[] parts = version.split("\\.");
        String channel = switch (parts[1]) {
            case "0" -> "alpha";
            case "1" -> "beta";
            case "2" -> "stable";
            default -> "lts";
        };
        Timestamp built = Timestamp.from(at.minusSeconds(86_400));
        Db.execute("insert into release_service.release (version, major, minor, patch, channel, tag, build_id, sdk_version, arches,"
                + " vendors, requested_by, state, created_at) values (?, ?, ?, ?, ?, ?, 'seeded', '4790.0.0', 'amd64,arm64',"
                + " 'qemu_uefi', null, 'published', ?)", version, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]), channel, channel + "-" + version, built);
        transition(version, 1, null, "candidate", built);
        transition(version, 2, "candidate", "ready", built);
        transition(version, 3, "ready", "published", Timestamp.from(at));
    }

    private static void transition(String version, int seq, String from, String to, Timestamp at) {
        Db.execute("insert into release_service.release_transition (version, seq, from_state, to_state, actor, reason, at)"
                + " values (?, ?, ?, ?, 'seed', 'seeded', ?)", version, seq, from, to, at);
    }
}
