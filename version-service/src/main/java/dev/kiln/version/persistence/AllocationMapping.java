package dev.kiln.version.persistence;

import dev.kiln.events.VersionTagged;
import dev.kiln.version.domain.Allocation;
import dev.kiln.flatcar.VersionKind;
import dev.kiln.version.domain.AllocationPlan;
import dev.kiln.version.domain.AllocationStatus;
import dev.kiln.version.domain.NewAllocation;
import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.Version;
import dev.kiln.flatcar.VersionFile;

/** Between rows, domain allocations and the tagged event. */
final class AllocationMapping {

    static final String PENDING = AllocationStatus.PENDING.id();

    private AllocationMapping() {
    }

    static AllocationEntity toEntity(NewAllocation allocation) {
        AllocationPlan plan = allocation.plan();
        Version v = plan.tag().version();
        AllocationEntity e = new AllocationEntity();
        e.tag = plan.tag().name();
        e.version = v.plusForm();
        e.versionId = v.versionId();
        e.buildId = v.buildId();
        e.sdkVersion = plan.file().sdkVersion().plusForm();
        e.updateGroup = plan.tag().group().id();
        e.channel = v.channel().id();
        e.kind = plan.kind().id();
        e.baseBranch = plan.baseBranch();
        e.branch = plan.pushBranch();
        e.createBranch = plan.createBranch();
        e.official = v.official();
        e.status = PENDING;
        e.idempotencyKey = allocation.idempotencyKey();
        e.requestHash = allocation.requestHash();
        e.requestedBy = allocation.requestedBy();
        e.createdAt = allocation.createdAt();
        return e;
    }

    static Allocation toDomain(AllocationEntity e) {
        Tag tag = Tag.parse(e.tag);
        AllocationPlan plan = new AllocationPlan(VersionKind.ofId(e.kind).orElseThrow(), tag,
                new VersionFile(tag.version(), Version.parse(e.sdkVersion)), e.baseBranch, e.branch, e.createBranch);
        return new Allocation(e.id, plan, AllocationStatus.ofId(e.status).orElseThrow(), e.commitId, e.idempotencyKey,
                e.requestHash, e.requestedBy, e.createdAt, e.taggedAt, e.deletedAt, e.deleteReason);
    }

    static VersionTagged tagged(AllocationEntity e) {
        return new VersionTagged(e.tag, e.version, e.versionId, e.buildId, e.sdkVersion, e.updateGroup, e.channel, e.branch,
                e.commitId, e.official, e.createdAt);
    }
}
