package dev.kiln.version.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Seeds a scripts remote with a history shaped like flatcar/scripts: a main branch carrying nightly
 * "New version" commits, release branches flatcar-MMMM carrying release tags, maintenance nightlies and a
 * free-standing dev tag. Each scenario of the tests owns its own release branch, so tests do not interfere.
 */
public final class FlatcarHistory {

    /** Release branches and the release tags on them, oldest first. */
    private static final Map<String, String[]> RELEASES = Map.of(
            "flatcar-4081", new String[] {"lts-4081.3.9", "lts-4081.3.10"},
            "flatcar-4459", new String[] {"stable-4459.2.0", "stable-4459.2.1"},
            "flatcar-4564", new String[] {"stable-4564.2.3"},
            "flatcar-4593", new String[] {"alpha-4593.0.0", "beta-4593.1.0", "stable-4593.2.0", "stable-4593.2.4", "stable-4593.2.5"},
            "flatcar-4628", new String[] {"alpha-4628.0.0", "beta-4628.1.0", "stable-4628.2.0"},
            "flatcar-4757", new String[] {"alpha-4757.0.0", "beta-4757.1.0"},
            "flatcar-4790", new String[] {"alpha-4790.0.0", "alpha-4790.0.1"});

    private FlatcarHistory() {
    }

    public static ScriptsRemote seed(ScriptsRemote remote) {
        ObjectId root = remote.commit(null, Map.of(
                "README.md", "# Flatcar Container Linux SDK scripts\n",
                "ci-automation/ci_automation_common.sh", "#!/bin/bash\n# shared helpers of the CI steps\n",
                "ci-automation/packages-tag.sh", "#!/bin/bash\nfunction packages_tag() { :; }\n",
                "build_library/release_util.sh", "#!/bin/bash\n",
                ScriptsRemote.VERSION_FILE, ScriptsRemote.versionFile("4564.0.0+nightly-20251229-2100", "4564.0.0",
                        "nightly-20251229-2100", "4564.0.0+nightly-20251229-2100")),
                "Initial import of the scripts repository");
        RELEASES.forEach((branch, tags) -> remote.setBranch(branch, releases(remote, root, tags)));
        ObjectId maintenance = remote.versionCommit(remote.branch("flatcar-4593").orElseThrow(), "stable-4593.2.5-nightly-20260820-2100",
                ScriptsRemote.versionFile("4593.2.5+nightly-20260820-2100", "4593.2.5", "nightly-20260820-2100", "4593.0.0"));
        remote.tag("stable-4593.2.5-nightly-20260820-2100", maintenance);
        remote.setBranch("flatcar-4593", maintenance);

        ObjectId change = remote.commit(root, Map.of("ci-automation/vms.sh", "#!/bin/bash\nfunction vm_build() { :; }\n"),
                "ci-automation: add vms step");
        String intermediate = "4799.0.0+nightly-20260821-2100-INTERMEDIATE";
        ObjectId first = remote.versionCommit(change, "main-4799.0.0-nightly-20260821-2100-INTERMEDIATE",
                ScriptsRemote.versionFile(intermediate, "4799.0.0", "nightly-20260821-2100-INTERMEDIATE", intermediate));
        remote.tag("main-4799.0.0-nightly-20260821-2100-INTERMEDIATE", first);
        String nightly = "4799.0.0+nightly-20260821-2100";
        ObjectId head = remote.versionCommit(first, "main-4799.0.0-nightly-20260821-2100",
                ScriptsRemote.versionFile(nightly, "4799.0.0", "nightly-20260821-2100", nightly));
        remote.tag("main-4799.0.0-nightly-20260821-2100", head);
        remote.setBranch("main", head);
        remote.setBranch("feature/faster-boot", remote.commit(head, Map.of("ci-automation/boot.sh", "#!/bin/bash\n"), "Boot faster"));

        ObjectId dev = remote.versionCommit(remote.commitOf("refs/tags/alpha-4790.0.0").getId(), "alpha-4790.0.0-dev23",
                ScriptsRemote.versionFile("4790.0.0+dev23", "4790.0.0", "dev23", "4790.0.0"));
        remote.tag("alpha-4790.0.0-dev23", dev);
        return remote;
    }

    /**
     * Seeds main with {@code count} nightly tags (one "New version" commit each, like Flatcar's main) plus
     * release branch flatcar-4593 with stable-4593.2.5, then packs refs and objects as a hosted remote keeps
     * them: a remote of realistic size and shape for benchmarks.
     */
    public static ScriptsRemote seedWithNightlies(ScriptsRemote remote, int count) {
        ObjectId root = remote.commit(null, Map.of("README.md", "# scripts\n", "ci-automation/ci_automation_common.sh", "#!/bin/bash\n",
                ScriptsRemote.VERSION_FILE, ScriptsRemote.versionFile("4593.0.0", "4593.0.0", "", "4593.0.0")), "Initial import");
        remote.setBranch("flatcar-4593", releases(remote, root, new String[] {"stable-4593.2.5"}));
        LocalDate first = LocalDate.of(2026, 8, 21).minusDays(count - 1);
        remote.appendVersionCommits("main", root, count, i -> {
            LocalDate day = first.plusDays(i);
            String id = "nightly-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-2100";
            String version = (day.toEpochDay() - LocalDate.of(2013, 7, 1).toEpochDay()) + ".0.0";
            return new ScriptsRemote.TaggedFile("main-" + version + "-" + id,
                    ScriptsRemote.versionFile(version + "+" + id, version, id, version + "+" + id),
                    day.atTime(21, 0).toInstant(java.time.ZoneOffset.UTC));
        });
        remote.packWithGitCli();
        return remote;
    }

    private static ObjectId releases(ScriptsRemote remote, ObjectId from, String[] tags) {
        ObjectId head = from;
        for (String tag : tags) {
            String version = tag.substring(tag.indexOf('-') + 1);
            String sdk = version.substring(0, version.indexOf('.')) + ".0.0";
            head = remote.versionCommit(head, tag, ScriptsRemote.versionFile(version, version, "", sdk));
            remote.tag(tag, head);
        }
        return head;
    }
}
