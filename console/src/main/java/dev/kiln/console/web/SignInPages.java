package dev.kiln.console.web;

import dev.kiln.console.session.Refusal;
import dev.kiln.console.session.Visitor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Sign-in with a Kiln API token: the token stays in the server-side session; the browser only holds the session's
 * cookie (HttpOnly, SameSite=Strict). The services judge the token on each call, so a wrong one shows as their 401.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(PageContext page);
    }

    private final Visitor visitor;

    public SignInPages(Visitor visitor) {
        this.visitor = visitor;
    }

    @GET
    public Response home() {
        return BuildPages.seeOther("/builds");
    }

    @GET
    @Path("sign-in")
    public TemplateInstance form() {
        visitor.sessionOrOpen();
        return Templates.signIn(PageContext.of(visitor, "Sign in", "sign-in"));
    }

    @POST
    @Path("sign-in")
    public Response signIn(@RestForm String csrf, @RestForm String token, @RestForm String name) {
        visitor.requireCsrf(csrf);
        if (token == null || token.isBlank() || token.strip().length() > 4096) {
            throw new Refusal(400, "Paste a Kiln API token.");
        }
        String shown = name == null || name.isBlank() ? "signed in" : name.strip();
        visitor.signIn(token.strip(), shown.length() > 80 ? shown.substring(0, 80) : shown);
        return BuildPages.seeOther("/builds");
    }

    @POST
    @Path("sign-out")
    public Response signOut(@RestForm String csrf) {
        visitor.requireCsrf(csrf);
        visitor.signOut();
        return BuildPages.seeOther("/builds");
    }
}
