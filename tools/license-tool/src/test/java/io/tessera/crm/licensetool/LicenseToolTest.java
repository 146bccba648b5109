package io.tessera.crm.licensetool;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.modules.licence.LicenceDocument;
import io.tessera.crm.modules.licence.LicenceKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** keygen, sign and verify end to end in a temporary folder. */
public class LicenseToolTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T10:00:00.123Z"), ZoneOffset.UTC);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... args) {
        outBytes.reset();
        errBytes.reset();
        return new LicenseTool(new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8), NOW).run(args);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private Path keys() {
        return tmp.getRoot().toPath().resolve("keys");
    }

    private void keygen(String keyId) {
        assertEquals(err(), 0, run("keygen", "--key-id", keyId, "--out", keys().toString()));
    }

    private String[] signArgs(String keyId, Path out) {
        return new String[] {"sign", "--key", keys().resolve(keyId + ".private").toString(), "--key-id", keyId,
            "--customer", "Acme Kitchens LLC", "--modules", "analytics, telephony", "--valid-until", "2027-12-31",
            "--max-users", "25", "--id", "2026-0001", "--out", out.toString()};
    }

    @Test
    public void keygenWritesTheKeysAndPrintsTheConfigLine() throws Exception {
        keygen("acme-integrator-1");
        Path priv = keys().resolve("acme-integrator-1.private");
        Path pub = keys().resolve("acme-integrator-1.public");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)));
        PublicKey publicKey = LicenceKeys.publicKey(Files.readString(pub));
        LicenceKeys.privateKey(Files.readString(priv));
        String line = out().lines().filter(l -> l.startsWith("trustedKeys = ")).findFirst().orElseThrow();
        assertEquals("trustedKeys = acme-integrator-1:" + Files.readString(pub).strip(), line);
        // the server reads that line to the same key
        LicenceKeys.Trusted trusted = LicenceKeys.parseTrusted(line.substring("trustedKeys = ".length()));
        assertEquals(publicKey, trusted.keys().get("acme-integrator-1"));
        assertTrue(out(), out().contains("Put this line in etc/io.tessera.crm.licensing.cfg"));
    }

    @Test
    public void keygenNeverOverwritesAKey() throws Exception {
        keygen("k1");
        String before = Files.readString(keys().resolve("k1.private"));
        assertEquals(1, run("keygen", "--key-id", "k1", "--out", keys().toString()));
        assertTrue(err(), err().contains("k1.private exists; a key is never overwritten"));
        assertEquals(before, Files.readString(keys().resolve("k1.private")));
    }

    @Test
    public void signThenVerify() throws Exception {
        keygen("acme-integrator-1");
        Path licence = tmp.getRoot().toPath().resolve("licence.txt");
        assertEquals(err(), 0, run(signArgs("acme-integrator-1", licence)));
        assertEquals("Wrote " + licence + ": licence 2026-0001 for Acme Kitchens LLC, modules analytics,telephony, "
                + "valid until 2027-12-31, max users 25, key acme-integrator-1; verified with "
                + keys().resolve("acme-integrator-1.public") + "\n", out());

        String text = Files.readString(licence);
        LicenceDocument doc = LicenceDocument.parse(text);
        assertEquals("2026-0001", doc.id());
        assertEquals(List.of("analytics", "telephony"), doc.modules());
        assertEquals(LocalDate.of(2027, 12, 31), doc.validUntil());
        assertEquals(25, doc.maxUsers());
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), doc.issuedAt());
        assertEquals("acme-integrator-1", doc.keyId());
        assertTrue(text, text.startsWith("# Tessera CRM licence\nid=2026-0001\ncustomer=Acme Kitchens LLC\n"
                + "modules=analytics,telephony\nvalidUntil=2027-12-31\nmaxUsers=25\nissuedAt=2026-11-23T10:00:00Z\n"
                + "keyId=acme-integrator-1\nsignature="));

        Path pub = keys().resolve("acme-integrator-1.public");
        assertEquals(err(), 0, run("verify", "--public-key", pub.toString(), licence.toString()));
        assertEquals("OK: signature valid (key 'acme-integrator-1')\n"
                + "  id:          2026-0001\n"
                + "  customer:    Acme Kitchens LLC\n"
                + "  modules:     analytics, telephony\n"
                + "  valid until: 2027-12-31\n"
                + "  max users:   25\n"
                + "  issued at:   2026-11-23T10:00:00Z\n", out());
    }

    @Test
    public void verifyRefusesTamperedAndForeign() throws Exception {
        keygen("k1");
        keygen("k2");
        Path licence = tmp.getRoot().toPath().resolve("licence.txt");
        assertEquals(0, run(signArgs("k1", licence)));
        Path tampered = tmp.getRoot().toPath().resolve("tampered.txt");
        Files.writeString(tampered, Files.readString(licence).replace("maxUsers=25", "maxUsers=2500"));
        assertEquals(1, run("verify", "--public-key", keys().resolve("k1.public").toString(), tampered.toString()));
        assertEquals("REFUSED: the signature does not match: the licence was changed after signing or signed by "
                + "another key (the licence names key 'k1')\n", err());
        assertEquals("", out());
        assertEquals(1, run("verify", "--public-key", keys().resolve("k2.public").toString(), licence.toString()));
        assertTrue(err(), err().startsWith("REFUSED: the signature does not match"));

        Path malformed = tmp.getRoot().toPath().resolve("malformed.txt");
        Files.writeString(malformed, Files.readString(licence).replace("validUntil=2027-12-31", "validUntil=soon"));
        assertEquals(1, run("verify", "--public-key", keys().resolve("k1.public").toString(), malformed.toString()));
        assertEquals("REFUSED: the licence is malformed:\n  validUntil: must be a date such as 2027-12-31, "
                + "not 'soon'\n", err());
    }

    @Test
    public void signRefusesAMismatchedPublicKeyFile() throws Exception {
        keygen("k1");
        keygen("k2");
        Files.copy(keys().resolve("k2.public"), keys().resolve("k1.public"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path licence = tmp.getRoot().toPath().resolve("licence.txt");
        assertEquals(1, run(signArgs("k1", licence)));
        assertTrue(err(), err().contains("are not one key pair; nothing was written"));
        assertFalse(Files.exists(licence));
    }

    @Test
    public void signWithDefaultsToStandardOutput() throws Exception {
        keygen("k1");
        assertEquals(err(), 0, run("sign", "--key", keys().resolve("k1.private").toString(), "--customer", "Bob",
                "--modules", "analytics", "--valid-until", "2027-01-31", "--max-users", "3"));
        LicenceDocument doc = LicenceDocument.parse(out());
        assertEquals("k1", doc.keyId());
        assertTrue(doc.id(), doc.id().matches("2026-[0-9a-f]{8}"));
        assertTrue(doc.verify(LicenceKeys.publicKey(Files.readString(keys().resolve("k1.public")))));
    }

    @Test
    public void usageErrors() throws Exception {
        assertEquals(2, run());
        assertTrue(err().contains("keygen --key-id ID --out DIR"));
        assertEquals(0, run("--help"));
        assertEquals(2, run("frobnicate"));
        assertTrue(err(), err().startsWith("Error: unknown command 'frobnicate'"));
        assertEquals(2, run("keygen", "--key-id", "bad id", "--out", "x"));
        assertEquals("Error: --key-id must be 1 to 64 letters, digits, '.', '_' or '-'\nRun with --help for the usage.\n",
                err());
        assertEquals(2, run("keygen", "--out", "x"));
        assertTrue(err(), err().startsWith("Error: --key-id is required"));
        keygen("k1");
        String key = keys().resolve("k1.private").toString();
        assertEquals(2, run("sign", "--key", key, "--customer", "C", "--modules", "analytics",
                "--valid-until", "31.12.2027", "--max-users", "3"));
        assertTrue(err(), err().startsWith("Error: --valid-until must be a date such as 2027-12-31, not '31.12.2027'"));
        assertEquals(2, run("sign", "--key", key, "--customer", "C", "--modules", "Analytics,",
                "--valid-until", "2027-12-31", "--max-users", "0"));
        assertTrue(err(), err().startsWith("Error: the licence would be malformed:\n"
                + "  modules: 'Analytics' is not a module id (lower-case letters, digits and '-')\n"
                + "  maxUsers: must be at least 1\n"));
        assertEquals(2, run("sign", "--key", key, "--colour", "blue"));
        assertTrue(err(), err().startsWith("Error: unknown option --colour"));
        assertEquals(1, run("sign", "--key", keys().resolve("k1.public").toString(), "--key-id", "k1",
                "--customer", "C", "--modules", "analytics", "--valid-until", "2027-12-31", "--max-users", "3"));
        assertEquals("Error: " + keys().resolve("k1.public")
                + ": not an Ed25519 private key (expected the base64 of its PKCS#8 encoding)\n", err());
    }

    @Test
    public void expiredLicenceIsSignedWithAWarningAndRefusedByVerify() throws Exception {
        keygen("k1");
        Path licence = tmp.getRoot().toPath().resolve("old.txt");
        assertEquals(0, run("sign", "--key", keys().resolve("k1.private").toString(), "--customer", "C",
                "--modules", "analytics", "--valid-until", "2026-01-31", "--max-users", "3", "--out",
                licence.toString()));
        assertEquals("Warning: this licence expired on 2026-01-31; a server refuses to install it.\n", err());
        assertEquals(1, run("verify", "--public-key", keys().resolve("k1.public").toString(), licence.toString()));
        assertTrue(out(), out().startsWith("OK: signature valid"));
        assertEquals("REFUSED: the licence expired on 2026-01-31; a server refuses to install it.\n", err());
    }
}
