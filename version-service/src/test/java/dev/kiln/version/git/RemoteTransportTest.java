package dev.kiln.version.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSch;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kiln.version.config.VersionConfig;
import dev.kiln.flatcar.VersionKind;
import dev.kiln.version.domain.AllocationPlan;
import dev.kiln.version.domain.RepositoryUnavailableException;
import dev.kiln.version.domain.RepositoryView;
import dev.kiln.flatcar.Tag;
import dev.kiln.version.domain.TagOutcome;
import dev.kiln.flatcar.Version;
import dev.kiln.flatcar.VersionFile;
import dev.kiln.version.support.ScriptsRemote;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.junit.ssh.SshTestGitServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;
import org.junit.jupiter.api.Test;

/** The clone against real ssh and smart-http servers: the configured key and token are what gets the service in. */
class RemoteTransportTest {

    private static final String TOKEN = "ghp_kilnTestToken";

    @Test
    void pushesOverSshWithTheConfiguredKeyAndKnownHost() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "transport")), "ssh");
        ScriptsRemote remote = seeded(dir);
        Path userKey = dir.resolve("id_rsa");
        com.jcraft.jsch.KeyPair user = com.jcraft.jsch.KeyPair.genKeyPair(new JSch(), com.jcraft.jsch.KeyPair.RSA, 3072);
        user.writePrivateKey(userKey.toString());
        user.writePublicKey(dir.resolve("id_rsa.pub").toString(), "kiln");
        KeyPair hostKey = rsa();
        try (Repository served = open(remote)) {
            SshTestGitServer server = new SshTestGitServer("git", dir.resolve("id_rsa.pub"), served, hostKey);
            int port = server.start();
            try {
                Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + openSsh(hostKey) + "\n");
                JGitScriptsRepository repo = repository("ssh://git@127.0.0.1:" + port + "/scripts.git", dir.resolve("clone"),
                        Map.of("sshKey", Optional.of(userKey), "sshKnownHosts", Optional.of(knownHosts)));

                RepositoryView view = repo.refresh();
                TagOutcome outcome = repo.applyTag(devPlan("over-ssh"), false);

                assertThat(view.branches()).contains("main");
                assertThat(outcome).isInstanceOf(TagOutcome.Tagged.class);
                assertThat(remote.tags()).contains("main-4799.0.0-over-ssh");
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void refusesAnSshHostWhoseKeyIsNotKnown() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "transport")), "ssh-unknown");
        ScriptsRemote remote = seeded(dir);
        Path userKey = dir.resolve("id_rsa");
        com.jcraft.jsch.KeyPair user = com.jcraft.jsch.KeyPair.genKeyPair(new JSch(), com.jcraft.jsch.KeyPair.RSA, 3072);
        user.writePrivateKey(userKey.toString());
        user.writePublicKey(dir.resolve("id_rsa.pub").toString(), "kiln");
        try (Repository served = open(remote)) {
            SshTestGitServer server = new SshTestGitServer("git", dir.resolve("id_rsa.pub"), served, rsa());
            int port = server.start();
            try {
                Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + openSsh(rsa()) + "\n");
                JGitScriptsRepository repo = repository("ssh://git@127.0.0.1:" + port + "/scripts.git", dir.resolve("clone"),
                        Map.of("sshKey", Optional.of(userKey), "sshKnownHosts", Optional.of(knownHosts)));

                assertThatThrownBy(repo::refresh).isInstanceOf(RepositoryUnavailableException.class);
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void pushesOverHttpsStyleSmartHttpWithTheToken() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "transport")), "http");
        ScriptsRemote remote = seeded(dir);
        List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer server = SmartHttp.serve(remote.directory(), authorizations);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/scripts.git";
            JGitScriptsRepository repo = repository(url, dir.resolve("clone"), Map.of("token", Optional.of(TOKEN)));

            repo.refresh();
            TagOutcome outcome = repo.applyTag(devPlan("over-http"), false);

            assertThat(outcome).isInstanceOf(TagOutcome.Tagged.class);
            assertThat(remote.tags()).contains("main-4799.0.0-over-http");
            String expected = "Basic " + Base64.getEncoder().encodeToString(("x-access-token:" + TOKEN).getBytes(StandardCharsets.UTF_8));
            assertThat(authorizations).as("JGit answers the 401 challenge with the token").contains(expected);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void smartHttpWithoutTheTokenIsRefused() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "transport")), "http-no-token");
        HttpServer server = SmartHttp.serve(seeded(dir).directory(), new java.util.concurrent.CopyOnWriteArrayList<>());
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/scripts.git";
            JGitScriptsRepository repo = repository(url, dir.resolve("clone"), Map.of());

            assertThatThrownBy(repo::refresh).isInstanceOf(RepositoryUnavailableException.class);
        } finally {
            server.stop(0);
        }
    }

    private static ScriptsRemote seeded(Path dir) {
        ScriptsRemote remote = ScriptsRemote.create(dir.resolve("scripts.git"));
        remote.setBranch("main", remote.commit(null, Map.of(ScriptsRemote.VERSION_FILE, ScriptsRemote.versionFile(
                "4799.0.0+nightly-20260821-2100", "4799.0.0", "nightly-20260821-2100", "4799.0.0+nightly-20260821-2100")), "Initial import"));
        return remote;
    }

    private static AllocationPlan devPlan(String suffix) {
        Version version = Version.parse("4799.0.0+" + suffix);
        return new AllocationPlan(VersionKind.DEV, new Tag("main", version),
                new VersionFile(version, Version.parse("4799.0.0+nightly-20260821-2100")), "main", null, false);
    }

    private static JGitScriptsRepository repository(String url, Path workDir, Map<String, Object> git) {
        VersionConfig config = TestConfigs.config(url, workDir, git);
        return new JGitScriptsRepository(config, new GitAccess(config), new TagSigning(config),
                Clock.fixed(Instant.parse("2026-08-22T21:00:00Z"), ZoneOffset.UTC), new SimpleMeterRegistry());
    }

    private static Repository open(ScriptsRemote remote) throws IOException {
        return new FileRepositoryBuilder().setGitDir(remote.directory().toFile()).setBare().build();
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** The OpenSSH public key line of an RSA host key, as known_hosts holds it. */
    private static String openSsh(KeyPair key) throws IOException {
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (byte[] part : new byte[][] {"ssh-rsa".getBytes(StandardCharsets.US_ASCII), pub.getPublicExponent().toByteArray(),
                    pub.getModulus().toByteArray()}) {
                out.writeInt(part.length);
                out.write(part);
            }
        }
        return "ssh-rsa " + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** Git's smart HTTP protocol over the JDK's HTTP server, behind a bearer-style token in basic auth. */
    private static final class SmartHttp {

        static HttpServer serve(Path gitDir, List<String> authorizations) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/scripts.git/", exchange -> {
                try (exchange; Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build()) {
                    String auth = exchange.getRequestHeaders().getFirst("Authorization");
                    authorizations.add(auth == null ? "none" : auth);
                    String expected = "Basic " + Base64.getEncoder().encodeToString(("x-access-token:" + TOKEN).getBytes(StandardCharsets.UTF_8));
                    if (!expected.equals(auth)) {
                        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                        exchange.sendResponseHeaders(401, -1);
                        return;
                    }
                    handle(exchange, repo);
                }
            });
            server.start();
            return server;
        }

        private static void handle(HttpExchange exchange, Repository repo) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            if (path.endsWith("/info/refs")) {
                String service = query.substring(query.indexOf('=') + 1);
                exchange.getResponseHeaders().add("Content-Type", "application/x-" + service + "-advertisement");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    PacketLineOut pkt = new PacketLineOut(out);
                    pkt.writeString("# service=" + service + "\n");
                    pkt.end();
                    RefAdvertiser.PacketLineOutRefAdvertiser advertiser = new RefAdvertiser.PacketLineOutRefAdvertiser(pkt);
                    if (service.equals("git-upload-pack")) {
                        UploadPack up = new UploadPack(repo);
                        up.setBiDirectionalPipe(false);
                        up.sendAdvertisedRefs(advertiser);
                    } else {
                        ReceivePack rp = new ReceivePack(repo);
                        rp.setBiDirectionalPipe(false);
                        rp.sendAdvertisedRefs(advertiser);
                    }
                }
                return;
            }
            String service = path.substring(path.lastIndexOf('/') + 1);
            java.io.InputStream body = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new java.util.zip.GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
            exchange.getResponseHeaders().add("Content-Type", "application/x-" + service + "-result");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                if (service.equals("git-upload-pack")) {
                    UploadPack up = new UploadPack(repo);
                    up.setBiDirectionalPipe(false);
                    up.upload(body, out, null);
                } else {
                    ReceivePack rp = new ReceivePack(repo);
                    rp.setBiDirectionalPipe(false);
                    rp.receive(body, out, null);
                }
            }
        }
    }

}
