package io.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Not Pax Exam: a real server process, stopped and started again the way an admin does (bin/start, bin/stop), from
 * the sales-pro edition (analytics enabled on first start, with a licence). What was enabled and what was stored must
 * be the same after the restart, and a module's data must survive being disabled and enabled again.
 */
public class RestartIT {
    private static final String PASSWORD = "restart-admin-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path home;
    private int port;

    @Before
    public void unpack() throws Exception {
        run(Path.of("target"), "rm", "-rf", "restart-it");
        Path dir = Files.createDirectories(Path.of("target", "restart-it"));
        run(dir, "tar", "xzf", new File(System.getProperty("tessera.salespro.edition")).getAbsolutePath());
        try (var children = Files.list(dir)) {
            home = children.filter(p -> p.getFileName().toString().startsWith("tessera-sales-pro-")).findFirst()
                    .orElseThrow().toAbsolutePath();
        }
        port = freePort();
        Files.writeString(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = " + port
                + "\norg.ops4j.pax.web.listening.addresses = 127.0.0.1\n");
        Path shell = home.resolve("etc/org.apache.karaf.shell.cfg");
        Files.writeString(shell, Files.readString(shell).replaceAll("(?m)^sshPort *=.*$", "sshPort = " + freePort()));
    }

    @After
    public void stop() throws Exception {
        if (home != null) {
            stopServer();
        }
    }

    @Test
    public void enabledModulesAndStoredDataSurviveARestartAndADisable() throws Exception {
        startServer();
        assertEquals("enabled", module("analytics").get("state").asText());
        assertEquals(201, call("POST", "/deals", "{\"title\":\"Before restart\",\"amount\":100,\"currency\":\"EUR\"}")
                .statusCode());
        awaitEntered(1);

        assertEquals("available", json(call("POST", "/modules/analytics/disable", null)).get("state").asText());
        assertEquals(201, call("POST", "/deals", "{\"title\":\"While disabled\"}").statusCode());
        assertEquals("enabled", json(call("POST", "/modules/analytics/enable", null)).get("state").asText());
        awaitEntered(2);

        stopServer();
        startServer();
        assertEquals("enabled", module("analytics").get("state").asText());
        assertEquals(2, json(call("GET", "/deals", null)).get("items").size());
        awaitEntered(2);
        JsonNode licence = json(call("GET", "/license", null));
        assertTrue(licence.toString(), licence.get("valid").asBoolean());
    }

    private JsonNode module(String id) throws Exception {
        return json(call("GET", "/modules/" + id, null));
    }

    /** The analytics projection is fed asynchronously: wait until the funnel's first stage counts the deals. */
    private void awaitEntered(long deals) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        long entered = -1;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> funnel = call("GET", "/analytics/funnel", null);
            if (funnel.statusCode() == 200) {
                entered = json(funnel).get("stages").get(0).get("entered").asLong();
                if (entered == deals) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("funnel counts " + entered + " deals entering the first stage, expected " + deals);
    }

    private void startServer() throws Exception {
        ProcessBuilder start = new ProcessBuilder(home.resolve("bin/start").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("start.out").toFile());
        start.environment().put("CRM_ADMIN_PASSWORD", PASSWORD);
        assertEquals(0, start.start().waitFor());
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (call("GET", "/health", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server did not answer /health within 180 s; see " + home.resolve("data/log"));
    }

    /**
     * bin/stop, then waits for the JVM itself to end: bin/status says "Not Running" as soon as the shutdown port
     * closes, but bin/start refuses to start while the old process (instances/instance.properties) is still alive.
     */
    private void stopServer() throws Exception {
        Path instance = home.resolve("instances/instance.properties");
        Long pid = null;
        if (Files.exists(instance)) {
            java.util.Properties props = new java.util.Properties();
            try (var in = Files.newInputStream(instance)) {
                props.load(in);
            }
            pid = props.getProperty("item.0.pid") == null ? null : Long.valueOf(props.getProperty("item.0.pid"));
        }
        new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile()).inheritIO().start().waitFor();
        if (pid == null) {
            return;
        }
        java.util.Optional<ProcessHandle> server = ProcessHandle.of(pid);
        long deadline = System.currentTimeMillis() + 120_000;
        while (server.isPresent() && server.get().isAlive()) {
            if (System.currentTimeMillis() > deadline) {
                server.get().destroyForcibly();
                throw new AssertionError("the server did not stop within 120 s");
            }
            Thread.sleep(250);
        }
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).inheritIO().start();
        assertEquals(String.join(" ", command), 0, process.waitFor());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
