package dev.kiln.artifact.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.artifact.domain.ListingEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryListingTest {

    private static final Instant NIGHTLY = Instant.parse("2026-08-21T21:00:36Z");

    private final DirectoryListing containers = new DirectoryListing("/cache/containers/", false, List.of(
            ListingEntry.file("README.txt", NIGHTLY, 12),
            ListingEntry.directory("4799.0.0-nightly-20260821-2100", NIGHTLY),
            ListingEntry.directory("3598.0.0-nightly-20230508-2100-github-2023_05_09__08_06_54", null)));

    @Test
    void rendersNginxAutoindexJsonDirectoriesFirst() {
        assertThat(containers.json()).isEqualTo("""
                [
                { "name":"3598.0.0-nightly-20230508-2100-github-2023_05_09__08_06_54", "type":"directory", \
                "mtime":"Thu, 01 Jan 1970 00:00:00 GMT" },
                { "name":"4799.0.0-nightly-20260821-2100", "type":"directory", "mtime":"Fri, 21 Aug 2026 21:00:36 GMT" },
                { "name":"README.txt", "type":"file", "mtime":"Fri, 21 Aug 2026 21:00:36 GMT", "size":12 }
                ]
                """);
    }

    @Test
    void rendersHtmlWhoseLinksFlatcarsGithubSdkCollectorParses() {
        String html = containers.html();

        assertThat(html).startsWith("<html>\n<head><title>Index of /cache/containers/</title></head>")
                .contains("<a href=\"../\">../</a>\n")
                .contains("<a href=\"./3598.0.0-nightly-20230508-2100-github-2023_05_09__08_06_54/\">")
                .contains("<a href=\"./README.txt\">README.txt</a>")
                .endsWith("</pre><hr></body>\n</html>\n");
        // garbage_collect_github_ci_sdk.sh: grep '<a href="./N.N.N...-github-.../">' | sed 's:.*"./\([^/]*\)/".*:\1:'
        List<String> parsed = html.lines()
                .filter(line -> line.matches(".*<a href=\"\\./[0-9]+\\.[0-9]+.[0-9]+.+-github-.*/\">.*"))
                .map(line -> line.replaceAll(".*\"\\./([^/]+)/\".*", "$1")).toList();
        assertThat(parsed).containsExactly("3598.0.0-nightly-20230508-2100-github-2023_05_09__08_06_54");
    }

    @Test
    void escapesNamesItDidNotValidate() {
        DirectoryListing odd = new DirectoryListing("/cache/x/", false,
                List.of(ListingEntry.file("a \"b\"<c>&.txt", NIGHTLY, 1)));

        assertThat(odd.html()).contains("<a href=\"./a%20%22b%22%3Cc%3E%26.txt\">a &quot;b&quot;&lt;c&gt;&amp;.txt</a>");
        assertThat(odd.json()).contains("\"name\":\"a \\\"b\\\"<c>&.txt\"");
    }

    @Test
    void theRootHasNoParentLink() {
        assertThat(new DirectoryListing("/cache/", true, List.of()).html()).doesNotContain("../");
    }
}
