package dev.kiln.testing.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input suite of one service (issue 13): every hostile request of its corpus gets a 4xx problem+json of the
 * stable type the corpus names, and leaves the service's schema (and whatever else {@link #outsideState()} shows)
 * as it was. A service's {@code @QuarkusTest} subclass names its schema, tokens and the problem types its corpus
 * must cover, and declares {@code static List<BadInputCase> corpus()} (usually
 * {@code BadInputCase.read("/bad-input/<service>.jsonl")}); add a line to the corpus to add a case.
 */
public abstract class BadInputCorpusContract {

    private static final String PROBLEM_TYPES = "https://kiln.dev/problems/";

    @TestHTTPResource("/")
    URL base;

    /** The PostgreSQL schema the service owns. */
    protected abstract String schema();

    /** The bearer tokens {@code ${token:NAME}} in the corpus stands for. */
    protected abstract Map<String, String> tokens();

    /** Problem types the corpus must hold at least one case of (the classes of issue 13 the service has). */
    protected abstract Set<String> typesTheCorpusMustCover();

    /** The cases of this service's corpus (the same list as the subclass's static {@code corpus()}). */
    protected abstract List<BadInputCase> cases();

    /** Tables that other work changes in the background, compared by row count only. */
    protected Set<String> countOnlyTables() {
        return Set.of("kiln_outbox");
    }

    /** Tables that other work fills in the background, not compared at all. */
    protected Set<String> ignoredTables() {
        return Set.of();
    }

    /** State outside the database that no bad request may change (a bucket's objects, say); null for none. */
    protected Object outsideState() {
        return null;
    }

    /** Waits until work of other tests that still writes in the background is done. */
    protected void awaitQuiet() {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAProblemOfAStableTypeAndChangesNothing(BadInputCase hostile) throws Exception {
        awaitQuiet();
        Map<String, String> rowsBefore = DatabaseState.of(schema(), countOnlyTables(), ignoredTables());
        Object outsideBefore = outsideState();

        RawHttp.Answer answer = RawHttp.send(base.getPort(), hostile.head(tokens()), hostile.bodyBytes());

        assertThat(answer.status()).as("%s answered %s", hostile, answer.body()).isEqualTo(hostile.status());
        assertThat(answer.header("Content-Type")).as(hostile.name()).startsWith("application/problem+json");
        assertThat(answer.body()).as(hostile.name())
                .contains("\"type\":\"" + PROBLEM_TYPES + hostile.type() + "\"")
                .contains("\"status\":" + hostile.status());
        assertThat(DatabaseState.of(schema(), countOnlyTables(), ignoredTables()))
                .as("rows per table after " + hostile).isEqualTo(rowsBefore);
        assertThat(outsideState()).as("outside the database after " + hostile).isEqualTo(outsideBefore);
    }

    @Test
    void theCorpusIsLargeAndCoversEveryClassOfIssue13() {
        List<BadInputCase> cases = cases();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(minimumCases());
        assertThat(cases).extracting(BadInputCase::name).doesNotHaveDuplicates();
        assertThat(cases).extracting(BadInputCase::status).allMatch(status -> status >= 400 && status < 500);
        assertThat(cases).extracting(BadInputCase::type).containsAll(typesTheCorpusMustCover());
    }

    /** How many cases the corpus must hold at least. */
    protected int minimumCases() {
        return 40;
    }
}
