/** The one convention for errors a domain states: plain Java, mapped to problem+json by the API layer. */
package dev.kiln.common.error;
