package dev.kiln.version.badinput;

import dev.kiln.testing.KilnServicesResource;
import dev.kiln.testing.badinput.BadInputCase;
import dev.kiln.testing.badinput.BadInputCorpusContract;
import dev.kiln.version.support.Api;
import dev.kiln.version.support.ScriptsRepoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** version-service's bad-input suite: the corpus {@code bad-input/version-service.jsonl}. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
@QuarkusTestResource(ScriptsRepoResource.class)
class BadInputCorpusTest extends BadInputCorpusContract {

    static List<BadInputCase> corpus() {
        return BadInputCase.read("/bad-input/version-service.jsonl");
    }

    @Override
    protected List<BadInputCase> cases() {
        return corpus();
    }

    @Override
    protected String schema() {
        return "version_service";
    }

    @Override
    protected Map<String, String> tokens() {
        return Map.of("builder", Api.BUILDER, "releaser", Api.RELEASER, "admin", Api.ADMIN);
    }

    @Override
    protected Set<String> typesTheCorpusMustCover() {
        return Set.of("invalid-page", "malformed-json", "validation", "invalid-uri", "uri-too-long",
                "headers-too-large", "body-too-large", "version-without-channel");
    }
}
