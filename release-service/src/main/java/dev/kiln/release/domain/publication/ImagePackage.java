package dev.kiln.release.domain.publication;

import java.util.Objects;

/**
 * One line of {@code flatcar_production_image_packages.txt}: an installed ebuild as Portage names it,
 * {@code sys-apps/systemd-256.8-r1::portage-stable} is atom {@code sys-apps/systemd}, version {@code 256.8-r1},
 * repository {@code portage-stable} (null when the line names none).
 */
public record ImagePackage(String atom, String version, String repository) {

    public ImagePackage {
        Objects.requireNonNull(atom, "atom");
        Objects.requireNonNull(version, "version");
    }

    /** The version without Portage's ebuild revision: {@code 256.8} for {@code 256.8-r1}. */
    public String upstreamVersion() {
        return version.replaceFirst("-r\\d+$", "");
    }

    /** {@code sys-apps/systemd-256.8-r1}, as image_changes prints a package. */
    public String nameAndVersion() {
        return atom + "-" + version;
    }
}
