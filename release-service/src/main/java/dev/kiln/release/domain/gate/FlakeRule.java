package dev.kiln.release.domain.gate;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides one suite on one target from all its attempts, with a flake window of {@code n} attempts.
 *
 * <p>Attempts are ordered by attempt number, then by arrival; a redelivered report (same {@code reportId}) is one
 * attempt. The window is the first {@code n} attempts in that order; attempts after it are reruns.
 * <ul>
 * <li>no attempt: {@code missing};
 * <li>a pass inside the window: {@code satisfied} (failures around it inside the window are the flakes the
 * window tolerates), unless the newest attempt is a failure beyond the window: then {@code failed}, the gate
 * is revoked. A newer passing rerun restores it, since the newest rerun is the tester's latest word; the
 * revoking attempt stays in the list;
 * <li>no pass inside the window: {@code failed} once the window is full, else {@code waiting}. Passes beyond the
 * window do not count, or unlimited reruns would defeat the window.
 * </ul>
 */
final class FlakeRule {

    private static final Comparator<TestReport> ATTEMPT_ORDER = Comparator.comparingInt(TestReport::attempt)
            .thenComparing(TestReport::receivedAt).thenComparing(TestReport::reportId);

    private FlakeRule() {
    }

    /** The attempts of one target, deduplicated on report id and in attempt order. */
    static List<TestReport> attempts(List<TestReport> reports) {
        Map<String, TestReport> byId = new LinkedHashMap<>();
        reports.stream().sorted(Comparator.comparing(TestReport::receivedAt)).forEach(r -> byId.putIfAbsent(r.reportId(), r));
        return byId.values().stream().sorted(ATTEMPT_ORDER).toList();
    }

    record Decision(Status status, String detail) {
    }

    static Decision decide(List<TestReport> attempts, int n) {
        if (attempts.isEmpty()) {
            return new Decision(Status.MISSING, "no report yet");
        }
        List<TestReport> window = attempts.subList(0, Math.min(n, attempts.size()));
        List<TestReport> reruns = attempts.subList(window.size(), attempts.size());
        int firstPass = indexOfPass(window);
        if (firstPass < 0) {
            return window.size() == n
                    ? new Decision(Status.FAILED, "failed all " + n + " attempt(s) of the flake window")
                    : new Decision(Status.WAITING, "failed " + window.size() + " of " + n + " attempt(s); "
                            + (n - window.size()) + " left");
        }
        if (!reruns.isEmpty() && !reruns.getLast().passed()) {
            return new Decision(Status.FAILED, "revoked: passed on attempt " + window.get(firstPass).attempt()
                    + " but the newest rerun, attempt " + reruns.getLast().attempt() + " (beyond the " + n + "-attempt window) failed");
        }
        return new Decision(Status.SATISFIED, "passed on attempt " + window.get(firstPass).attempt()
                + " within the " + n + "-attempt window");
    }

    private static int indexOfPass(List<TestReport> window) {
        for (int i = 0; i < window.size(); i++) {
            if (window.get(i).passed()) {
                return i;
            }
        }
        return -1;
    }
}
