package dev.kiln.localstack.testsystem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides the attempts of every required target from the image checks. A target whose checks found a problem fails
 * every attempt the flake rule allows (a rerun finds the same corrupt file). To show the flake rule, the first target
 * of {@code flakySuite} fails its first attempt and passes its rerun, when the policy allows a rerun at all.
 */
public final class SuiteRuns {

    private final String flakySuite;

    public SuiteRuns(String flakySuite) {
        this.flakySuite = flakySuite;
    }

    public List<Attempt> plan(List<Target> targets, Map<String, ArchCheck> checks) {
        Target flaky = targets.stream().filter(t -> t.suite().equals(flakySuite) && t.flakeAttempts() >= 2)
                .filter(t -> problems(t, checks).isEmpty()).findFirst().orElse(null);
        List<Attempt> attempts = new ArrayList<>();
        for (Target target : targets) {
            List<String> problems = problems(target, checks);
            if (!problems.isEmpty()) {
                String why = String.join("; ", problems);
                for (int n = 1; n <= Math.max(1, target.flakeAttempts()); n++) {
                    attempts.add(new Attempt(target, n, false, why));
                }
            } else if (target.equals(flaky)) {
                attempts.add(new Attempt(target, 1, false, "a flake, on purpose: the first attempt of " + flakySuite
                        + " fails to show the flake rule (" + target.flakeAttempts() + " attempts allowed)"));
                attempts.add(new Attempt(target, 2, true, "the rerun passes: images and version.txt check out"));
            } else {
                attempts.add(new Attempt(target, 1, true, "images and version.txt check out"));
            }
        }
        return attempts;
    }

    private static List<String> problems(Target target, Map<String, ArchCheck> checks) {
        ArchCheck check = checks.get(target.arch());
        return check == null ? List.of("the candidate was not built for " + target.arch()) : check.problemsFor(target);
    }
}
