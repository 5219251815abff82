package dev.kiln.clients.artifact;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/channels/{channel}/{arch}/versions/{version}/withdrawal}. */
@Schema(description = "Why a release's channel directory is withdrawn.")
public record WithdrawalRequest(
        @Schema(example = "CVE-2026-1234 in the kernel", required = true) @NotBlank @Size(max = 2000) String reason) {
}
