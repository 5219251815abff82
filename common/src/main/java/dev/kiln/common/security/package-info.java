/** Callers and roles: static bearer tokens (and the local stack's admin token) mapped to Kiln roles. */
package dev.kiln.common.security;
