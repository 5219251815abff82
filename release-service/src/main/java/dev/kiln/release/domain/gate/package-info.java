/** Gate policies per channel and the pure evaluation of a release's tests, soak and approvals against them. */
package dev.kiln.release.domain.gate;
