package dev.kiln.flatcar;

import java.util.Map;

/**
 * The image-side version.txt build_image writes next to the images (and release mirrors serve as
 * {@code <arch>-usr/current/version.txt}): FLATCAR_BUILD, FLATCAR_BRANCH and FLATCAR_PATCH, the three
 * numbers of the version id, followed by the four keys of {@link VersionFile}.
 */
public record ImageVersionFile(VersionFile file) {

    public static final String BUILD = "FLATCAR_BUILD";
    public static final String BRANCH = "FLATCAR_BRANCH";
    public static final String PATCH = "FLATCAR_PATCH";

    public static ImageVersionFile parse(String text) {
        Map<String, String> values = ShellAssignments.read(text);
        VersionFile file = VersionFile.fromValues(values, text);
        Version v = file.version();
        String split = ShellAssignments.require(values, BUILD, text) + "." + ShellAssignments.require(values, BRANCH, text)
                + "." + ShellAssignments.require(values, PATCH, text);
        if (!split.equals(v.versionId())) {
            throw new MalformedVersionException(text, BUILD + "/" + BRANCH + "/" + PATCH + " (" + split
                    + ") do not match " + VersionFile.VERSION_ID + "=" + v.versionId());
        }
        return new ImageVersionFile(file);
    }

    public String render() {
        Version v = file.version();
        return BUILD + "=" + v.major() + "\n" + BRANCH + "=" + v.minor() + "\n" + PATCH + "=" + v.patch() + "\n" + file.render();
    }
}
