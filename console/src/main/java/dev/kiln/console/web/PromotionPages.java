package dev.kiln.console.web;

import dev.kiln.console.client.Backend;
import dev.kiln.console.client.ReleaseServiceApi;
import dev.kiln.console.client.Releases;
import dev.kiln.console.session.Refusal;
import dev.kiln.console.session.Visitor;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Release requests from the channels board: asking for a new major, a promotion or a patch, and cancelling one.
 * release-service checks Flatcar's rules; the console only passes the fields the chosen type takes.
 */
@Path("/promotions")
@Produces(MediaType.TEXT_HTML)
public class PromotionPages {

    static final List<String> TYPES = List.of("new-major", "promotion", "patch");
    private static final Set<String> ARCHES = Set.copyOf(BuildPages.ARCHES);

    private final ReleaseServiceApi releases;
    private final Visitor visitor;

    public PromotionPages(@RestClient ReleaseServiceApi releases, Visitor visitor) {
        this.releases = releases;
        this.visitor = visitor;
    }

    @GET
    public Response list() {
        return BuildPages.seeOther("/channels#promotions");
    }

    @POST
    public Response request(@RestForm String csrf, @RestForm String type, @RestForm String from, @RestForm String to,
            @RestForm String channel, @RestForm String major, @RestForm("arch") List<String> arches,
            @RestForm String vendors, @RestForm String submission) {
        String authorization = visitor.authorize(csrf);
        Releases.PromotionRequest request = requestOf(type, from, to, channel, major, arches, vendors);
        // the form's one-time id as idempotency key: a double-clicked submit asks once
        String key = blank(submission) ? null : "console-" + submission.strip();
        Backend.call("release-service", () -> releases.request(authorization, key, request));
        return BuildPages.seeOther("/channels#promotions");
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") String id, @RestForm String csrf, @RestForm String reason) {
        String authorization = visitor.authorize(csrf);
        Backend.call("release-service", () -> releases.cancel(authorization, id,
                new Releases.CancelPromotionRequest(blank(reason) ? null : reason.strip())));
        return BuildPages.seeOther("/channels#promotions");
    }

    static Releases.PromotionRequest requestOf(String type, String from, String to, String channel, String major,
            List<String> arches, String vendors) {
        List<String> archList = arches == null ? List.of() : arches.stream().filter(ARCHES::contains).toList();
        List<String> vendorList = blank(vendors) ? List.of()
                : Arrays.stream(vendors.split("[,\\s]+")).filter(v -> !v.isBlank()).toList();
        return switch (type == null ? "" : type) {
            case "new-major" -> new Releases.PromotionRequest(type, null, null, null, null, archList, vendorList);
            case "promotion" -> {
                if (blank(from) || blank(to)) {
                    throw new Refusal(400, "A promotion needs the release it starts from and the channel it goes to.");
                }
                yield new Releases.PromotionRequest(type, from.strip(), to.strip(), null, null, archList, vendorList);
            }
            case "patch" -> new Releases.PromotionRequest(type, null, null, required(channel, "a channel"), majorOf(major),
                    archList, vendorList);
            default -> throw new Refusal(400, "A release request is a new-major, a promotion or a patch.");
        };
    }

    private static Integer majorOf(String major) {
        String value = required(major, "a major (4593)");
        if (!value.matches("[0-9]{1,6}")) {
            throw new Refusal(400, "A patch's major is a number such as 4593.");
        }
        return Integer.valueOf(value);
    }

    private static String required(String value, String what) {
        if (blank(value)) {
            throw new Refusal(400, "A patch needs " + what + ".");
        }
        return value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
