package io.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.ops4j.pax.exam.util.Filter;

/**
 * Boots the real Tessera distribution (the tar.gz the build just made) in a fresh folder, on free ports, and gives
 * tests an HTTP client, JSON and the console. The admin's password comes from CRM_ADMIN_PASSWORD (set by the build).
 */
public abstract class TesseraTestSupport {
    protected static final String ADMIN = "admin";
    protected static final String ADMIN_PASSWORD = "itest-admin-secret";
    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final String HTTP_PORT_PROPERTY = "tessera.itest.http.port";
    private static final String SSH_PORT_PROPERTY = "tessera.itest.ssh.port";
    /** URI of a feature repository with test modules (a free, a paid and a broken one). */
    protected static final String TEST_MODULES_PROPERTY = "tessera.itest.modules.repo";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Inject
    @Filter(timeout = 120_000)
    protected SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        String karafVersion = System.getProperty("karaf.version", "4.4.10");
        String httpPort = Integer.toString(freePort());
        String sshPort = Integer.toString(freePort());
        String distribution = new File(System.getProperty(distributionProperty())).toURI().toString();
        String localRepo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(distribution).name("Tessera CRM")
                    .karafVersion(karafVersion).unpackDirectory(new File("target/exam")).useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            systemTimeout(180_000),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", sshPort),
            editConfigurationFilePut("etc/system.properties", HTTP_PORT_PROPERTY, httpPort),
            editConfigurationFilePut("etc/system.properties", SSH_PORT_PROPERTY, sshPort),
            editConfigurationFilePut("etc/system.properties", TEST_MODULES_PROPERTY,
                    new File(System.getProperty("tessera.test.modules")).toURI().toString()),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    localRepo),
            // Karaf's own start script passes these on JDK 9+; Pax Exam 4.14 does not (shared/STACK.md, pitfall 6).
            new VMOption("--add-reads=java.xml=java.logging"),
            new VMOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
            new VMOption("--patch-module"),
            new VMOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar"),
            new VMOption("--patch-module"),
            new VMOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar"),
            new VMOption("--add-opens"), new VMOption("java.base/java.security=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.net=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.lang=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.util=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED"),
            new VMOption("--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED"),
            new VMOption("--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"),
            new VMOption("-classpath"),
            new VMOption("lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"),
            new VMOption("-Xmx1g"),
        };
    }

    /** The system property naming the tar.gz to boot; a test of an edition overrides it. */
    protected String distributionProperty() {
        return "tessera.distribution";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The REST API is up once /health answers; wait for it (a test may wait, production code does not). */
    @Before
    public void waitForApi() throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            try {
                if (get("/health", null, null).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Jetty not listening yet
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the REST API did not come up within 120 s");
            }
            Thread.sleep(250);
        }
    }

    protected static int httpPort() {
        return Integer.getInteger(HTTP_PORT_PROPERTY);
    }

    protected static int sshPort() {
        return Integer.getInteger(SSH_PORT_PROPERTY);
    }

    /** An HTTP answer: status, headers and the body (parsed as JSON when it is JSON). */
    public record Reply(int status, Map<String, java.util.List<String>> headers, String text) {
        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    protected Reply get(String path, String user, String password) throws IOException, InterruptedException {
        return send("GET", path, user, password, null, Map.of());
    }

    protected Reply send(String method, String path, String user, String password, String body,
                         Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort()
                + "/api/v1" + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.headers().map(), response.body());
    }

    protected Reply admin(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, ADMIN, ADMIN_PASSWORD, body, Map.of());
    }

    /** Uploads a file to {@code POST /imports} as the admin, the query string as given. */
    protected Reply uploadImport(byte[] file, String type, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + "/api/v1/imports?"
                        + query))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.headers().map(), response.body());
    }

    protected JsonNode awaitImportDone(long id) throws Exception {
        return awaitImport(id, "DONE");
    }

    /** Waits up to 30 s for the import to end, and checks the status it ended with. */
    protected JsonNode awaitImport(long id, String expected) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode job = admin("GET", "/imports/" + id, null).json();
        while (!job.get("status").asText().matches("DONE|CANCELLED|FAILED|UNDONE")
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            job = admin("GET", "/imports/" + id, null).json();
        }
        assertEquals(job.toString(), expected, job.get("status").asText());
        return job;
    }

    /** What a command run over SSH printed (output and errors) and the exit status its channel reported. */
    protected record SshResult(String output, Integer exitStatus) {
    }

    /** Runs a command over the real SSH console (port from etc/org.apache.karaf.shell.cfg), as a user would. */
    protected String ssh(String user, String password, String command) throws Exception {
        return sshCommand(user, password, command).output();
    }

    protected SshResult sshCommand(String user, String password, String command) throws Exception {
        try (org.apache.sshd.client.SshClient client = org.apache.sshd.client.SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            try (org.apache.sshd.client.session.ClientSession session = client.connect(user, "127.0.0.1", sshPort())
                    .verify(15_000).getSession()) {
                session.addPasswordIdentity(password);
                session.auth().verify(15_000);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (org.apache.sshd.client.channel.ChannelExec channel = session.createExecChannel(command)) {
                    channel.setOut(out);
                    channel.setErr(out);
                    channel.open().verify(15_000);
                    channel.waitFor(java.util.EnumSet.of(org.apache.sshd.client.channel.ClientChannelEvent.CLOSED),
                            30_000);
                    return new SshResult(out.toString(StandardCharsets.UTF_8), channel.getExitStatus());
                }
            }
        }
    }

    /** Runs a console command as the given user with the given roles, as the SSH console or bin/client would. */
    protected String console(String command, String user, String... roles) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (java.security.PrivilegedActionException e) {
            out.println(e.getException().getMessage());
        } catch (RuntimeException e) {
            // e.g. Gogo's CommandNotFoundException for a command the user's roles do not allow
            out.println(e.getMessage());
        } finally {
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
