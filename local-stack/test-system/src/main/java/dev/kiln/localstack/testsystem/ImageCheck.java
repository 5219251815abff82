package dev.kiln.localstack.testsystem;

import dev.kiln.flatcar.ImageVersionFile;
import dev.kiln.flatcar.MalformedVersionException;
import dev.kiln.flatcar.Version;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Tests" one arch of a candidate the way a real test system starts: downloads {@code version.txt}, the generic
 * image and each vendor image from the candidate's {@code images/<arch>/<version>/} directory, checks each against
 * its {@code .DIGESTS} file, and checks that {@code FLATCAR_VERSION} is the candidate's version.
 */
final class ImageCheck {

    static final String VERSION_TXT = "version.txt";
    static final String GENERIC_IMAGE = "flatcar_production_image.bin.bz2";
    static final String DIGESTS_SUFFIX = ".DIGESTS";

    private static final Logger LOG = LoggerFactory.getLogger(ImageCheck.class);

    private final CacheFiles cache;

    ImageCheck(CacheFiles cache) {
        this.cache = cache;
    }

    /** {@code flatcar_production_qemu_uefi_image.img.bz2}: the name Flatcar's image_to_vm gives a vendor image. */
    static String vendorImage(String vendor) {
        return "flatcar_production_" + vendor + "_image.img.bz2";
    }

    ArchCheck check(String arch, String imagesDir, Version version, List<String> vendors) {
        if (imagesDir == null || imagesDir.isBlank()) {
            return new ArchCheck(arch, List.of("the candidate names no image URL for " + arch), Map.of());
        }
        URI dir = URI.create(imagesDir.endsWith("/") ? imagesDir : imagesDir + "/");
        List<String> archProblems = new ArrayList<>(versionFile(dir, version));
        archProblems.addAll(image(dir, GENERIC_IMAGE));
        Map<String, List<String>> vendorProblems = new LinkedHashMap<>();
        for (String vendor : vendors) {
            vendorProblems.put(vendor, image(dir, vendorImage(vendor)));
        }
        return new ArchCheck(arch, archProblems, vendorProblems);
    }

    private List<String> versionFile(URI dir, Version version) {
        URI uri = dir.resolve(VERSION_TXT);
        Optional<CacheFiles.Text> text = cache.text(uri);
        if (text.isEmpty()) {
            return List.of(VERSION_TXT + " is missing at " + uri);
        }
        List<String> problems = new ArrayList<>(digestsProblems(dir, VERSION_TXT, text.get().digests()));
        try {
            Version found = ImageVersionFile.parse(text.get().body()).file().version();
            if (!found.equals(version)) {
                problems.add(VERSION_TXT + " says FLATCAR_VERSION=" + found.plusForm() + ", the candidate is " + version);
            }
        } catch (MalformedVersionException e) {
            problems.add(VERSION_TXT + " is malformed: " + e.getMessage());
        }
        LOG.info("{}: {}", uri, problems.isEmpty() ? "FLATCAR_VERSION=" + version + ", digests match" : problems);
        return problems;
    }

    private List<String> image(URI dir, String name) {
        URI uri = dir.resolve(name);
        Optional<FileDigests> digests = cache.digests(uri);
        if (digests.isEmpty()) {
            LOG.info("{}: missing", uri);
            return List.of(name + " is missing at " + uri);
        }
        List<String> problems = digestsProblems(dir, name, digests.get());
        LOG.info("{}: {} bytes, {}", uri, digests.get().size(), problems.isEmpty() ? "digests match" : problems);
        return problems;
    }

    private List<String> digestsProblems(URI dir, String name, FileDigests digests) {
        Optional<CacheFiles.Text> file = cache.text(dir.resolve(name + DIGESTS_SUFFIX));
        if (file.isEmpty()) {
            return List.of(name + DIGESTS_SUFFIX + " is missing: nothing to check " + name + " against");
        }
        return FlatcarDigests.parse(file.get().body()).problemWith(name, digests).stream().toList();
    }
}
