package dev.kiln.console.session;

import dev.kiln.console.config.ConsoleConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The browser behind the current request: its session if the cookie names a live one. Mutations go through
 * {@link #authorize(String)}, which checks the CSRF token against the session before anything is called.
 */
@RequestScoped
public class Visitor {

    public static final String COOKIE = "kiln_console_session";

    private final HttpServerRequest request;
    private final SessionStore sessions;
    private final ConsoleConfig config;
    private ConsoleSession session;
    private boolean looked;

    public Visitor(HttpServerRequest request, SessionStore sessions, ConsoleConfig config) {
        this.request = request;
        this.sessions = sessions;
        this.config = config;
    }

    public Optional<ConsoleSession> session() {
        if (!looked) {
            Cookie cookie = request.getCookie(COOKIE);
            session = sessions.find(cookie == null ? null : cookie.getValue()).orElse(null);
            looked = true;
        }
        return Optional.ofNullable(session);
    }

    public boolean signedIn() {
        return session().map(ConsoleSession::signedIn).orElse(false);
    }

    public String name() {
        return session().map(ConsoleSession::name).orElse(null);
    }

    /** The CSRF token forms of this page carry; empty when the browser has no session. */
    public String csrfToken() {
        return session().map(ConsoleSession::csrfToken).orElse("");
    }

    /** The session, opened now (and its cookie set) if the browser has none. */
    public ConsoleSession sessionOrOpen() {
        return session().orElseGet(() -> use(sessions.open()));
    }

    /** The caller's {@code Authorization} for a mutation, after checking sign-in and the form's CSRF token. */
    public String authorize(String csrf) {
        ConsoleSession current = requireCsrf(csrf);
        return current.authorization().orElseThrow(() -> new Refusal(401, "Sign in with a Kiln token first."));
    }

    /** The session whose CSRF token the form carries; refused (403) otherwise. */
    public ConsoleSession requireCsrf(String csrf) {
        ConsoleSession current = session().orElseThrow(() -> new Refusal(403,
                "This form has no valid session behind it (CSRF check failed). Reload the page and try again."));
        if (!SessionStore.csrfMatches(current, csrf)) {
            throw new Refusal(403, "The form's CSRF token is missing or wrong. Reload the page and try again.");
        }
        return current;
    }

    public ConsoleSession signIn(String kilnToken, String name) {
        return use(sessions.signIn(sessionOrOpen(), kilnToken, name));
    }

    public void signOut() {
        session().ifPresent(s -> sessions.close(s.id()));
        Cookie cookie = baseCookie("").setMaxAge(0);
        request.response().addCookie(cookie);
        session = null;
    }

    private ConsoleSession use(ConsoleSession opened) {
        session = opened;
        looked = true;
        request.response().addCookie(baseCookie(opened.id()));
        return opened;
    }

    private Cookie baseCookie(String value) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(config.secureCookie());
    }
}
