package dev.kiln.cli.command;

import dev.kiln.cli.Cli;
import dev.kiln.cli.http.ApiResponse;
import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.KilnCliException;
import dev.kiln.cli.http.Service;
import dev.kiln.cli.output.Json;
import dev.kiln.cli.output.OutputOptions;
import dev.kiln.cli.output.ProgressBar;
import dev.kiln.cli.output.Renderer;
import dev.kiln.cli.output.Table;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "cache", description = "The build cache (artifact-service): ls, head, get, put.")
public final class CacheCommand extends Noun {

    private final Cli cli;

    public CacheCommand(Cli cli) {
        this.cli = cli;
    }

    @Command(name = "ls", description = "A directory of the cache: directories first, then files.")
    int ls(@Parameters(paramLabel = "PATH", defaultValue = "", description = "Directory (default: the top).")
            String path, @Mixin OutputOptions output) {
        String directory = CachePaths.relative(path);
        String url = "/cache/" + (directory.isEmpty() || directory.endsWith("/") ? directory : directory + "/");
        Renderer.render(cli.out(), output.format(), cli.api().get(Service.ARTIFACT_SERVICE, url),
                (out, listing) -> new Table().column("NAME", "/name").column("TYPE", "/type")
                        .column("SIZE", "/size").column("MTIME", "/mtime").print(out, listing));
        return ExitCodes.OK;
    }

    @Command(name = "head", description = "A file's size, type and validators, without its bytes.")
    int head(@Parameters(paramLabel = "PATH") String path, @Mixin OutputOptions output) {
        String relative = CachePaths.relative(path);
        HttpHeaders headers = cli.api().head(Service.ARTIFACT_SERVICE, "/cache/" + relative).headers();
        // HEAD has no document of its own: these are its headers, under the names the index uses
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("path", relative);
        document.put("size", headers.firstValueAsLong("Content-Length").orElse(-1));
        document.put("contentType", headers.firstValue("Content-Type").orElse(null));
        document.put("etag", headers.firstValue("ETag").orElse(null));
        document.put("lastModified", headers.firstValue("Last-Modified").orElse(null));
        Renderer.render(cli.out(), output.format(), new ApiResponse(200, headers, Json.write(document)),
                Renderer::printFields);
        return ExitCodes.OK;
    }

    @Command(name = "get", description = {"Download a file, streamed, and check its sha256 against the index.",
            "LOCAL_FILE defaults to the file's name in the current directory; - writes to stdout."})
    int get(@Parameters(index = "0", paramLabel = "PATH") String path,
            @Parameters(index = "1", paramLabel = "LOCAL_FILE", arity = "0..1") String localFile) {
        String relative = CachePaths.relative(path);
        boolean toStdout = "-".equals(localFile);
        Path target = toStdout ? null : Path.of(localFile != null ? localFile : CachePaths.fileName(relative));
        if (target != null && Files.isDirectory(target)) {
            // like cp: into the directory, under the file's own name
            target = target.resolve(CachePaths.fileName(relative));
        }
        CacheTransfer.Downloaded result = new CacheTransfer(cli).download(relative, target);
        // with stdout taken by the file's bytes, the summary goes to stderr
        (toStdout ? cli.err() : cli.out()).printf("%s -> %s: %s, sha256 %s%s%n", relative,
                toStdout ? "stdout" : target, ProgressBar.size(result.size()), result.sha256(),
                result.checked() ? " (matches the index)" : " (not in the index: not checked)");
        return ExitCodes.OK;
    }

    @Command(name = "put", description = "Upload a file, streamed, with its sha256 (the service refuses a mismatch).")
    int put(@Parameters(index = "0", paramLabel = "LOCAL_FILE") Path localFile,
            @Parameters(index = "1", paramLabel = "PATH") String path, @Mixin OutputOptions output) {
        if (!Files.isRegularFile(localFile)) {
            throw new KilnCliException(ExitCodes.USAGE, "not a file: " + localFile);
        }
        String relative = CachePaths.relative(path);
        if (relative.isEmpty() || relative.endsWith("/")) {
            relative = relative + localFile.getFileName();
        }
        ApiResponse stored = new CacheTransfer(cli).upload(localFile, relative);
        Renderer.render(cli.out(), output.format(), stored, Renderer::printFields);
        return ExitCodes.OK;
    }
}
