package dev.kiln.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real PostgreSQL server run from Maven-provided binaries: {@code initdb} on first use of the data
 * directory, then {@code postgres} in the foreground as a child process (TCP on 127.0.0.1 only, trust auth).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final ManagedProcess process;
    private final int port;

    private PostgresServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a server on {@code port} with data in {@code dataDir}.
     *
     * @param durable false turns off fsync and friends: right for tests, wrong for data you keep
     */
    public static PostgresServer start(Path binariesCache, Path dataDir, int port, boolean durable) {
        Path home = PostgresBinaries.installIn(binariesCache);
        Path logFile = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Optional<ServerUser> user = ServerUser.unprivilegedIfRoot();
        initIfEmpty(home, dataDir, logFile, user);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/postgres").toString(),
                "-D", dataDir.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "max_connections=200", "-c", "shared_buffers=64MB"));
        if (!durable) {
            command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        ManagedProcess process = ManagedProcess.start("postgres", runAs(user, command), dataDir.getParent(), logFile,
                environment(home), "INT");
        PostgresServer server = new PostgresServer(process, port);
        process.await("connections on port " + port, Duration.ofSeconds(60), server::acceptsConnections);
        return server;
    }

    public int port() {
        return port;
    }

    public ManagedProcess process() {
        return process;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates {@code database} unless it exists. */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain identifier: " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
                var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Stops with a fast shutdown (SIGTERM lets sessions finish; SIGINT aborts them cleanly). */
    public void stop() {
        if (process.isAlive()) {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.await("shutdown", Duration.ofSeconds(30), () -> !process.isAlive());
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (IllegalStateException exitedAlready) {
            process.kill();
        }
    }

    private boolean acceptsConnections() {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The binaries bring their own ICU and friends in lib/. */
    private static Map<String, String> environment(Path home) {
        return Map.of("LC_ALL", "C", "LD_LIBRARY_PATH", home.resolve("lib").toString());
    }

    private static List<String> runAs(Optional<ServerUser> user, List<String> command) {
        return user.map(u -> u.wrap(command, "INT")).orElse(command);
    }

    private static void initIfEmpty(Path home, Path dataDir, Path logFile, Optional<ServerUser> user) {
        if (Files.exists(dataDir.resolve("PG_VERSION"))) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            user.ifPresent(u -> u.own(dataDir));
            ProcessBuilder initdb = new ProcessBuilder(runAs(user, List.of(home.resolve("bin/initdb").toString(),
                    "-D", dataDir.toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync",
                    "--no-instructions")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            initdb.environment().putAll(environment(home));
            if (initdb.start().waitFor() != 0) {
                throw new IllegalStateException("initdb failed; see " + logFile + ":\n" + Files.readString(logFile));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot initialise " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during initdb", e);
        }
    }
}
