package dev.kiln.console.fake;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * release-service as it is on main: releases, gates, channels, approvals, publications and rollback; no
 * promotions, withdraw or manifest endpoints (those answer Quarkus' plain 404, as the real service does today).
 */
@Path("/fake/release-service/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class FakeReleaseService {

    @GET
    @Path("/releases/{version}")
    public Response release(@PathParam("version") String version) {
        if (!version.equals("4593.2.5")) {
            return FakeServices.problem(404, "release-not-found", "no release " + version);
        }
        return Response.ok("""
                {"version":"4593.2.5","tag":"stable-4593.2.5","channel":"stable","state":"candidate","buildId":"k7xq2m4pza",
                 "sdkVersion":"4593.0.0","arches":["amd64","arm64"],"vendors":["qemu_uefi","ami"],"createdAt":"2026-08-21T21:00:00Z",
                 "transitions":[{"from":null,"to":"candidate","actor":"build:k7xq2m4pza","reason":"build succeeded","at":"2026-08-21T21:00:00Z"}]}
                """).build();
    }

    @GET
    @Path("/releases")
    public String releases() {
        return """
                {"items":[{"version":"4593.2.5","tag":"stable-4593.2.5","channel":"stable","state":"candidate",
                 "arches":["amd64","arm64"],"vendors":["qemu_uefi","ami"],"createdAt":"2026-08-21T21:00:00Z"}],
                 "page":0,"size":50,"total":1}
                """;
    }

    @GET
    @Path("/releases/{version}/gates")
    public String gates(@PathParam("version") String version) {
        return """
                {"version":"4593.2.5","channel":"stable","state":"candidate","verdict":"pending","requirements":[
                 {"kind":"suite","status":"satisfied","suite":"kola","arch":"amd64","vendor":"qemu_uefi","flakeAttempts":2,
                  "attempts":[{"reportId":"k-1","attempt":1,"result":"failed","detailsUrl":"https://ci.example.org/k-1"},
                              {"reportId":"k-2","attempt":2,"result":"passed"}]},
                 {"kind":"suite","status":"missing","suite":"kola","arch":"arm64","vendor":"qemu_uefi","flakeAttempts":2,"attempts":[]},
                 {"kind":"suite","status":"failed","suite":"kola","arch":"amd64","vendor":"ami","flakeAttempts":2,
                  "attempts":[{"reportId":"k-3","attempt":1,"result":"failed"},{"reportId":"k-4","attempt":2,"result":"failed"}]},
                 {"kind":"suite","status":"satisfied","suite":"qemu_update","arch":"amd64","flakeAttempts":2,
                  "attempts":[{"reportId":"u-1","attempt":1,"result":"passed"}]},
                 {"kind":"soak","status":"waiting","detail":"soaking since 2026-08-01","minimum":"PT672H","remaining":"PT48H"},
                 {"kind":"approvals","status":"waiting","detail":"1 of 2 approval(s)","required":2,"counted":["alice"],
                  "decisions":[{"identity":"alice","decision":"approve","comment":"looks good","at":"2026-08-22T09:00:00Z"}]}]}
                """;
    }

    @GET
    @Path("/channels")
    public String channels() {
        return """
                [{"channel":"alpha","policy":{"flakeAttempts":2,"minimumSoak":"PT0S","requiredApprovals":1},"arches":[]},
                 {"channel":"stable","policy":{"flakeAttempts":2,"minimumSoak":"PT672H","requiredApprovals":2},
                  "arches":[{"arch":"amd64","current":"4593.2.4","history":[
                    {"action":"publish","version":"4593.2.4","current":"4593.2.4","actor":"alice","reason":"published","at":"2026-07-01T10:00:00Z"}]}]}]
                """;
    }

    @POST
    @Path("/releases/{version}/approvals")
    public Response approve(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("version") String version,
            String body) {
        FakeServices.CALLS.add(new FakeServices.Call("POST /releases/" + version + "/approvals", authorization, body));
        Response refused = FakeServices.refuse(authorization, "releaser");
        return refused != null ? refused : Response.status(201).entity("{\"version\":\"" + version + "\"}").build();
    }

    @POST
    @Path("/channels/{channel}/rollback")
    public Response rollback(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("channel") String channel, String body) {
        FakeServices.CALLS.add(new FakeServices.Call("POST /channels/" + channel + "/rollback", authorization, body));
        Response refused = FakeServices.refuse(authorization, "releaser");
        return refused != null ? refused : Response.ok("{\"channel\":\"" + channel + "\"}").build();
    }
}
