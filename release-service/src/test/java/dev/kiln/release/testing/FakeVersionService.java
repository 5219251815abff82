package dev.kiln.release.testing;

import dev.kiln.clients.version.CreateVersionRequest;
import dev.kiln.flatcar.InvalidVersionRequestException;
import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.Version;
import dev.kiln.flatcar.VersionKind;
import dev.kiln.flatcar.VersionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * version-service's allocation as documented: idempotent by {@code Idempotency-Key}, a request checked with
 * version-service's own field rules (400 otherwise); alpha a new major (unique per allocation), promotion the next
 * channel's {@code .0} of the source's major, patch the next patch. It can answer 503 for a while, or refuse.
 */
@Path("/fake-version/api/v1/versions")
@ApplicationScoped
public class FakeVersionService {

    private final Map<String, Map<String, Object>> byKey = new ConcurrentHashMap<>();
    private final Map<String, VersionRequest> requests = new ConcurrentHashMap<>();
    private final AtomicInteger majors = new AtomicInteger(4900);
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private volatile String refusal;

    /** Every call answers 503 until {@link #heal()}. */
    public void beUnavailable() {
        unavailable.set(Integer.MAX_VALUE);
    }

    public void heal() {
        unavailable.set(0);
        refusal = null;
    }

    /** Every call answers 409 with this problem type until {@link #heal()}. */
    public void refuse(String problemType) {
        refusal = problemType;
    }

    public int calls() {
        return calls.get();
    }

    /** Versions handed out under distinct keys. */
    public int allocations() {
        return byKey.size();
    }

    public Optional<VersionRequest> requestOf(String key) {
        return Optional.ofNullable(requests.get(key));
    }

    @POST
    public synchronized Response allocate(@HeaderParam("Idempotency-Key") String key, CreateVersionRequest body) {
        calls.incrementAndGet();
        if (unavailable.get() > 0) {
            return problem(503, "allocation-busy");
        }
        if (refusal != null) {
            return problem(409, refusal);
        }
        if (key == null) {
            return problem(400, "validation");
        }
        VersionRequest request;
        try {
            request = body.toVersionRequest();
            request.checkFields();
        } catch (IllegalArgumentException | InvalidVersionRequestException e) {
            return problem(400, "validation");
        }
        requests.putIfAbsent(key, request);
        return Response.status(201).entity(byKey.computeIfAbsent(key, k -> answer(request))).type(MediaType.APPLICATION_JSON)
                .build();
    }

    private Map<String, Object> answer(VersionRequest request) {
        Version version = switch (request.kind()) {
            case ALPHA -> Version.official(majors.incrementAndGet(), 0, 0);
            case PROMOTION -> {
                Version from = Tag.parse(request.from()).version();
                yield Version.official(from.major(), from.minor() + 1, 0);
            }
            case PATCH -> {
                Version from = Tag.parse(request.from()).version();
                yield Version.official(from.major(), from.minor(), from.patch() + 1);
            }
            default -> throw new IllegalArgumentException("the fake allocates releases only, not " + request.kind());
        };
        Tag tag = Tag.release(version);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tag", tag.name());
        out.put("version", version.toString());
        out.put("versionId", version.versionId());
        out.put("sdkVersion", request.kind() == VersionKind.ALPHA ? version.toString() : "4790.0.0");
        out.put("group", version.channel().id());
        out.put("channel", version.channel().id());
        out.put("branch", "flatcar-" + version.major());
        out.put("official", true);
        out.put("kind", request.kind().id());
        out.put("status", "tagged");
        return out;
    }

    private static Response problem(int status, String type) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("type", "https://kiln.dev/problems/" + type, "title", type, "status", status)).build();
    }
}
