/** Idempotency keys on create calls: a retried request gets the first answer instead of a second resource. */
package dev.kiln.common.idempotency;
