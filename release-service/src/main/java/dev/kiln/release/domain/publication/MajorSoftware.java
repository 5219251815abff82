package dev.kiln.release.domain.publication;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The {@code major_software} of a release in Flatcar's releases.json: kernel, systemd, docker and ignition, each a
 * list because a release may ship two versions of one package. Versions as Flatcar's feed shows them: upstream
 * version without the ebuild revision, and systemd by its major only ({@code 256} for {@code 256.8-r1}).
 */
public final class MajorSoftware {

    private record Source(String name, List<String> atoms, Function<ImagePackage, String> shown) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source("docker", List.of("app-containers/docker", "app-emulation/docker"), ImagePackage::upstreamVersion),
            new Source("ignition", List.of("sys-apps/ignition"), ImagePackage::upstreamVersion),
            new Source("kernel", List.of("sys-kernel/coreos-kernel"), ImagePackage::upstreamVersion),
            new Source("systemd", List.of("sys-apps/systemd"), p -> p.upstreamVersion().split("\\.")[0]));

    private MajorSoftware() {
    }

    /** Name to versions, names sorted, versions distinct and sorted; a package the lists lack is left out. */
    public static Map<String, List<String>> of(Collection<PackageList> lists) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Source source : SOURCES) {
            TreeSet<String> versions = new TreeSet<>();
            for (PackageList list : lists) {
                for (String atom : source.atoms()) {
                    list.versionsOf(atom).forEach(p -> versions.add(source.shown().apply(p)));
                }
            }
            if (!versions.isEmpty()) {
                out.put(source.name(), List.copyOf(versions));
            }
        }
        return out;
    }
}
