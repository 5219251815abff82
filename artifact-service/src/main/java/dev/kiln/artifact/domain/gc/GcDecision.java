package dev.kiln.artifact.domain.gc;

import java.util.List;

/**
 * One line of a plan: under {@code rule}, the {@code subject} (a tag, or a directory such as
 * {@code images/amd64/4593.2.0/}) is kept or purged, with a stable {@code code} and a readable {@code reason}.
 * A purge removes every object under each of {@code prefixes}; a dev build purge also deletes its tag.
 */
public record GcDecision(GcRule rule, String code, String subject, String version, GcAction action, String reason,
        List<String> prefixes) {

    public GcDecision {
        prefixes = List.copyOf(prefixes);
    }

    static GcDecision keep(GcRule rule, String code, String subject, String version, String reason) {
        return new GcDecision(rule, code, subject, version, GcAction.KEEP, reason, List.of());
    }

    static GcDecision purge(GcRule rule, String code, String subject, String version, String reason,
            List<String> prefixes) {
        return new GcDecision(rule, code, subject, version, GcAction.PURGE, reason, prefixes);
    }

    public boolean purges() {
        return action == GcAction.PURGE;
    }
}
