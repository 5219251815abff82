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
 * release-service's API as the console uses it: releases, gates, the manifest, channels, release requests (one open,
 * one cancelled), approvals, rollback, asking for and cancelling a release request.
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

    @GET
    @Path("/releases/{version}/manifest")
    public Response manifest(@PathParam("version") String version) {
        if (!version.equals("4593.2.5")) {
            return FakeServices.problem(404, "release-not-found", "no release " + version);
        }
        return Response.ok("""
                {"version":"4593.2.5","channel":"stable","state":"published","atRisk":false,
                 "inputs":{"tag":"stable-4593.2.5","branch":"flatcar-4593","buildId":"k7xq2m4pza","arches":["amd64"]},
                 "outputs":{"amd64":[{"name":"flatcar_production_image.bin.bz2","size":491782144,
                   "sha256":"5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"}]},
                 "testReports":[],"approvals":[],"channelHistory":[],
                 "packageChanges":[{"arch":"amd64","against":"4593.2.4","added":["sys-apps/ignition-2.20.0"],"removed":[],
                   "updated":[{"name":"sys-kernel/coreos-kernel","from":"6.6.58","to":"6.6.60"}]}]}
                """).build();
    }

    @GET
    @Path("/promotions")
    public String promotions() {
        return """
                {"items":[{"id":"pr-7h3k9w2m4q","type":"promotion","state":"building","channel":"beta","major":4790,
                  "from":"4790.0.1","to":"beta","version":"4790.1.0","buildId":"k7xq2m4pza","requestedBy":"alice",
                  "reason":"first in its lane beta/4790","createdAt":"2026-08-25T10:00:00Z","updatedAt":"2026-08-25T10:05:00Z"},
                 {"id":"pr-2b9c4d6e8f","type":"patch","state":"cancelled","channel":"stable","major":4593,
                  "requestedBy":"bob","reason":"wrong kernel config","createdAt":"2026-08-24T10:00:00Z",
                  "updatedAt":"2026-08-24T10:01:00Z"}],"page":0,"size":100,"total":2}
                """;
    }

    @POST
    @Path("/promotions")
    public Response request(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Idempotency-Key") String key, String body) {
        FakeServices.CALLS.add(new FakeServices.Call("POST /promotions key=" + key, authorization, body));
        Response refused = FakeServices.refuse(authorization, "releaser");
        return refused != null ? refused : Response.status(201).entity("""
                {"id":"pr-new","type":"new-major","state":"versioning","requestedBy":"release-manager-1"}
                """).build();
    }

    @POST
    @Path("/promotions/{id}/cancel")
    public Response cancel(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            String body) {
        FakeServices.CALLS.add(new FakeServices.Call("POST /promotions/" + id + "/cancel", authorization, body));
        Response refused = FakeServices.refuse(authorization, "releaser");
        return refused != null ? refused : Response.ok("{\"id\":\"" + id + "\",\"type\":\"promotion\",\"state\":\"cancelled\"}").build();
    }
}
