package dev.kiln.runner.domain.build;

import dev.kiln.flatcar.CacheAreas;
import dev.kiln.flatcar.Version;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cache directories the steps of a build may write with their step token: the build version's directories in
 * Flatcar's layout ({@link CacheAreas}) for the build's arches and vendors, plus the directory of every output the
 * pipeline declares for its runs, which covers the SDK of an SDK build ({@code sdk/<arch>/<V>/}), the packages logs
 * Flatcar stores under the SDK version and {@code sysexts/<ext>-<version>/}. Nothing wider than two levels
 * ({@code images/amd64/}) is ever named: an output directory that shallow is left out, and artifact-service would
 * refuse it anyway.
 */
public final class StepTokenScope {

    private static final int MIN_DEPTH = 2;
    private static final String GLOB_CHARACTERS = "*?[{";

    private StepTokenScope() {
    }

    public static List<String> prefixes(Build build) {
        VersionInfo info = build.version();
        if (info == null) {
            throw new IllegalStateException("build " + build.id() + " has no version yet");
        }
        Version version = Version.parse(info.version());
        Set<String> prefixes = new TreeSet<>();
        prefixes.add(CacheAreas.containersDir(version));
        prefixes.add(CacheAreas.buildLogsDir(version));
        for (String arch : build.request().arches()) {
            prefixes.add(CacheAreas.imagesDir(arch, version));
            prefixes.add(CacheAreas.boardPackagesDir(arch, version));
        }
        for (StepRun run : build.runs()) {
            if (run.arch() != null && run.vendor() != null) {
                prefixes.add(CacheAreas.testingDir(version, run.arch(), run.vendor()));
            }
            for (String output : StepRenderer.outputs(build, run)) {
                directoryOf(output).ifPresent(prefixes::add);
            }
        }
        return List.copyOf(prefixes);
    }

    /** {@code images/amd64/4593.2.5/} for {@code images/amd64/4593.2.5/flatcar_production_*_image.bin.bz2}. */
    static java.util.Optional<String> directoryOf(String output) {
        int glob = -1;
        for (int i = 0; i < output.length() && glob < 0; i++) {
            if (GLOB_CHARACTERS.indexOf(output.charAt(i)) >= 0) {
                glob = i;
            }
        }
        String literal = glob < 0 ? output : output.substring(0, glob);
        int slash = literal.lastIndexOf('/');
        if (slash < 0) {
            return java.util.Optional.empty();
        }
        String dir = literal.substring(0, slash + 1);
        return dir.split("/").length >= MIN_DEPTH ? java.util.Optional.of(dir) : java.util.Optional.empty();
    }
}
