package dev.kiln.console.web;

import dev.kiln.console.client.ArtifactServiceApi;
import dev.kiln.console.client.Backend;
import dev.kiln.console.client.BackendException;
import dev.kiln.console.client.Cache;
import dev.kiln.console.client.CachePaths;
import dev.kiln.console.config.ConsoleConfig;
import dev.kiln.console.session.Visitor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The build cache as Flatcar lays it out, one directory at a time, with sizes, SHA-256 digests and download links. */
@Path("/cache")
@Produces(MediaType.TEXT_HTML)
public class CachePages {

    /** One line of a listing; {@code sha256} is null for directories and files the index does not know. */
    public record Line(String name, boolean directory, String mtime, Long size, String sha256, String href) {
    }

    /** {@code /cache/images/amd64/} as links: (name, path) pairs from the root. */
    public record Crumb(String name, String path) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cache(PageContext page, String dir, List<Crumb> crumbs, List<Line> lines,
                String downloadBase);
    }

    private final ArtifactServiceApi artifacts;
    private final ConsoleConfig config;
    private final Visitor visitor;

    public CachePages(@RestClient ArtifactServiceApi artifacts, ConsoleConfig config, Visitor visitor) {
        this.artifacts = artifacts;
        this.config = config;
        this.visitor = visitor;
    }

    @GET
    public Response root() {
        return BuildPages.seeOther("/cache/");
    }

    @GET
    @Path("/{dir: .*}")
    public Object directory(@Context UriInfo uri) {
        // the raw path: the router's match drops a trailing slash, which is what tells a directory here
        String dir = uri.getPath().substring("/cache/".length());
        if (!dir.isEmpty() && !dir.endsWith("/")) {
            return BuildPages.seeOther("/cache/" + dir + "/");
        }
        List<Cache.Entry> entries = Backend.call("artifact-service", () -> artifacts.list(CachePaths.encode(dir)));
        String base = config.cachePublicUrl().replaceAll("/+$", "") + "/";
        List<Line> lines = new ArrayList<>();
        int digests = 0;
        for (Cache.Entry e : entries) {
            if (e.directory()) {
                lines.add(new Line(e.name() + "/", true, e.mtime(), null, null, "/cache/" + dir + e.name() + "/"));
            } else {
                String sha256 = digests++ < config.digestsPerListing() ? sha256(dir + e.name()) : null;
                lines.add(new Line(e.name(), false, e.mtime(), e.size(), sha256, base + dir + e.name()));
            }
        }
        return Templates.cache(PageContext.of(visitor, "Cache /" + dir, "cache"), dir, crumbs(dir), lines, base);
    }

    private String sha256(String path) {
        try {
            return Backend.find("artifact-service", () -> artifacts.artifact(CachePaths.encode(path))).map(Cache.Artifact::sha256).orElse(null);
        } catch (BackendException e) {
            return null;
        }
    }

    static List<Crumb> crumbs(String dir) {
        List<Crumb> crumbs = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (String segment : dir.split("/")) {
            if (!segment.isEmpty()) {
                path.append(segment).append('/');
                crumbs.add(new Crumb(segment, path.toString()));
            }
        }
        return crumbs;
    }
}
