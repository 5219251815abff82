/** The HTTP front door every service shares: limits and malformed requests answered as problem+json before JAX-RS. */
package dev.kiln.common.http;
