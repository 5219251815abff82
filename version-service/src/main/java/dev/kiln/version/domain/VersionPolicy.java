package dev.kiln.version.domain;

import dev.kiln.flatcar.VersionKind;
import dev.kiln.flatcar.VersionRequest;
import dev.kiln.flatcar.InvalidVersionRequestException;
import dev.kiln.flatcar.Version;
import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.VersionName;
import dev.kiln.flatcar.MalformedVersionException;
import dev.kiln.flatcar.VersionFile;
import dev.kiln.flatcar.FlatcarCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Flatcar's next-version rules. Given the repository as fetched, the tags reserved by allocations in
 * flight and the current time, computes the tag, version.txt and branches of one allocation, or refuses
 * the request with the rule it breaks.
 */
public final class VersionPolicy {

    /** A nightly looks this far past its minute for a free one; a day of nightlies every minute means something is wrong. */
    static final int NIGHTLY_MINUTES_TRIED = 24 * 60;

    private final PolicySettings settings;
    private final FlatcarCalendar calendar;

    public VersionPolicy(PolicySettings settings) {
        this.settings = settings;
        this.calendar = new FlatcarCalendar(settings.epoch());
    }

    /** Plans with no allocation stored beyond those in flight, as when nothing was allocated before. */
    public AllocationPlan plan(VersionRequest request, RepositoryView repo, Collection<String> reservedTags, Instant now) {
        return plan(request, repo, reservedTags, tag -> false, now);
    }

    /**
     * @param reservedTags tags of allocations in flight
     * @param allocated    whether a tag (or its version) was ever allocated, whatever became of it since
     */
    public AllocationPlan plan(VersionRequest request, RepositoryView repo, Collection<String> reservedTags,
            Predicate<Tag> allocated, Instant now) {
        request.checkFields();
        Known known = new Known(repo, reservedTags);
        AllocationPlan plan = switch (request.kind()) {
            case NIGHTLY -> firstFreeNightly(request, known, allocated, now);
            case ALPHA -> alpha(request, known, now);
            case PROMOTION -> promotion(request, known);
            case PATCH -> patch(request, known);
            case DEV -> dev(request, known);
        };
        checkVersionIsFree(plan.tag(), known);
        return plan;
    }

    /**
     * A nightly takes the build id of the first minute, at or after {@code now}, whose nightly on the branch
     * neither exists nor was ever allocated: two nightlies asked for in one minute get two versions, not a refusal.
     */
    private AllocationPlan firstFreeNightly(VersionRequest r, Known known, Predicate<Tag> allocated, Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        for (int tried = 0; tried < NIGHTLY_MINUTES_TRIED; tried++, minute = minute.plus(Duration.ofMinutes(1))) {
            AllocationPlan plan = nightly(r, known, minute);
            if (known.all.tagOf(plan.tag().version()).isEmpty() && !allocated.test(plan.tag())) {
                return plan;
            }
        }
        throw new VersionTakenException(null, "every nightly minute from " + now.truncatedTo(ChronoUnit.MINUTES) + " for "
                + NIGHTLY_MINUTES_TRIED + " minutes is already tagged or allocated");
    }

    private AllocationPlan nightly(VersionRequest r, Known known, Instant now) {
        String branch = r.branch() == null ? settings.mainBranch() : r.branch();
        requireBranch(known, branch);
        String buildId = calendar.nightlyBuildId(now);
        if (branch.equals(settings.mainBranch())) {
            Version version = new Version(calendar.majorAt(now), 0, 0, buildId);
            Version sdk = sdkOverride(r).orElse(version);
            return new AllocationPlan(VersionKind.NIGHTLY, new Tag(Tag.MAIN_PREFIX, version), new VersionFile(version, sdk),
                    branch, branch, false);
        }
        int major = settings.releaseBranchMajor(branch).orElseThrow(() -> new IllegalVersionRequestException(
                "nightlies run on " + settings.mainBranch() + " or on a release branch " + settings.releaseBranchPrefix()
                        + "MMMM, not on '" + branch + "'"));
        Version released = known.remote.latestRelease(major).orElseThrow(() -> new IllegalVersionRequestException(
                "branch " + branch + " has no release yet, so a maintenance nightly has no version to build on"));
        Version version = released.withBuildId(buildId);
        Version sdk = sdkOverride(r).orElseGet(() -> sdkOf(known.repo.versionFileAtBranch(branch), "branch " + branch));
        return new AllocationPlan(VersionKind.NIGHTLY, new Tag(released.channel().id(), version),
                new VersionFile(version, sdk), branch, branch, false);
    }

    private AllocationPlan alpha(VersionRequest r, Known known, Instant now) {
        int major = calendar.majorAt(now);
        OptionalInt highest = highestReleaseMajor(known);
        if (highest.isPresent() && major <= highest.getAsInt()) {
            throw new IllegalVersionRequestException("a new major must be above every existing release major: today's major is "
                    + major + ", but release major " + highest.getAsInt() + " exists");
        }
        requireBranch(known, settings.mainBranch());
        Version version = Version.official(major, Channel.ALPHA.minor(), 0);
        Version sdk = sdkOverride(r).orElse(version);
        return new AllocationPlan(VersionKind.ALPHA, Tag.release(version), new VersionFile(version, sdk),
                settings.mainBranch(), settings.releaseBranch(major), true);
    }

    private AllocationPlan promotion(VersionRequest r, Known known) {
        Version from = releasedVersion(r.from(), known, "promoted");
        Channel channel = from.channel();
        Channel next = channel.next().orElseThrow(() -> new IllegalVersionRequestException(
                r.from() + " is in lts, the last channel; it cannot be promoted"));
        if (r.to() != null) {
            Channel to = Channel.ofId(r.to()).orElseThrow(() -> new InvalidVersionRequestException(List.of(
                    new InvalidVersionRequestException.FieldProblem("to", "must be one of alpha, beta, stable, lts"))));
            if (to != next) {
                throw new IllegalVersionRequestException("cannot promote " + channel.id() + " to " + to.id()
                        + ": promotion goes one step along alpha -> beta -> stable -> lts, so " + channel.id() + " promotes to " + next.id());
            }
        }
        Version newest = known.remote.latestRelease(from.major(), channel).orElseThrow();
        if (!newest.equals(from)) {
            throw new IllegalVersionRequestException("only the newest " + channel.id() + " release of major " + from.major()
                    + " (" + newest + ") can be promoted, not " + from);
        }
        officialIn(known.all, from.major(), next).ifPresent(done -> {
            throw new IllegalVersionRequestException("major " + from.major() + " was already promoted to " + next.id()
                    + " (" + next.id() + "-" + done + " exists); make a patch release instead");
        });
        Version target = Version.official(from.major(), next.minor(), 0);
        String branch = releaseBranch(known, from.major());
        Version sdk = sdkOverride(r).orElseGet(() -> sdkOf(known.repo.versionFileAtTag(Tag.release(from).name()), "tag " + Tag.release(from)));
        return new AllocationPlan(VersionKind.PROMOTION, Tag.release(target), new VersionFile(target, sdk), branch, branch, false);
    }

    private AllocationPlan patch(VersionRequest r, Known known) {
        Version from = releasedVersion(r.from(), known, "patched");
        Channel channel = from.channel();
        int nextPatch = known.all.highestOfficialPatch(from.major(), from.minor()).orElse(from.patch()) + 1;
        Version target = Version.official(from.major(), from.minor(), nextPatch);
        String branch = releaseBranch(known, from.major());
        Tag newest = Tag.release(known.remote.latestRelease(from.major(), channel).orElseThrow());
        Version sdk = sdkOverride(r).orElseGet(() -> sdkOf(known.repo.versionFileAtTag(newest.name()), "tag " + newest));
        return new AllocationPlan(VersionKind.PATCH, Tag.release(target), new VersionFile(target, sdk), branch, branch, false);
    }

    private AllocationPlan dev(VersionRequest r, Known known) {
        SuffixRule.check(r.suffix());
        String branch = r.branch() == null ? settings.mainBranch() : r.branch();
        requireBranch(known, branch);
        Optional<String> branchFile = known.repo.versionFileAtBranch(branch);
        String prefix;
        Version base;
        if (r.from() != null) {
            VersionName name = VersionName.parse(r.from());
            base = name.version().withoutBuildId();
            prefix = name.prefix() != null ? devPrefix(name) : defaultDevPrefix(branch, name.version());
        } else {
            Version branchVersion = parseFile(branchFile.orElseThrow(() -> new IllegalVersionRequestException(
                    "branch " + branch + " has no version.txt; give 'from'")), "branch " + branch).version();
            base = branchVersion.withoutBuildId();
            prefix = defaultDevPrefix(branch, branchVersion);
        }
        if (base.channel() == null) {
            throw new IllegalVersionRequestException("minor " + base.minor() + " of " + base + " names no channel (0-3)");
        }
        Version version = base.withBuildId(r.suffix());
        Version sdk = sdkOverride(r).orElseGet(() -> sdkOf(branchFile, "branch " + branch));
        return new AllocationPlan(VersionKind.DEV, new Tag(prefix, version), new VersionFile(version, sdk), branch, null, false);
    }

    private String devPrefix(VersionName name) {
        String prefix = name.prefix();
        if (!Tag.PREFIXES.contains(prefix)) {
            throw new IllegalVersionRequestException("dev builds take a main, alpha, beta, stable or lts prefix, not '" + prefix + "'");
        }
        Channel channel = name.version().channel();
        if (!Tag.MAIN_PREFIX.equals(prefix) && (channel == null || !channel.id().equals(prefix))) {
            throw new IllegalVersionRequestException("prefix " + prefix + " does not match the minor of " + name.version().versionId()
                    + (channel == null ? "" : " (" + channel.id() + ")"));
        }
        return prefix;
    }

    /** main for main and for nightly lineages of minor 0; otherwise the channel of the minor. */
    private String defaultDevPrefix(String branch, Version version) {
        Channel channel = version.channel();
        if (branch.equals(settings.mainBranch()) || channel == null || channel == Channel.ALPHA && !version.official()) {
            return Tag.MAIN_PREFIX;
        }
        return channel.id();
    }

    private Version releasedVersion(String text, Known known, String verb) {
        VersionName name = VersionName.parse(text);
        Version v = name.version();
        if (!v.official()) {
            throw new IllegalVersionRequestException("only releases can be " + verb + "; " + text + " has build id " + v.buildId());
        }
        Channel channel = v.channel();
        if (channel == null) {
            throw new IllegalVersionRequestException("minor " + v.minor() + " of " + v + " names no channel (0-3)");
        }
        if (name.prefix() != null && !name.prefix().equals(channel.id())) {
            throw new IllegalVersionRequestException(text + " is not a release tag: minor " + v.minor() + " is " + channel.id()
                    + ", the prefix says " + name.prefix());
        }
        if (!known.remote.isReleased(v)) {
            throw new IllegalVersionRequestException(v + " was never released: there is no tag " + Tag.release(v));
        }
        return v;
    }

    private String releaseBranch(Known known, int major) {
        String plain = settings.releaseBranch(major);
        if (known.repo.branches().contains(plain)) {
            return plain;
        }
        String lts = settings.ltsReleaseBranch(major);
        if (known.repo.branches().contains(lts)) {
            return lts;
        }
        throw new IllegalVersionRequestException("release branch " + plain + " does not exist on the remote");
    }

    private OptionalInt highestReleaseMajor(Known known) {
        List<Integer> majors = new ArrayList<>();
        known.all.highestReleaseMajor().ifPresent(majors::add);
        known.repo.branches().stream().map(settings::releaseBranchMajor).flatMap(Optional::stream).forEach(majors::add);
        return majors.stream().mapToInt(Integer::intValue).max();
    }

    private static Optional<Version> officialIn(TagIndex index, int major, Channel channel) {
        OptionalInt patch = index.highestOfficialPatch(major, channel.minor());
        return patch.isPresent() ? Optional.of(Version.official(major, channel.minor(), patch.getAsInt())) : Optional.empty();
    }

    private static void requireBranch(Known known, String branch) {
        if (!known.repo.branches().contains(branch)) {
            throw new IllegalVersionRequestException("branch " + branch + " does not exist on the remote");
        }
    }

    private static Optional<Version> sdkOverride(VersionRequest r) {
        return Optional.ofNullable(r.sdkVersion()).map(Version::parse);
    }

    private static Version sdkOf(Optional<String> file, String where) {
        return parseFile(file.orElseThrow(() -> new IllegalVersionRequestException(
                where + " has no version.txt to take the SDK version from; give sdkVersion")), where).sdkVersion();
    }

    private static VersionFile parseFile(String text, String where) {
        try {
            return VersionFile.parse(text);
        } catch (MalformedVersionException e) {
            throw new IllegalVersionRequestException("the version.txt of " + where + " cannot be read: " + e.getMessage());
        }
    }

    private static void checkVersionIsFree(Tag tag, Known known) {
        Optional<Tag> holder = known.all.tagOf(tag.version());
        if (holder.isPresent() && !(holder.get().equals(tag) && known.remote.hasTag(tag.name()))) {
            throw new VersionTakenException(holder.get().name(), "version " + tag.version() + " is already "
                    + (known.remote.hasTag(holder.get().name()) ? "tagged as " : "reserved by an allocation in progress for ")
                    + holder.get().name());
        }
    }

    /** The remote's tags alone, and together with the tags of allocations in flight. */
    private static final class Known {
        final RepositoryView repo;
        final TagIndex remote;
        final TagIndex all;

        Known(RepositoryView repo, Collection<String> reservedTags) {
            this.repo = repo;
            this.remote = new TagIndex(repo.tagNames());
            List<String> every = new ArrayList<>(repo.tagNames());
            every.addAll(reservedTags);
            this.all = new TagIndex(every);
        }
    }
}
