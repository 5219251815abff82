/** PostgreSQL storage of releases, test reports, approvals and channel history, behind the domain's ports. */
package dev.kiln.release.persistence;
