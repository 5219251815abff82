package dev.kiln.version.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.util.Paths;

/**
 * Replaces one file in a tree by rewriting only the trees along its path, so that the cost does not grow
 * with the size of the repository (Flatcar's scripts repo holds tens of thousands of files).
 */
final class TreeEdit {

    private TreeEdit() {
    }

    /** The id of {@code tree} with {@code path} set to the regular file {@code blob}; missing directories are created. */
    static ObjectId withFile(ObjectReader reader, ObjectInserter inserter, ObjectId tree, String path, ObjectId blob)
            throws IOException {
        return rewrite(reader, inserter, tree, path.split("/"), 0, blob);
    }

    private record Entry(byte[] name, FileMode mode, ObjectId id) {
    }

    private static ObjectId rewrite(ObjectReader reader, ObjectInserter inserter, ObjectId tree, String[] parts, int depth,
            ObjectId blob) throws IOException {
        List<Entry> entries = tree == null ? new ArrayList<>() : read(reader, tree);
        byte[] name = parts[depth].getBytes(StandardCharsets.UTF_8);
        Entry existing = entries.stream().filter(e -> Arrays.equals(e.name(), name)).findFirst().orElse(null);
        entries.remove(existing);
        if (depth == parts.length - 1) {
            entries.add(new Entry(name, FileMode.REGULAR_FILE, blob));
        } else {
            ObjectId child = existing != null && existing.mode() == FileMode.TREE ? existing.id() : null;
            entries.add(new Entry(name, FileMode.TREE, rewrite(reader, inserter, child, parts, depth + 1, blob)));
        }
        entries.sort(TreeEdit::gitOrder);
        TreeFormatter formatter = new TreeFormatter();
        for (Entry e : entries) {
            formatter.append(e.name(), e.mode(), e.id());
        }
        return inserter.insert(formatter);
    }

    private static List<Entry> read(ObjectReader reader, ObjectId tree) throws IOException {
        List<Entry> entries = new ArrayList<>();
        CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, tree);
        while (!parser.eof()) {
            byte[] name = new byte[parser.getNameLength()];
            parser.getName(name, 0);
            entries.add(new Entry(name, parser.getEntryFileMode(), parser.getEntryObjectId()));
            parser.next();
        }
        return entries;
    }

    private static int gitOrder(Entry a, Entry b) {
        return Paths.compare(a.name(), 0, a.name().length, a.mode().getBits(), b.name(), 0, b.name().length, b.mode().getBits());
    }
}
