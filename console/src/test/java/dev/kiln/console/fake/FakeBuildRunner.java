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

/** build-runner as far as the console's tests need it: one nightly of the os pipeline for amd64 and arm64. */
@Path("/fake/build-runner/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class FakeBuildRunner {

    static final String BUILD = """
            {"id":"k7xq2m4pza","pipeline":"os","state":"running","tag":"main-4799.0.0-nightly-20260821-2100",
             "version":"4799.0.0+nightly-20260821-2100","arches":["amd64","arm64"],"vendors":["qemu_uefi"],
             "requestedBy":"ci","createdAt":"2026-08-21T21:00:00Z","startedAt":"2026-08-21T21:00:01Z","steps":[
              {"run":"packages-amd64","step":"packages","arch":"amd64","needs":[],"state":"succeeded","attempt":1},
              {"run":"image-amd64","step":"image","arch":"amd64","needs":["packages"],"state":"running","attempt":1},
              {"run":"vms-amd64-qemu_uefi","step":"vms","arch":"amd64","vendor":"qemu_uefi","needs":["image"],"state":"pending","attempt":0},
              {"run":"packages-arm64","step":"packages","arch":"arm64","needs":[],"state":"failed","attempt":2,"reason":"exit-code: 1"},
              {"run":"image-arm64","step":"image","arch":"arm64","needs":["packages"],"state":"blocked","attempt":0}]}
            """;

    @GET
    @Path("/builds")
    public String builds() {
        return """
                {"items":[{"id":"k7xq2m4pza","pipeline":"os","state":"running","tag":"main-4799.0.0-nightly-20260821-2100",
                 "version":"4799.0.0+nightly-20260821-2100","arches":["amd64","arm64"],"vendors":["qemu_uefi"],
                 "requestedBy":"ci","createdAt":"2026-08-21T21:00:00Z","startedAt":"2026-08-21T21:00:01Z"}],
                 "page":0,"size":25,"total":1}
                """;
    }

    @GET
    @Path("/builds/{id}")
    public Response build(@PathParam("id") String id) {
        return id.equals("k7xq2m4pza") ? Response.ok(BUILD).build()
                : FakeServices.problem(404, "build-not-found", "no build '" + id + "'");
    }

    @GET
    @Path("/builds/{id}/steps/{run}/log")
    @Produces(MediaType.TEXT_PLAIN)
    public String log(@PathParam("id") String id, @PathParam("run") String run) {
        return ">>> emerge-gitclone\n>>> build_packages --board=amd64-usr\n";
    }

    @GET
    @Path("/pipelines")
    public String pipelines() {
        return "{\"items\":[{\"name\":\"full\",\"description\":\"SDK to vendor images\"},{\"name\":\"os\"}],\"page\":0,\"size\":100,\"total\":2}";
    }

    @POST
    @Path("/builds")
    public Response start(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        FakeServices.CALLS.add(new FakeServices.Call("POST /builds", authorization, body));
        Response refused = FakeServices.refuse(authorization, "builder");
        return refused != null ? refused : Response.status(201).entity(BUILD).type(MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/builds/{id}/cancel")
    public Response cancel(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            String body) {
        FakeServices.CALLS.add(new FakeServices.Call("POST /builds/" + id + "/cancel", authorization, body));
        Response refused = FakeServices.refuse(authorization, "builder");
        return refused != null ? refused : Response.ok(BUILD).build();
    }
}
