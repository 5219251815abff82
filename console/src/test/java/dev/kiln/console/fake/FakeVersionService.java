package dev.kiln.console.fake;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Two allocations: a nightly and a stable release. */
@Path("/fake/version-service/api/v1/versions")
@Produces(MediaType.APPLICATION_JSON)
public class FakeVersionService {

    @GET
    public String list() {
        return """
                {"items":[
                  {"tag":"main-4799.0.0-nightly-20260821-2100","version":"4799.0.0+nightly-20260821-2100","versionId":"4799.0.0",
                   "kind":"nightly","status":"tagged","official":false,"channel":"alpha","commit":"53de268700c830245e2a5cbab8d73f23dee474eb"},
                  {"tag":"stable-4593.2.5","version":"4593.2.5","versionId":"4593.2.5","kind":"patch","status":"tagged",
                   "official":true,"channel":"stable"}],"page":0,"size":50,"total":2}
                """;
    }
}
