package dev.kiln.release.api;

/** Why a published release is taken back; required. */
public record WithdrawRequest(String reason) {
}
