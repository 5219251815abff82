package dev.kiln.version.git;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;

/**
 * The remote's tags as its last advertisement listed them: name, tag object and the commit it peels to.
 * The clone keeps no tag refs of its own, so that a push does not offer thousands of tags as objects the
 * remote already has (JGit would walk every one of them to find what to send).
 */
final class RemoteTags {

    static final RemoteTags NONE = new RemoteTags(Map.of());

    private record Entry(ObjectId object, ObjectId commit) {
    }

    private final Map<String, Entry> tags;

    private RemoteTags(Map<String, Entry> tags) {
        this.tags = tags;
    }

    /** From an advertisement: annotated tags carry their peeled commit, lightweight tags are the commit. */
    static RemoteTags advertised(Collection<Ref> refs) {
        Map<String, Entry> tags = new HashMap<>();
        for (Ref ref : refs) {
            if (ref.getName().startsWith(Constants.R_TAGS) && ref.getObjectId() != null) {
                ObjectId peeled = ref.getPeeledObjectId();
                tags.put(ref.getName().substring(Constants.R_TAGS.length()),
                        new Entry(ref.getObjectId(), peeled != null ? peeled : ref.getObjectId()));
            }
        }
        return new RemoteTags(Map.copyOf(tags));
    }

    Set<String> names() {
        return tags.keySet();
    }

    /** The tag object (or, for a lightweight tag, the commit) the remote's ref points at; null if there is no such tag. */
    ObjectId object(String name) {
        Entry e = tags.get(name);
        return e == null ? null : e.object();
    }

    /** The commit the tag peels to; null if there is no such tag. */
    ObjectId commit(String name) {
        Entry e = tags.get(name);
        return e == null ? null : e.commit();
    }

    RemoteTags with(String name, ObjectId object, ObjectId commit) {
        Map<String, Entry> copy = new HashMap<>(tags);
        copy.put(name, new Entry(object, commit));
        return new RemoteTags(copy);
    }

    RemoteTags without(String name) {
        Map<String, Entry> copy = new HashMap<>(tags);
        copy.remove(name);
        return new RemoteTags(copy);
    }
}
