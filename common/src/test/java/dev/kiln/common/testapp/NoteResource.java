package dev.kiln.common.testapp;

import dev.kiln.common.idempotency.IdempotencyKeys;
import dev.kiln.common.idempotency.StoredResponse;
import dev.kiln.common.outbox.Outbox;
import dev.kiln.common.problem.ProblemException;
import dev.kiln.common.security.Roles;
import dev.kiln.events.ArtifactStored;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;

/** A service endpoint in miniature: state change plus outbox event in one transaction. */
@Path("/notes")
public class NoteResource {

    private final Outbox outbox;
    private final IdempotencyKeys idempotency;

    public NoteResource(Outbox outbox, IdempotencyKeys idempotency) {
        this.outbox = outbox;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.BUILDER)
    @Transactional
    public Response create(@Valid NoteRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        if (key != null) {
            var earlier = idempotency.claim("notes", key, request.text());
            if (earlier.isPresent()) {
                return Response.status(earlier.get().status()).entity(earlier.get().body())
                        .type(MediaType.APPLICATION_JSON).build();
            }
        }
        NoteEntity note = new NoteEntity();
        note.text = request.text();
        Panache.getEntityManager().persist(note);
        outbox.append(new ArtifactStored("notes/" + note.id, null, "notes", null, note.text.length(),
                "0".repeat(64), "text/plain", "ci", Instant.now()));
        String body = "{\"id\":" + note.id + "}";
        if (key != null) {
            idempotency.complete("notes", key, new StoredResponse(201, body, null));
        }
        return Response.status(201).entity(body).type(MediaType.APPLICATION_JSON).build();
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
