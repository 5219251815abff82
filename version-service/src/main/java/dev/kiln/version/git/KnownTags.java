package dev.kiln.version.git;

import java.util.function.UnaryOperator;

/** The remote's tags as the last fetch advertised them, kept up to date by this process's own pushes and deletions. */
final class KnownTags {

    private volatile RemoteTags tags = RemoteTags.NONE;

    RemoteTags current() {
        return tags;
    }

    void replace(RemoteTags advertised) {
        tags = advertised;
    }

    /** Changes are made under the clone's write lock, so read-modify-write needs no lock of its own. */
    void update(UnaryOperator<RemoteTags> change) {
        tags = change.apply(tags);
    }
}
