package dev.kiln.version.domain;

import dev.kiln.flatcar.Version;
import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.VersionFile;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An in-memory scripts repository shaped like Flatcar's: release branches, their tags and version.txt files. */
final class FakeScriptsRepo implements RepositoryView {

    private final Map<String, String> branchFiles = new HashMap<>();
    private final Map<String, String> tagFiles = new HashMap<>();

    /** main at nightly 4799; flatcar-4593 (stable), -4081 (lts), -4757 (beta), -4790 (alpha), flatcar-lts-2605. */
    static FakeScriptsRepo flatcarLike() {
        FakeScriptsRepo repo = new FakeScriptsRepo();
        repo.branch("main", "4799.0.0+nightly-20260821-2100", "4799.0.0+nightly-20260821-2100");
        repo.tag("main-4799.0.0-nightly-20260821-2100", "4799.0.0+nightly-20260821-2100", "4799.0.0+nightly-20260821-2100");
        repo.tag("main-4799.0.0-nightly-20260821-2100-INTERMEDIATE", "4799.0.0+nightly-20260821-2100-INTERMEDIATE",
                "4799.0.0+nightly-20260821-2100-INTERMEDIATE");
        repo.branch("feature/faster-boot", "4799.0.0+nightly-20260821-2100", "4799.0.0+nightly-20260821-2100");

        repo.branch("flatcar-4593", "4593.2.5", "4593.0.0");
        for (String v : new String[] {"4593.0.0", "4593.1.0", "4593.2.0", "4593.2.1", "4593.2.2", "4593.2.3", "4593.2.4", "4593.2.5"}) {
            repo.tag(Tag.release(Version.parse(v)).name(), v, "4593.0.0");
        }
        repo.tag("stable-4593.2.4-fix-nvidia-drivers-4593", "4593.2.4+fix-nvidia-drivers-4593", "4593.0.0");

        repo.branch("flatcar-4081", "4081.3.10", "4081.0.0");
        for (String v : new String[] {"4081.2.8", "4081.3.9", "4081.3.10"}) {
            repo.tag(Tag.release(Version.parse(v)).name(), v, "4081.0.0");
        }
        repo.branch("flatcar-4757", "4757.1.0", "4757.0.0");
        repo.tag("alpha-4757.0.0", "4757.0.0", "4757.0.0");
        repo.tag("beta-4757.1.0", "4757.1.0", "4757.0.0");

        repo.branch("flatcar-4790", "4790.0.1", "4790.0.0");
        repo.tag("alpha-4790.0.0", "4790.0.0", "4790.0.0");
        repo.tag("alpha-4790.0.1", "4790.0.1", "4790.0.0");

        repo.branch("flatcar-lts-2605", "2605.3.12", "2605.0.0");
        repo.tag("lts-2605.3.12", "2605.3.12", "2605.0.0");

        repo.tag("alpha-3449.0.0-dev23", "3449.0.0+dev23", "3432.0.0");
        return repo;
    }

    FakeScriptsRepo branch(String name, String version, String sdk) {
        branchFiles.put(name, file(version, sdk));
        return this;
    }

    FakeScriptsRepo tag(String name, String version, String sdk) {
        tagFiles.put(name, file(version, sdk));
        return this;
    }

    @Override
    public Set<String> branches() {
        return Set.copyOf(branchFiles.keySet());
    }

    @Override
    public Collection<String> tagNames() {
        return Set.copyOf(tagFiles.keySet());
    }

    @Override
    public Optional<String> versionFileAtBranch(String branch) {
        return Optional.ofNullable(branchFiles.get(branch));
    }

    @Override
    public Optional<String> versionFileAtTag(String tag) {
        return Optional.ofNullable(tagFiles.get(tag));
    }

    private static String file(String version, String sdk) {
        return new VersionFile(Version.parse(version), Version.parse(sdk)).render();
    }
}
