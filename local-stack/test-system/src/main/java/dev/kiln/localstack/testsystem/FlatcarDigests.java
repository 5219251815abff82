package dev.kiln.localstack.testsystem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Flatcar {@code <file>.DIGESTS} file, as Flatcar's {@code create_digests} and Kiln's artifact-service write it:
 * sections {@code # MD5 HASH}, {@code # SHA1 HASH}, {@code # SHA512 HASH} (and {@code # SHA256 HASH} where present),
 * each followed by lines {@code <hex>  <basename>}. Sections of other algorithms are read and not checked.
 */
public record FlatcarDigests(Map<String, Map<String, String>> byAlgorithm) {

    private static final List<String> CHECKED = List.of("MD5", "SHA1", "SHA256", "SHA512");

    public static FlatcarDigests parse(String text) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        String algorithm = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                String header = line.substring(1).strip().toUpperCase(Locale.ROOT);
                algorithm = header.endsWith(" HASH") ? header.substring(0, header.length() - " HASH".length()).strip() : null;
                continue;
            }
            String[] fields = line.split("\\s+", 2);
            if (algorithm == null || fields.length != 2) {
                continue;
            }
            // sha*sum -b writes "<hex> *<name>"
            String name = fields[1].startsWith("*") ? fields[1].substring(1) : fields[1];
            sections.computeIfAbsent(algorithm, a -> new LinkedHashMap<>()).put(name, fields[0].toLowerCase(Locale.ROOT));
        }
        return new FlatcarDigests(sections);
    }

    /**
     * Why {@code computed} (the digests of the downloaded {@code basename}) does not match this file, or empty when
     * every digest it lists for {@code basename} matches. A file that lists none for it is a problem too: nothing
     * would have been checked.
     */
    public Optional<String> problemWith(String basename, FileDigests computed) {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String algorithm : CHECKED) {
            String listed = byAlgorithm.getOrDefault(algorithm, Map.of()).get(basename);
            if (listed == null) {
                continue;
            }
            checked++;
            String actual = computed.of(algorithm).orElseThrow();
            if (!listed.equals(actual)) {
                mismatches.add(algorithm + " listed " + listed + " but the download has " + actual);
            }
        }
        if (checked == 0) {
            return Optional.of("the DIGESTS file lists no MD5, SHA1, SHA256 or SHA512 digest for " + basename);
        }
        return mismatches.isEmpty() ? Optional.empty()
                : Optional.of(basename + ": " + String.join("; ", mismatches));
    }
}
