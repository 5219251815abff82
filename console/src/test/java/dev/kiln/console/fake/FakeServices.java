package dev.kiln.console.fake;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the fake services were asked, for tests that check the console called them as the caller. */
public final class FakeServices {

    /** One mutating call: method and path, and the Authorization it carried (null without). */
    public record Call(String what, String authorization, String body) {
    }

    public static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    public static final String BUILDER_TOKEN = "builder-token-4593";
    public static final String RELEASER_TOKEN = "releaser-token-4593";
    public static final String TESTER_TOKEN = "tester-token-4593";

    private FakeServices() {
    }

    /** The caller's roles as the services would see them, or null when the token is unknown. */
    static List<String> roles(String authorization) {
        if (authorization == null) {
            return null;
        }
        return switch (authorization) {
            case "Bearer " + BUILDER_TOKEN -> List.of("builder");
            case "Bearer " + RELEASER_TOKEN -> List.of("releaser");
            case "Bearer " + TESTER_TOKEN -> List.of("tester");
            default -> null;
        };
    }

    /** 401 or 403 problem+json as Kiln's services answer them, or null when the caller has {@code role}. */
    static jakarta.ws.rs.core.Response refuse(String authorization, String role) {
        List<String> roles = roles(authorization);
        if (roles == null) {
            return problem(401, "unauthenticated", "a valid bearer token is required");
        }
        if (!roles.contains(role)) {
            return problem(403, "forbidden", "this needs the role " + role);
        }
        return null;
    }

    static jakarta.ws.rs.core.Response problem(int status, String slug, String detail) {
        return jakarta.ws.rs.core.Response.status(status).type("application/problem+json")
                .entity("{\"type\":\"https://kiln.dev/problems/" + slug + "\",\"title\":\"" + slug + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}").build();
    }
}
