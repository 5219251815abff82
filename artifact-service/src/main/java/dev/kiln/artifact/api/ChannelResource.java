package dev.kiln.artifact.api;

import dev.kiln.artifact.domain.channel.ChannelBoard;
import dev.kiln.artifact.domain.channel.Pointer;
import dev.kiln.artifact.domain.channel.PointerName;
import dev.kiln.artifact.domain.channel.Withdrawal;
import dev.kiln.artifact.service.ChannelPublishing;
import dev.kiln.clients.artifact.ChannelCopy;
import dev.kiln.clients.artifact.ChannelFile;
import dev.kiln.clients.artifact.ChannelPointer;
import dev.kiln.clients.artifact.MovePointerRequest;
import dev.kiln.clients.artifact.PointerMoveResponse;
import dev.kiln.clients.artifact.WithdrawalRequest;
import dev.kiln.clients.artifact.WithdrawalResponse;
import dev.kiln.common.security.Roles;
import dev.kiln.flatcar.Version;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Publishing releases into a channel's board directory {@code <channel>/<arch>-usr/}: server-side copies of
 * {@code images/<arch>/<V>/}, the {@code current} pointers and withdrawals. Mutations take the service token or
 * admin (the service token is an admin caller); the pointer list is public, like the cache.
 */
@Path("/api/v1/channels/{channel}/{arch}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "channels", description = "Releases published into channel directories")
public class ChannelResource {

    private final ChannelPublishing publishing;

    public ChannelResource(ChannelPublishing publishing) {
        this.publishing = publishing;
    }

    @PUT
    @Path("versions/{version}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Copy images/<arch>/<version>/ to <channel>/<arch>-usr/<version>/ inside the object store")
    @APIResponse(responseCode = "200", description = "Copied; files already there with the same size and sha256 are skipped")
    @APIResponse(responseCode = "400", description = "invalid-channel, invalid-arch, invalid-version")
    @APIResponse(responseCode = "404", description = "nothing-to-publish: images/<arch>/<version>/ holds no stored files")
    @APIResponse(responseCode = "410", description = "version-withdrawn")
    public ChannelCopy copy(@PathParam("channel") String channel, @PathParam("arch") String arch,
            @PathParam("version") String version, @Context SecurityContext security) {
        ChannelBoard board = ChannelBoard.of(channel, arch);
        Version release = ChannelBoard.officialVersion(version);
        List<ChannelPublishing.CopiedFile> files = publishing.copy(board, release, caller(security));
        int copied = (int) files.stream().filter(ChannelPublishing.CopiedFile::copied).count();
        return new ChannelCopy(board.channel().id(), arch, release.plusForm(), files.stream()
                .map(f -> new ChannelFile(f.name(), f.artifact().digests().size(), f.artifact().digests().sha256())).toList(),
                copied, files.size() - copied);
    }

    @PUT
    @Path("pointers/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Point current (or current-<YEAR> on lts) at a version copied into the channel, atomically")
    @APIResponse(responseCode = "200", description = "Moved, or already there")
    @APIResponse(responseCode = "400", description = "invalid-channel, invalid-arch, invalid-pointer, invalid-version")
    @APIResponse(responseCode = "409", description = "version-not-in-channel: copy the version first")
    @APIResponse(responseCode = "410", description = "version-withdrawn")
    public PointerMoveResponse movePointer(@PathParam("channel") String channel, @PathParam("arch") String arch,
            @PathParam("name") String name, @Valid @NotNull MovePointerRequest request, @Context SecurityContext security) {
        ChannelBoard board = ChannelBoard.of(channel, arch);
        PointerName pointer = PointerName.of(board, name);
        Version version = ChannelBoard.officialVersion(request.version());
        Pointer moved = publishing.movePointer(board, pointer, version, caller(security));
        return new PointerMoveResponse(board.channel().id(), arch, moved.name(), moved.version().plusForm());
    }

    @DELETE
    @Path("pointers/{name}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a pointer (204, also when it is already gone)")
    public Response removePointer(@PathParam("channel") String channel, @PathParam("arch") String arch,
            @PathParam("name") String name) {
        ChannelBoard board = ChannelBoard.of(channel, arch);
        publishing.removePointer(board, PointerName.of(board, name));
        return Response.noContent().build();
    }

    @GET
    @Path("pointers")
    @Operation(summary = "The board's pointers and the versions they name")
    public List<ChannelPointer> pointers(@PathParam("channel") String channel, @PathParam("arch") String arch) {
        return publishing.pointers(ChannelBoard.of(channel, arch)).stream()
                .map(p -> new ChannelPointer(p.name(), p.version().plusForm(), p.movedAt())).toList();
    }

    @POST
    @Path("versions/{version}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Withdraw a version: every read under <channel>/<arch>-usr/<version>/ answers 410 from now on")
    @APIResponse(responseCode = "200", description = "Withdrawn (a repeat answers the first withdrawal)")
    @APIResponse(responseCode = "409", description = "version-is-current: a pointer names the version")
    public WithdrawalResponse withdraw(@PathParam("channel") String channel, @PathParam("arch") String arch,
            @PathParam("version") String version, @Valid @NotNull WithdrawalRequest request,
            @Context SecurityContext security) {
        ChannelBoard board = ChannelBoard.of(channel, arch);
        Withdrawal withdrawal = publishing.withdraw(board, ChannelBoard.officialVersion(version), request.reason(),
                caller(security));
        return new WithdrawalResponse(board.channel().id(), arch, withdrawal.version().plusForm(), withdrawal.reason(),
                withdrawal.at());
    }

    private static String caller(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }
}
