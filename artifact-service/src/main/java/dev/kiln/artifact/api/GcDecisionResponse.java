package dev.kiln.artifact.api;

import dev.kiln.artifact.domain.gc.GcDecision;
import java.util.List;
import java.util.Locale;

/** One decision of a plan: rule, stable code, subject (tag or directory), keep or purge, reason, prefixes. */
public record GcDecisionResponse(String rule, String code, String subject, String version, String action,
        String reason, List<String> prefixes) {

    static GcDecisionResponse of(GcDecision d) {
        return new GcDecisionResponse(d.rule().id(), d.code(), d.subject(), d.version(),
                d.action().name().toLowerCase(Locale.ROOT), d.reason(), d.prefixes());
    }
}
