package dev.kiln.console.web;

import dev.kiln.console.client.BackendException;
import dev.kiln.console.session.Refusal;
import dev.kiln.console.session.Visitor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals as pages: the console's own (no session, CSRF) with their status, and a service's with the status and
 * problem it answered (a 403 of build-runner stays a 403 here); a service that did not answer is a 502.
 */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(PageContext page, int status, String service, String problem, String detail);
    }

    private final Visitor visitor;

    public ErrorPages(Visitor visitor) {
        this.visitor = visitor;
    }

    @ServerExceptionMapper
    public Response refusal(Refusal e) {
        return page(e.status(), "console", null, e.getMessage());
    }

    @ServerExceptionMapper
    public Response backend(BackendException e) {
        int status = e.status() >= 400 && e.status() < 500 ? e.status() : 502;
        return page(status, e.service(), e.problem(), e.detail() == null ? e.getMessage() : e.detail());
    }

    private Response page(int status, String service, String problem, String detail) {
        String title = status == 401 ? "Sign in first" : status == 403 ? "Refused" : status == 404 ? "Not found" : "Failed";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.refused(PageContext.of(visitor, title, ""), status, service, problem, detail).render())
                .build();
    }
}
