package dev.kiln.artifact.domain.gc;

import dev.kiln.artifact.domain.CacheLayout;
import dev.kiln.artifact.domain.ObjectStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists the directories a plan needs from the object store: the version directories of every area. */
final class CacheSnapshots {

    private CacheSnapshots() {
    }

    static CacheSnapshot take(ObjectStore store) {
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (String area : List.of(CacheLayout.SDK, CacheLayout.BOARDS, CacheLayout.IMAGES)) {
            String directory = area + "/";
            List<String> arches = store.childDirectories(directory);
            children.put(directory, arches);
            for (String arch : arches) {
                children.put(directory + arch + "/", store.childDirectories(directory + arch + "/"));
            }
        }
        for (String area : List.of(CacheLayout.CONTAINERS, CacheLayout.TESTING, CacheLayout.BUILD_LOGS)) {
            children.put(area + "/", store.childDirectories(area + "/"));
        }
        return new CacheSnapshot(children);
    }
}
