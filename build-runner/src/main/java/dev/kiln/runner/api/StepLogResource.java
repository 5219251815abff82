package dev.kiln.runner.api;

import dev.kiln.common.problem.ProblemException;
import dev.kiln.runner.domain.build.Build;
import dev.kiln.runner.domain.build.StepRenderer;
import dev.kiln.runner.domain.build.StepRun;
import dev.kiln.runner.domain.port.ArtifactCache;
import dev.kiln.runner.domain.port.AttemptLog;
import dev.kiln.runner.domain.port.PortException;
import dev.kiln.runner.domain.port.RunHandle;
import dev.kiln.runner.domain.port.StepExecutor;
import dev.kiln.runner.service.BuildService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/builds/{id}/steps/{step}/log}: the log of a step run's attempt, live from the executor
 * while it runs, from the build cache once stored ({@code X-Kiln-Log-Source} says which). {@code step} is
 * a run key ({@code packages-amd64}) or a step name that has a single run; {@code attempt} picks an earlier
 * attempt.
 */
@Path("/api/v1/builds/{id}/steps/{step}/log")
public class StepLogResource {

    private final BuildService builds;
    private final StepExecutor executor;
    private final ArtifactCache cache;

    public StepLogResource(BuildService builds, StepExecutor executor, ArtifactCache cache) {
        this.builds = builds;
        this.executor = executor;
        this.cache = cache;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response log(@PathParam("id") String id, @PathParam("step") String step, @QueryParam("attempt") String attempt) {
        Integer asked = attemptNumber(attempt);
        Build build = builds.find(id).orElseThrow(() -> BuildResource.notFound(id));
        StepRun run = run(build, step);
        int wanted = asked == null ? run.attempt() : asked;
        if (wanted < 1 || wanted > run.attempt()) {
            throw ProblemException.notFound("log-not-available", "step run " + run.key() + " has no attempt " + wanted);
        }
        RunHandle handle = new RunHandle(id, run.key(), wanted);
        boolean current = wanted == run.attempt();
        if (current && run.state().isActive()) {
            return fromExecutor(handle).orElseThrow(() -> noLog(run, wanted));
        }
        String path = current ? run.logPath() : StepRenderer.logPath(build, run, wanted, true);
        return fromCache(path).or(() -> fromExecutor(handle)).orElseThrow(() -> noLog(run, wanted));
    }

    /** {@code ?attempt=abc} is a 400 problem, not the framework's 404 for a query parameter it cannot convert. */
    private static Integer attemptNumber(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.strip().matches("\\d{1,9}")) {
            throw ProblemException.badRequest("invalid-attempt", "attempt must be a whole number from 1, was '"
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
        }
        return Integer.parseInt(text.strip());
    }

    private static StepRun run(Build build, String step) {
        Optional<StepRun> byKey = build.run(step);
        if (byKey.isPresent()) {
            return byKey.get();
        }
        List<StepRun> byStep = build.runs().stream().filter(r -> r.step().equals(step)).toList();
        if (byStep.size() == 1) {
            return byStep.getFirst();
        }
        throw ProblemException.notFound("step-run-not-found", byStep.isEmpty()
                ? "build " + build.id() + " has no step run '" + step + "'"
                : "step '" + step + "' has several runs; name one of " + byStep.stream().map(StepRun::key).toList());
    }

    private Optional<Response> fromCache(String path) {
        if (path == null) {
            return Optional.empty();
        }
        try {
            return cache.open(path).map(in -> text(in, "cache"));
        } catch (PortException e) {
            return Optional.empty();
        }
    }

    private Optional<Response> fromExecutor(RunHandle handle) {
        try {
            return executor.openLog(handle) instanceof AttemptLog.Available log
                    ? Optional.of(text(log.stream(), executor.name())) : Optional.empty();
        } catch (PortException e) {
            return Optional.empty();
        }
    }

    private static Response text(InputStream in, String source) {
        return Response.ok(in, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).header("X-Kiln-Log-Source", source).build();
    }

    private static ProblemException noLog(StepRun run, int attempt) {
        return ProblemException.notFound("log-not-available", "no log for attempt " + attempt + " of " + run.key()
                + " yet (it may be on its way to the cache)");
    }
}
