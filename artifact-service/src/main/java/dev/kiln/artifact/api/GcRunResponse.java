package dev.kiln.artifact.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kiln.artifact.domain.gc.GcRunItem;
import dev.kiln.artifact.domain.gc.GcRunView;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A garbage collection run; {@code items} only when one run is fetched. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GcRunResponse(String id, String trigger, String status, String requestedBy, GcSettingsResponse settings,
        Instant startedAt, Instant finishedAt, int purges, int done, int failed, int skipped, long deletedObjects, String error,
        List<Item> items) {

    /** One decision and how its execution went. */
    public record Item(int seq, GcDecisionResponse decision, String status, long deletedObjects, String error) {

        static Item of(GcRunItem item) {
            return new Item(item.seq(), GcDecisionResponse.of(item.decision()),
                    item.status().name().toLowerCase(Locale.ROOT), item.deletedObjects(), item.error());
        }
    }

    static GcRunResponse of(GcRunView run) {
        return new GcRunResponse(run.id(), run.trigger().name().toLowerCase(Locale.ROOT),
                run.status().name().toLowerCase(Locale.ROOT), run.requestedBy(), GcSettingsResponse.of(run.settings()),
                run.startedAt(), run.finishedAt(), run.purges(), run.done(), run.failed(), run.skipped(), run.deletedObjects(),
                run.error(),
                run.items() == null ? null : run.items().stream().map(Item::of).toList());
    }
}
