/** A channel's board: per architecture the current release and the audited history of publishes, rollbacks and withdrawals. */
package dev.kiln.release.domain.channel;
