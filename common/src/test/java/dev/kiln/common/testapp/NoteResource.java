package dev.kiln.common.testapp;

import dev.kiln.common.api.PageRequest;
import dev.kiln.common.error.DomainException;
import dev.kiln.common.idempotency.IdempotencyKeys;
import dev.kiln.common.idempotency.IdempotentCreate;
import dev.kiln.common.outbox.Outbox;
import dev.kiln.common.problem.ProblemException;
import dev.kiln.common.security.Roles;
import dev.kiln.events.ArtifactStored;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A service endpoint in miniature: state change plus outbox event in one transaction. */
@Path("/notes")
public class NoteResource {

    private final Outbox outbox;
    private final IdempotentCreate idempotentCreate;

    public NoteResource(Outbox outbox, IdempotentCreate idempotentCreate) {
        this.outbox = outbox;
        this.idempotentCreate = idempotentCreate;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BUILDER)
    @Transactional
    public Response create(@Valid NoteRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        if (request.text().startsWith("locked:")) {
            throw new NoteLockedException(request.text());
        }
        return idempotentCreate.create("notes", key, request, () -> {
            NoteEntity note = new NoteEntity();
            note.text = request.text();
            Panache.getEntityManager().persist(note);
            outbox.append(new ArtifactStored("notes/" + note.id, null, "notes", null, note.text.length(),
                    "0".repeat(64), "text/plain", "ci", Instant.now()));
            return new IdempotentCreate.Created(201, URI.create("/notes/" + note.id), Map.of("id", note.id));
        });
    }

    /** A refusal stated the domain's way: a kind, a stable slug, and when to retry. */
    static final class NoteLockedException extends DomainException {

        NoteLockedException(String text) {
            super(Kind.UNAVAILABLE, "note-locked", null, "'" + text + "' is locked; retry later", List.of(),
                    Duration.ofSeconds(5), null);
        }
    }

    @GET
    public Map<String, Object> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size);
        return Map.of("page", request.page(), "size", request.size());
    }

    @GET
    @Path("/count")
    public Map<String, Object> count(@QueryParam("text") String text) {
        return Map.of("count", Panache.getEntityManager()
                .createQuery("select count(n) from NoteEntity n where n.text = :text", Long.class)
                .setParameter("text", text).getSingleResult());
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("id") long id) {
        NoteEntity note = Panache.getEntityManager().find(NoteEntity.class, id);
        if (note == null) {
            throw ProblemException.notFound("note-not-found", "no note " + id);
        }
        return Map.of("id", note.id, "text", note.text);
    }
}
