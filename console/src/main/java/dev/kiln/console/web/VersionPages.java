package dev.kiln.console.web;

import dev.kiln.console.client.Backend;
import dev.kiln.console.client.Page;
import dev.kiln.console.client.VersionServiceApi;
import dev.kiln.console.client.Versions;
import dev.kiln.console.session.Visitor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Version allocations and their tags, newest first, each linking to the builds of its tag. */
@Path("/versions")
@Produces(MediaType.TEXT_HTML)
public class VersionPages {

    private static final List<String> STATUSES = List.of("pending", "tagged", "deleted");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance versions(PageContext page, Section<Page<Versions.Allocation>> versions, String kind,
                String status, List<String> kinds, List<String> statuses);
    }

    private final VersionServiceApi versions;
    private final Visitor visitor;

    public VersionPages(@RestClient VersionServiceApi versions, Visitor visitor) {
        this.versions = versions;
        this.visitor = visitor;
    }

    @GET
    public TemplateInstance list(@QueryParam("kind") String kind, @QueryParam("status") String status,
            @QueryParam("page") int page) {
        String kindFilter = kind != null && BuildPages.KINDS.contains(kind) ? kind : null;
        String statusFilter = status != null && STATUSES.contains(status) ? status : null;
        return Templates.versions(PageContext.of(visitor, "Versions", "versions"),
                Section.of(() -> Backend.call("version-service", () -> versions.list(kindFilter, statusFilter, null,
                        Math.max(0, page), 50))), kindFilter, statusFilter, BuildPages.KINDS, STATUSES);
    }
}
