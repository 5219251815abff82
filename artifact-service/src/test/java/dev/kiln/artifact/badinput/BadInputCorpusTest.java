package dev.kiln.artifact.badinput;

import dev.kiln.artifact.support.S3Direct;
import dev.kiln.testing.badinput.BadInputCase;
import dev.kiln.testing.badinput.BadInputCorpusContract;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * artifact-service's bad-input suite: the corpus {@code bad-input/artifact-service.jsonl}; besides the schema, the
 * bucket (every object's ETag and size, and the unfinished multipart uploads) must be as it was.
 */
@QuarkusTest
class BadInputCorpusTest extends BadInputCorpusContract {

    static List<BadInputCase> corpus() {
        return BadInputCase.read("/bad-input/artifact-service.jsonl");
    }

    @Override
    protected List<BadInputCase> cases() {
        return corpus();
    }

    @Override
    protected String schema() {
        return "artifact_service";
    }

    @Override
    protected Map<String, String> tokens() {
        return Map.of("builder", "test-builder-token", "releaser", "test-releaser-token", "admin", "test-admin-token");
    }

    @Override
    protected Set<String> typesTheCorpusMustCover() {
        return Set.of("invalid-page", "malformed-json", "validation", "invalid-uri", "uri-too-long",
                "headers-too-large", "body-too-large", "invalid-path", "invalid-filter", "invalid-channel-file");
    }

    @Override
    protected int minimumCases() {
        return 50;
    }

    @Override
    protected Object outsideState() {
        Map<String, String> objects = new TreeMap<>();
        try {
            for (Result<Item> result : S3Direct.client().listObjects(ListObjectsArgs.builder().bucket(S3Direct.bucket())
                    .recursive(true).build())) {
                Item item = result.get();
                objects.put(item.objectName(), item.etag() + " " + item.size());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("objects", objects, "unfinished uploads", S3Direct.incompleteUploads(""));
    }
}
