package dev.kiln.version.domain;

import java.util.Optional;

/** Port to the scripts repository: a local clone of the configured remote. */
public interface ScriptsRepository {

    /**
     * Fetches branches and tags (pruning deleted ones) and returns the state fetched.
     *
     * @throws RepositoryUnavailableException when the remote cannot be reached
     */
    RepositoryView refresh();

    /**
     * Applies Flatcar's tag rule to {@code plan} against the state last fetched: commit version.txt on the
     * base branch, then reuse an existing tag with an identical tree, report a conflict for one with a
     * different tree, or push the annotated tag (and the commit to the plan's branch) atomically.
     * When {@code resuming} an interrupted allocation, an existing tag also counts as this allocation's if
     * its commit is this plan's {@code New version} commit with this plan's version.txt.
     *
     * @throws RepositoryUnavailableException when the remote fails; then a push may or may not have happened
     */
    TagOutcome applyTag(AllocationPlan plan, boolean resuming);

    /** The commit of the plan's tag, if the remote (as last fetched) has it carrying this plan's version.txt. */
    Optional<String> publishedCommit(AllocationPlan plan);

    /** Deletes a tag on the remote and locally, if it still points where it did when last fetched. */
    DeleteOutcome deleteTag(String tag);

    /** version.txt at a tag (fetching once if the tag is not known locally yet); empty if there is no such tag or file. */
    Optional<String> versionFileAt(String tag);
}
