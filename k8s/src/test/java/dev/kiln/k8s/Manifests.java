package dev.kiln.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The YAML files of the kustomize tree, read as Kubernetes objects or as kustomizations. */
final class Manifests {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path REPO = ROOT.getParent();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".yaml") && !p.startsWith(ROOT.resolve("target"))).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isKustomization(Path file) {
        return file.getFileName().toString().equals("kustomization.yaml");
    }

    static JsonNode tree(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<HasMetadata> objects(Path file) {
        try {
            String text = Files.readString(file);
            List<HasMetadata> objects = new ArrayList<>();
            for (String document : text.split("(?m)^---\\s*$")) {
                if (!document.isBlank()) {
                    objects.add(Serialization.unmarshal(document, HasMetadata.class));
                }
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<HasMetadata> objects(String relativeDir) {
        List<HasMetadata> all = new ArrayList<>();
        yamlFiles().stream().filter(p -> p.startsWith(ROOT.resolve(relativeDir)) && !isKustomization(p))
                .forEach(p -> all.addAll(objects(p)));
        return all;
    }
}
