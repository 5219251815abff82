package dev.kiln.version.domain;

import dev.kiln.flatcar.Tag;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** The scripts repository as last fetched: what the version rules read. */
public interface RepositoryView {

    /** Branch names on the remote, e.g. {@code main}, {@code flatcar-4593}. */
    Set<String> branches();

    /** Tag names on the remote. */
    Collection<String> tagNames();

    /** version.txt at the head of a remote branch, as text; empty when the branch or the file is missing. */
    Optional<String> versionFileAtBranch(String branch);

    /** version.txt at a tag, as text; empty when the tag or the file is missing. */
    Optional<String> versionFileAtTag(String tag);
}
