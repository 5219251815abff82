package dev.kiln.cli.follow;

import com.fasterxml.jackson.databind.JsonNode;

/** Shows successive states of one build: redrawn in place on a terminal, as lines of changes in a pipe. */
public interface FollowView {

    void show(JsonNode build);

    /** A poll failed and will be retried: say so without ending the watch. */
    void trouble(String message);
}
