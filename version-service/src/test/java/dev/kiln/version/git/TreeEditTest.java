package dev.kiln.version.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.version.support.ScriptsRemote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rewriting only the trees along version.txt's path gives the very tree git itself would write. */
class TreeEditTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"existing-file", "missing-file", "missing-directories", "neighbours-sorting-around-it"})
    void producesTheTreeGitWrites(String scenario) throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "tree-edit")), scenario);
        ScriptsRemote repo = ScriptsRemote.create(dir.resolve("repo.git"));
        Map<String, String> before = new LinkedHashMap<>();
        before.put("README.md", "scripts\n");
        before.put("sdk_lib/sdk_container_common.sh", "#!/bin/bash\n");
        if (!scenario.equals("missing-directories")) {
            before.put("sdk_container/src/third_party/coreos-overlay/README", "overlay\n");
        }
        if (scenario.equals("existing-file") || scenario.equals("neighbours-sorting-around-it")) {
            before.put(ScriptsRemote.VERSION_FILE, "FLATCAR_VERSION=4593.2.4\n");
        }
        if (scenario.equals("neighbours-sorting-around-it")) {
            before.put("sdk_container/.repo/manifests.d/x", "a file in a directory whose name extends 'manifests'\n");
            before.put("sdk_container/.repo/manifests-old", "a file whose name extends 'manifests'\n");
            before.put("sdk_container/.repo/manifests/version.txt.orig", "x\n");
            before.put("sdk_container/.repo/manifests/mantle-container", "ghcr.io/flatcar/mantle:git-1\n");
        }
        ObjectId base = repo.commit(null, before, "base");
        String content = ScriptsRemote.versionFile("4593.2.5", "4593.2.5", "", "4593.0.0");
        ObjectId expected = repo.commitOf(repo.commit(base, Map.of(ScriptsRemote.VERSION_FILE, content), "by git").name()).getTree();

        ObjectId actual;
        try (Repository r = new FileRepositoryBuilder().setGitDir(dir.resolve("repo.git").toFile()).setBare().build();
                ObjectInserter ins = r.newObjectInserter(); ObjectReader reader = r.newObjectReader(); RevWalk walk = new RevWalk(r)) {
            ObjectId blob = ins.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8));
            actual = TreeEdit.withFile(reader, ins, walk.parseCommit(base).getTree(), ScriptsRemote.VERSION_FILE, blob);
            ins.flush();
        }

        assertThat(actual).isEqualTo(expected);
    }
}
