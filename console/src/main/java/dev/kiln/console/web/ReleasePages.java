package dev.kiln.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.console.client.Backend;
import dev.kiln.console.client.ReleaseServiceApi;
import dev.kiln.console.client.Releases;
import dev.kiln.console.session.Refusal;
import dev.kiln.console.session.Visitor;
import dev.kiln.console.view.GateMatrix;
import dev.kiln.console.view.ManifestOutputs;
import dev.kiln.console.view.PackageChanges;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** One release: gate matrix, soak, approvals, package changes, manifest; approve, reject and withdraw. */
@Path("/releases")
@Produces(MediaType.TEXT_HTML)
public class ReleasePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance release(PageContext page, Releases.Release release, Section<Releases.Gates> gates,
                GateMatrix matrix, List<Releases.Requirement> soak, List<Releases.Requirement> approvals,
                Section<Optional<JsonNode>> manifest, List<PackageChanges> packages, List<ManifestOutputs> outputs);
    }

    private final ReleaseServiceApi releases;
    private final Visitor visitor;

    public ReleasePages(@RestClient ReleaseServiceApi releases, Visitor visitor) {
        this.releases = releases;
        this.visitor = visitor;
    }

    @GET
    public Response list() {
        return BuildPages.seeOther("/channels");
    }

    @GET
    @Path("/{version}")
    public TemplateInstance release(@PathParam("version") String version) {
        Releases.Release release = Backend.call("release-service", () -> releases.release(version));
        Section<Releases.Gates> gates = Section.of(() -> Backend.call("release-service", () -> releases.gates(version)));
        List<Releases.Requirement> requirements = gates.available() ? gates.value().requirements() : List.of();
        Section<Optional<JsonNode>> manifest = Section.of(() -> {
            JsonNode json = Backend.call("release-service", () -> releases.manifest(version));
            return Optional.ofNullable(json);
        });
        Optional<JsonNode> manifestJson = manifest.available() ? manifest.value() : Optional.empty();
        List<PackageChanges> packages = manifestJson.map(PackageChanges::of).orElse(List.of());
        List<ManifestOutputs> outputs = manifestJson.map(ManifestOutputs::of).orElse(List.of());
        return Templates.release(PageContext.of(visitor, "Release " + release.version(), "channels"), release, gates,
                GateMatrix.of(requirements, release.arches()), only(requirements, "soak"), only(requirements, "approvals"),
                manifest, packages, outputs);
    }

    @POST
    @Path("/{version}/approvals")
    public Response decide(@PathParam("version") String version, @RestForm String csrf, @RestForm String decision,
            @RestForm String comment) {
        String authorization = visitor.authorize(csrf);
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new Refusal(400, "A decision is approve or reject.");
        }
        Backend.call("release-service", () -> releases.approve(authorization, version,
                new Releases.ApprovalRequest(decision, comment == null || comment.isBlank() ? null : comment.strip())));
        return BuildPages.seeOther("/releases/" + version);
    }

    @POST
    @Path("/{version}/withdraw")
    public Response withdraw(@PathParam("version") String version, @RestForm String csrf, @RestForm String reason) {
        String authorization = visitor.authorize(csrf);
        if (reason == null || reason.isBlank()) {
            throw new Refusal(400, "Withdrawing a release needs a reason.");
        }
        Backend.call("release-service", () -> releases.withdraw(authorization, version,
                new Releases.WithdrawRequest(reason.strip())));
        return BuildPages.seeOther("/releases/" + version);
    }

    private static List<Releases.Requirement> only(List<Releases.Requirement> requirements, String kind) {
        return requirements.stream().filter(r -> r.kind().equals(kind)).toList();
    }
}
