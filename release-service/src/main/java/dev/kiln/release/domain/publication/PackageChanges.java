package dev.kiln.release.domain.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What changed in a release's image against an earlier one, as Flatcar's image_changes shows it: packages
 * {@code added} and {@code removed} (as {@code atom-version}), and {@code updated} ones (one version before, one
 * after). An atom installed in several versions on either side that changed is listed as removed and added
 * versions, since no pairing of slots is certain.
 */
public record PackageChanges(List<String> added, List<String> removed, List<Update> updated) {

    /** One package whose single version changed. */
    public record Update(String name, String from, String to) {
    }

    public PackageChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        updated = List.copyOf(updated);
    }

    public static PackageChanges between(PackageList before, PackageList after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<Update> updated = new ArrayList<>();
        Set<String> atoms = new TreeSet<>();
        before.packages().forEach(p -> atoms.add(p.atom()));
        after.packages().forEach(p -> atoms.add(p.atom()));
        for (String atom : atoms) {
            Set<String> was = versions(before, atom);
            Set<String> is = versions(after, atom);
            if (was.equals(is)) {
                continue;
            }
            if (was.size() == 1 && is.size() == 1) {
                updated.add(new Update(atom, was.iterator().next(), is.iterator().next()));
                continue;
            }
            was.stream().filter(v -> !is.contains(v)).forEach(v -> removed.add(atom + "-" + v));
            is.stream().filter(v -> !was.contains(v)).forEach(v -> added.add(atom + "-" + v));
        }
        return new PackageChanges(added, removed, updated);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && updated.isEmpty();
    }

    private static Set<String> versions(PackageList list, String atom) {
        return list.versionsOf(atom).stream().map(ImagePackage::version).collect(Collectors.toCollection(TreeSet::new));
    }
}
