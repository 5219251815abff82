package dev.kiln.artifact.domain.gc;

import java.util.List;

/** The port to version-service: its list of versions, and the deletion of a dev tag. */
public interface VersionService {

    /** Every version it knows, all pages. */
    List<KnownVersion> listAll();

    /** Deletes a dev tag locally and on the remote; a tag that is already gone counts as deleted. */
    void deleteTag(String tag);
}
