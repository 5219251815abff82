package dev.kiln.artifact.domain.gc;

import dev.kiln.artifact.domain.ObjectStore;
import dev.kiln.flatcar.CacheAreas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists the directories a plan needs from the object store: the version directories of every area. */
public final class CacheSnapshots {

    private CacheSnapshots() {
    }

    public static CacheSnapshot take(ObjectStore store) {
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (String area : List.of(CacheAreas.SDK, CacheAreas.BOARDS, CacheAreas.IMAGES)) {
            String directory = area + "/";
            List<String> arches = store.childDirectories(directory);
            children.put(directory, arches);
            for (String arch : arches) {
                children.put(directory + arch + "/", store.childDirectories(directory + arch + "/"));
            }
        }
        for (String area : List.of(CacheAreas.CONTAINERS, CacheAreas.TESTING, CacheAreas.BUILD_LOGS)) {
            children.put(area + "/", store.childDirectories(area + "/"));
        }
        return new CacheSnapshot(children);
    }
}
