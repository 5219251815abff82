package dev.kiln.runner.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** version-service's version API as the runner calls it. */
@RegisterRestClient(configKey = "version-service")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/api/v1/versions")
public interface VersionServiceApi {

    @POST
    VersionBody allocate(@HeaderParam("Idempotency-Key") String idempotencyKey, AllocationBody request);

    @GET
    @Path("/{tag}")
    VersionBody get(@PathParam("tag") String tag);

    /** {@code POST /api/v1/versions} request. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AllocationBody(String kind, String branch, String from, String to, String suffix, String sdkVersion) {
    }

    /** A version as version-service describes it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record VersionBody(String tag, String version, String versionId, String buildId, String sdkVersion,
            String group, String channel, String branch, String commit) {
    }
}
