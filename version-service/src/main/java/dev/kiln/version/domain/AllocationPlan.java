package dev.kiln.version.domain;

import dev.kiln.flatcar.VersionKind;
import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.VersionFile;
/**
 * What one allocation writes: {@code file} committed on top of {@code baseBranch} as
 * {@code New version: <tag>}, tagged {@code tag}; the commit is pushed to {@code pushBranch} (null for
 * free-standing dev tags), which is created when {@code createBranch} (a new major's flatcar-MMMM).
 */
public record AllocationPlan(VersionKind kind, Tag tag, VersionFile file, String baseBranch, String pushBranch,
        boolean createBranch) {

    /** The commit message Flatcar's update_and_push_version writes (before the sign-off). */
    public String commitSubject() {
        return "New version: " + tag.name();
    }
}
