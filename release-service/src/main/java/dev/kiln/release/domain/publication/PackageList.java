package dev.kiln.release.domain.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packages of a release's image, read from {@code flatcar_production_image_packages.txt} (one
 * {@code category/name-version::repository} per line, what {@code equery list --format '$cpv::$repo'} prints).
 * Lines that are not a package (blank, comments, anything malformed) are counted in {@code skipped}, not fatal: a
 * report file must not stop a publication.
 */
public record PackageList(List<ImagePackage> packages, int skipped) {

    /** Portage's version grammar: numbers, an optional letter, suffixes like _rc1 or _p20240101, an optional -rN. */
    private static final Pattern LINE = Pattern.compile(
            "([A-Za-z0-9][A-Za-z0-9+_.-]*)/([A-Za-z0-9+_-]+?)-(\\d+(?:\\.\\d+)*[a-z]?(?:_(?:alpha|beta|pre|rc|p)\\d*)*(?:-r\\d+)?)"
                    + "(?:::([A-Za-z0-9_-]+))?");

    public PackageList {
        packages = List.copyOf(packages);
    }

    public static PackageList empty() {
        return new PackageList(List.of(), 0);
    }

    public static PackageList parse(String text) {
        List<ImagePackage> packages = new ArrayList<>();
        int skipped = 0;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                packages.add(new ImagePackage(m.group(1) + "/" + m.group(2), m.group(3), m.group(4)));
            } else {
                skipped++;
            }
        }
        return new PackageList(packages, skipped);
    }

    /** Every version of {@code atom} installed (usually one; two when slots differ, e.g. two Python versions). */
    public List<ImagePackage> versionsOf(String atom) {
        return packages.stream().filter(p -> p.atom().equals(atom)).toList();
    }

    /** Back to the file's format, one package a line, for storing and diffing later. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (ImagePackage p : packages) {
            out.append(p.nameAndVersion());
            if (p.repository() != null) {
                out.append("::").append(p.repository());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
