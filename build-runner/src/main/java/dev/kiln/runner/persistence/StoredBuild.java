package dev.kiln.runner.persistence;

import dev.kiln.runner.domain.build.Build;
import java.time.Instant;

/**
 * A build loaded for change in the current transaction, with its row locked. Change {@link #build()}, then
 * hand this back to {@link BuildStore#save}. Also carries which replica owns the build's reconciliation.
 */
public final class StoredBuild {

    final BuildEntity entity;
    private final Build build;

    StoredBuild(BuildEntity entity, Build build) {
        this.entity = entity;
        this.build = build;
    }

    public Build build() {
        return build;
    }

    /** True when another replica owns the build and its lease has not expired at {@code now}. */
    public boolean ownedByOther(String me, Instant now) {
        return entity.owner != null && !entity.owner.equals(me) && entity.leaseUntil != null
                && entity.leaseUntil.isAfter(now);
    }

    /**
     * Makes {@code me} the owner until {@code now + lease}; an own lease with more than half of it left is kept
     * as it is, so that most passes do not write the build row.
     */
    public void claim(String me, Instant now, java.time.Duration lease) {
        boolean fresh = me.equals(entity.owner) && entity.leaseUntil != null
                && entity.leaseUntil.isAfter(now.plus(lease.dividedBy(2)));
        if (!fresh) {
            entity.owner = me;
            entity.leaseUntil = now.plus(lease);
        }
    }

    /** Gives the build up, e.g. when it finished. */
    public void release() {
        entity.owner = null;
        entity.leaseUntil = null;
    }
}
