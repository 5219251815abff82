package dev.kiln.runner.catalog;

import dev.kiln.runner.config.RunnerConfig;
import dev.kiln.runner.domain.pipeline.Pipeline;
import dev.kiln.runner.domain.pipeline.PipelineDefinitionException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The pipelines builds can use: the bundled {@code full}, {@code os} and {@code sysext}, replaced or joined by
 * the {@code *.yaml} files of {@code kiln.runner.pipelines-dir}. Loaded once at start; an invalid file stops
 * the service with a message naming the file, the step and the rule.
 */
@ApplicationScoped
@Startup
public class PipelineCatalog {

    static final List<String> BUNDLED = List.of("full", "os", "sysext");
    private static final Logger LOG = Logger.getLogger(PipelineCatalog.class);

    private final Map<String, Pipeline> pipelines;

    public PipelineCatalog(RunnerConfig config) {
        this.pipelines = load(config.pipelinesDir());
        LOG.infof("pipelines: %s", pipelines.keySet());
    }

    /** Loads the bundled definitions, then those of {@code dir}, which win on equal names. */
    public static Map<String, Pipeline> load(Optional<Path> dir) {
        Map<String, Pipeline> out = new TreeMap<>();
        for (String name : BUNDLED) {
            String resource = "pipelines/" + name + ".yaml";
            try (InputStream in = PipelineCatalog.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("bundled pipeline " + resource + " is missing from the build");
                }
                out.put(name, PipelineYaml.read(in, "classpath:" + resource));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        dir.ifPresent(d -> loadDirectory(d, out));
        return out;
    }

    private static void loadDirectory(Path dir, Map<String, Pipeline> out) {
        if (!Files.isDirectory(dir)) {
            throw new PipelineDefinitionException(dir.toString(), List.of("kiln.runner.pipelines-dir is not a directory"));
        }
        Map<String, Path> seen = new TreeMap<>();
        for (Path file : yamlFiles(dir)) {
            Pipeline pipeline;
            try (InputStream in = Files.newInputStream(file)) {
                pipeline = PipelineYaml.read(in, file.toString());
            } catch (IOException e) {
                throw new PipelineDefinitionException(file.toString(), List.of("cannot read: " + e.getMessage()));
            }
            Path earlier = seen.put(pipeline.name(), file);
            if (earlier != null) {
                throw new PipelineDefinitionException(file.toString(),
                        List.of("pipeline '" + pipeline.name() + "' is also defined in " + earlier));
            }
            out.put(pipeline.name(), pipeline);
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Pipeline> find(String name) {
        return Optional.ofNullable(pipelines.get(name));
    }

    /** Every pipeline, by name. */
    public Collection<Pipeline> all() {
        return pipelines.values();
    }
}
