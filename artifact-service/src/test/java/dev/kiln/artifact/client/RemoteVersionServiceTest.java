package dev.kiln.artifact.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.gc.KnownVersion;
import dev.kiln.clients.version.CreateVersionRequest;
import dev.kiln.clients.version.VersionResponse;
import dev.kiln.clients.version.VersionServiceApi;
import dev.kiln.clients.version.VersionServiceClient;
import dev.kiln.common.api.PageResponse;
import dev.kiln.common.error.DomainException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adapter over the shared client, against an in-memory version-service API. */
class RemoteVersionServiceTest {

    private static final Instant NOW = Instant.parse("2026-08-22T03:30:00Z");

    private final ScriptedApi api = new ScriptedApi();
    private final RemoteVersionService service = new RemoteVersionService(new VersionServiceClient(api),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void listsTaggedVersionsWithTheirCreationTimeOrNow() {
        Instant created = Instant.parse("2026-08-21T21:00:30Z");
        api.versions = List.of(version("main-4799.0.0-nightly-20260821-2100", "4799.0.0+nightly-20260821-2100",
                created), version("stable-4593.2.5", null, null));

        List<KnownVersion> known = service.listAll();

        assertThat(known).containsExactly(
                new KnownVersion("main-4799.0.0-nightly-20260821-2100", "4799.0.0+nightly-20260821-2100", created),
                new KnownVersion("stable-4593.2.5", "4593.2.5", NOW));
        assertThat(api.listedStatus).isEqualTo("tagged");
    }

    @Test
    void aTagThatIsAlreadyGoneCountsAsDeleted() {
        api.deleteStatus = 404;

        service.deleteTag("main-4785.0.0-nightly-20260807-2100");

        assertThat(api.deleted).containsExactly("main-4785.0.0-nightly-20260807-2100");
    }

    @Test
    void aRefusedDeletionIsNotRetriedAndIsTheDomainsUnavailableError() {
        api.deleteStatus = 409;

        assertThatThrownBy(() -> service.deleteTag("stable-4593.2.5"))
                .isInstanceOfSatisfying(ArtifactException.class, e -> {
                    assertThat(e.slug()).isEqualTo("version-service-refused");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("version-service");
                });
        assertThat(api.deleted).hasSize(1);
    }

    @Test
    void aDeletionThatKeepsFailingIsRetriedThenUnavailable() {
        api.deleteStatus = 500;

        assertThatThrownBy(() -> service.deleteTag("main-4785.0.0-nightly-20260807-2100"))
                .isInstanceOfSatisfying(ArtifactException.class,
                        e -> assertThat(e.slug()).isEqualTo("version-service-unavailable"));
        assertThat(api.deleted).hasSize(3);
    }

    private static VersionResponse version(String tag, String version, Instant createdAt) {
        return new VersionResponse(tag, version, null, null, null, null, null, null, null, null, false, null,
                "tagged", null, createdAt, null, null, null);
    }

    /** Answers lists from {@code versions}; every deletion is recorded and answered with {@code deleteStatus}. */
    private static final class ScriptedApi implements VersionServiceApi {

        List<VersionResponse> versions = List.of();
        int deleteStatus = 204;
        String listedStatus;
        final List<String> deleted = new ArrayList<>();

        @Override
        public VersionResponse allocate(String idempotencyKey, CreateVersionRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VersionResponse get(String tag) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PageResponse<VersionResponse> list(String status, int page, int size) {
            listedStatus = status;
            return new PageResponse<>(page == 0 ? versions : List.of(), page, size, versions.size());
        }

        @Override
        public Response delete(String tag, String reason) {
            deleted.add(tag);
            if (deleteStatus >= 400) {
                throw new WebApplicationException(Response.status(deleteStatus).build());
            }
            return Response.noContent().build();
        }
    }
}
