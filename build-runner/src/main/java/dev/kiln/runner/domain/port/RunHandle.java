package dev.kiln.runner.domain.port;

/** One attempt of one step run: what an executor launches, observes and stops. */
public record RunHandle(String buildId, String runKey, int attempt) {

    @Override
    public String toString() {
        return buildId + "/" + runKey + "#" + attempt;
    }
}
