package dev.kiln.artifact.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** A release's images as Flatcar's image job leaves them in {@code images/<arch>/<V>/}, stored through the service. */
public record FlatcarRelease(String version, String arch, Map<String, byte[]> files) {

    public static final String VERSION_TXT = "version.txt";
    public static final String IMAGE = "flatcar_production_image.bin.bz2";
    public static final String PACKAGES = "flatcar_production_image_packages.txt";
    public static final String KERNEL = "flatcar_production_image.vmlinuz";

    /** An unused official version of {@code major.minor}: a random patch, so that test runs sharing a database never meet. */
    public static String freshVersion(int major, int minor) {
        return major + "." + minor + "." + ThreadLocalRandom.current().nextInt(100, 1_000_000);
    }

    /** The release's four files; the image is {@code imageSize} bytes that differ from every other version's. */
    public static FlatcarRelease of(String version, String arch, int imageSize) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(VERSION_TXT, versionTxt(version).getBytes(StandardCharsets.UTF_8));
        files.put(IMAGE, GeneratedBytes.bytes(version.hashCode(), imageSize));
        files.put(PACKAGES, ("app-containers/docker-27.4.1::coreos\nsys-kernel/coreos-kernel-6.6.60::coreos\n"
                + "sys-apps/systemd-256.9::coreos\n").getBytes(StandardCharsets.UTF_8));
        files.put(KERNEL, GeneratedBytes.bytes(version.hashCode() + 1L, 4096));
        return new FlatcarRelease(version, arch, files);
    }

    public static String versionTxt(String version) {
        return "FLATCAR_VERSION=" + version + "\nFLATCAR_VERSION_ID=" + version + "\nFLATCAR_BUILD_ID=\"\"\n"
                + "FLATCAR_SDK_VERSION=" + version.substring(0, version.indexOf('.')) + ".0.0\n";
    }

    /** Stores every file with the builder token (each gets its DIGESTS file beside it). */
    public FlatcarRelease store(URI base) {
        CacheHttp http = new CacheHttp(base);
        files.forEach((name, content) -> assertThat(http.put(imagesDirectory() + name,
                () -> new ByteArrayInputStream(content), content.length).statusCode()).isEqualTo(201));
        return this;
    }

    public String imagesDirectory() {
        return "images/" + arch + "/" + version + "/";
    }

    public byte[] file(String name) {
        return files.get(name);
    }
}
