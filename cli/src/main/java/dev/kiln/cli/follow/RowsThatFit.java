package dev.kiln.cli.follow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * When a build has more step runs than the terminal has lines, the runs that are done make room first: what is
 * running, failing or waiting is what someone following a build looks for.
 */
final class RowsThatFit {

    private static final Set<String> DONE = Set.of("succeeded", "skipped");

    private RowsThatFit() {
    }

    static List<StepRow> select(List<StepRow> rows, int room) {
        if (rows.size() <= room) {
            return rows;
        }
        int keep = Math.max(room - 1, 0);  // one line goes to the summary
        List<StepRow> chosen = new ArrayList<>();
        for (StepRow row : rows) {
            if (!DONE.contains(row.state()) && chosen.size() < keep) {
                chosen.add(row);
            }
        }
        for (StepRow row : rows) {
            if (DONE.contains(row.state()) && chosen.size() < keep) {
                chosen.add(row);
            }
        }
        // back in the build's order, so rows do not jump around between frames more than they must
        List<StepRow> inOrder = new ArrayList<>(rows);
        inOrder.retainAll(chosen);
        return inOrder;
    }

    static String summary(List<StepRow> all, List<StepRow> shown) {
        Map<String, Integer> hidden = new TreeMap<>();
        for (StepRow row : all) {
            if (!shown.contains(row)) {
                hidden.merge(row.state(), 1, Integer::sum);
            }
        }
        StringBuilder line = new StringBuilder("... ").append(all.size() - shown.size()).append(" more runs (");
        hidden.forEach((state, count) -> line.append(count).append(' ').append(state).append(", "));
        return line.substring(0, line.length() - 2) + ")";
    }
}
