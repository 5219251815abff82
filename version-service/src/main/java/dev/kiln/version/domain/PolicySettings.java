package dev.kiln.version.domain;

import dev.kiln.flatcar.FlatcarCalendar;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names and numbers a fork may change: its main branch, its release-branch prefix and the epoch of majors. */
public record PolicySettings(String mainBranch, String releaseBranchPrefix, LocalDate epoch) {

    public static final PolicySettings FLATCAR = new PolicySettings("main", "flatcar-", FlatcarCalendar.FLATCAR_EPOCH);

    /** {@code flatcar-4593}, or {@code flatcar-lts-2605} (the one LTS branch Flatcar named differently). */
    public Optional<Integer> releaseBranchMajor(String branch) {
        Matcher m = Pattern.compile(Pattern.quote(releaseBranchPrefix) + "(?:lts-)?([1-9][0-9]{0,8})").matcher(branch);
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    public String releaseBranch(int major) {
        return releaseBranchPrefix + major;
    }

    String ltsReleaseBranch(int major) {
        return releaseBranchPrefix + "lts-" + major;
    }
}
