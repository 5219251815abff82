package dev.kiln.console.web;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's session through RestAssured: its cookie and the CSRF token its last page's forms carried. */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    String cookie;
    String csrf;

    /** Opens a session on the sign-in page and signs in with {@code token}. */
    static Browser signedInWith(String token, String name) {
        Browser browser = new Browser();
        Response form = given().get("/sign-in");
        browser.cookie = form.getCookie("kiln_console_session");
        browser.csrf = csrfOf(form.asString());
        Response signedIn = given().redirects().follow(false).cookie("kiln_console_session", browser.cookie)
                .formParam("csrf", browser.csrf).formParam("token", token).formParam("name", name).post("/sign-in");
        browser.cookie = signedIn.getCookie("kiln_console_session");
        browser.csrf = csrfOf(given().cookie("kiln_console_session", browser.cookie).get("/builds").asString());
        return browser;
    }

    static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the page:\n" + html);
        }
        return m.group(1);
    }
}
