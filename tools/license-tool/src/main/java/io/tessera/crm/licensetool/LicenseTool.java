package io.tessera.crm.licensetool;

import io.tessera.crm.modules.licence.LicenceDocument;
import io.tessera.crm.modules.licence.LicenceFormatException;
import io.tessera.crm.modules.licence.LicenceKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The integrators' licence tool: {@code keygen}, {@code sign}, {@code verify}. The licence format, its canonical
 * form and the signature check are the server's own classes ({@link LicenceDocument}, {@link LicenceKeys}).
 */
public final class LicenseTool {
    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;

    static final String CONFIG_FILE = "etc/io.tessera.crm.licensing.cfg";
    static final String USAGE_TEXT = String.join("\n",
            "Tessera CRM licence tool",
            "",
            "  keygen --key-id ID --out DIR",
            "      Creates an Ed25519 key pair: DIR/ID.private (PKCS#8, base64, mode 600: keep it secret)",
            "      and DIR/ID.public (X.509, base64), and prints the line for " + CONFIG_FILE + ".",
            "",
            "  sign --key DIR/ID.private [--key-id ID] --customer NAME --modules a,b --valid-until YYYY-MM-DD",
            "       --max-users N [--id LICENCE-ID] [--issued-at 2026-11-23T10:00:00Z] [--out FILE]",
            "      Issues a signed licence (to FILE, or to standard output). --key-id defaults to the key file's",
            "      name without .private; --id to YEAR-RANDOM; --issued-at to now. When DIR/ID.public exists,",
            "      the new licence is verified with it.",
            "",
            "  verify --public-key FILE LICENCE-FILE",
            "      Checks a licence as the server does (format and signature) and shows it.",
            "",
            "Exit status: 0 done, 1 refused or failed, 2 wrong usage.");

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    LicenseTool(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new LicenseTool(System.out, System.err, Clock.systemUTC()).run(args));
    }

    /** Runs one command; answers the exit status. */
    int run(String... args) {
        if (args.length == 0 || Set.of("help", "-h", "--help").contains(args[0])) {
            (args.length == 0 ? err : out).println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        try {
            Arguments a = Arguments.parse(Arrays.copyOfRange(args, 1, args.length));
            return switch (args[0]) {
                case "keygen" -> keygen(a);
                case "sign" -> sign(a);
                case "verify" -> verify(a);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("Error: " + e.getMessage());
            err.println("Run with --help for the usage.");
            return USAGE;
        } catch (Failure e) {
            err.println(e.getMessage());
            return REFUSED;
        }
    }

    // ---- keygen

    private int keygen(Arguments a) throws UsageException, Failure {
        a.allow("key-id", "out");
        String keyId = a.required("key-id");
        if (!LicenceKeys.isValidKeyId(keyId)) {
            throw new UsageException("--key-id " + LicenceKeys.KEY_ID_RULE);
        }
        Path dir = Paths.get(a.required("out"));
        a.noPositionals();
        Path privateFile = dir.resolve(keyId + ".private");
        Path publicFile = dir.resolve(keyId + ".public");
        for (Path p : List.of(privateFile, publicFile)) {
            if (Files.exists(p)) {
                throw new Failure("Error: " + p + " exists; a key is never overwritten (choose another --key-id, or "
                        + "remove the old files if you really mean to replace that key)");
            }
        }
        KeyPair pair = LicenceKeys.generate();
        try {
            Files.createDirectories(dir);
            KeyFiles.writePrivate(privateFile, LicenceKeys.encode(pair.getPrivate()) + "\n");
            Files.writeString(publicFile, LicenceKeys.encode(pair.getPublic()) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure("Error: cannot write the key files: " + e);
        }
        out.println("Wrote " + privateFile + " (the private key: keep it secret, whoever has it can issue licences)");
        out.println("Wrote " + publicFile + " (the public key)");
        out.println("Servers that shall accept your licences trust the public key. Put this line in "
                + CONFIG_FILE + ":");
        out.println("trustedKeys = " + LicenceKeys.trustedEntry(keyId, pair.getPublic()));
        out.println("(Several keys: separate the keyId:publicKey entries with ';'.)");
        return OK;
    }

    // ---- sign

    private int sign(Arguments a) throws UsageException, Failure {
        a.allow("key", "key-id", "customer", "modules", "valid-until", "max-users", "id", "issued-at", "out");
        Path keyFile = Paths.get(a.required("key"));
        String keyId = a.optional("key-id");
        if (keyId == null) {
            String name = keyFile.getFileName().toString();
            if (!name.endsWith(".private")) {
                throw new UsageException("--key-id is required when the key file is not named KEYID.private");
            }
            keyId = name.substring(0, name.length() - ".private".length());
        }
        String customer = a.required("customer");
        List<String> modules = new ArrayList<>();
        for (String m : a.required("modules").split(",", -1)) {
            modules.add(m.strip());
        }
        LocalDate validUntil = Arguments.date("valid-until", a.required("valid-until"));
        int maxUsers = Arguments.number("max-users", a.required("max-users"));
        Instant issuedAt = a.optional("issued-at") == null ? Instant.now(clock).truncatedTo(ChronoUnit.SECONDS)
                : Arguments.instant("issued-at", a.optional("issued-at"));
        String id = a.optional("id") != null ? a.optional("id") : defaultId(issuedAt);
        String outFile = a.optional("out");
        a.noPositionals();

        PrivateKey privateKey = KeyFiles.privateKey(keyFile);
        LicenceDocument licence;
        try {
            licence = LicenceDocument.unsigned(id, customer, modules, validUntil, maxUsers, issuedAt, keyId)
                    .sign(privateKey);
        } catch (LicenceFormatException e) {
            throw new UsageException("the licence would be malformed:\n  " + String.join("\n  ", e.problems()));
        } catch (GeneralSecurityException e) {
            throw new Failure("Error: cannot sign with " + keyFile + ": " + e.getMessage());
        }
        // The same parse the server does, on the very text written.
        String text = licence.toText();
        try {
            LicenceDocument.parse(text);
        } catch (LicenceFormatException e) {
            throw new IllegalStateException("the written licence does not read back: " + e.getMessage(), e);
        }
        Path publicFile = keyFile.resolveSibling(keyId + ".public");
        String checked = "";
        if (Files.isRegularFile(publicFile)) {
            if (!licence.verify(KeyFiles.publicKey(publicFile))) {
                throw new Failure("Error: " + keyFile + " and " + publicFile + " are not one key pair; nothing "
                        + "was written");
            }
            checked = "; verified with " + publicFile;
        }
        if (outFile == null) {
            out.print(text);
            err.println("Signed " + describe(licence) + checked);
        } else {
            KeyFiles.writeLicence(Paths.get(outFile), text);
            out.println("Wrote " + outFile + ": " + describe(licence) + checked);
        }
        if (validUntil.isBefore(LocalDate.now(clock))) {
            err.println("Warning: this licence expired on " + validUntil + "; a server refuses to install it.");
        }
        return OK;
    }

    private String defaultId(Instant issuedAt) {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return issuedAt.atZone(ZoneOffset.UTC).getYear() + "-" + HexFormat.of().formatHex(random);
    }

    // ---- verify

    private int verify(Arguments a) throws UsageException, Failure {
        a.allow("public-key");
        Path keyFile = Paths.get(a.required("public-key"));
        List<String> files = a.positionals();
        if (files.size() != 1) {
            throw new UsageException("give exactly one licence file to verify");
        }
        PublicKey key = KeyFiles.publicKey(keyFile);
        Path licenceFile = Paths.get(files.get(0));
        String text;
        try {
            text = Files.readString(licenceFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure("Error: cannot read " + licenceFile + ": " + e);
        }
        LicenceDocument licence;
        try {
            licence = LicenceDocument.parse(text);
        } catch (LicenceFormatException e) {
            throw new Failure("REFUSED: the licence is malformed:\n  " + String.join("\n  ", e.problems()));
        }
        if (!licence.verify(key)) {
            throw new Failure("REFUSED: the signature does not match: the licence was changed after signing or "
                    + "signed by another key (the licence names key '" + licence.keyId() + "')");
        }
        out.println("OK: signature valid (key '" + licence.keyId() + "')");
        out.println("  id:          " + licence.id());
        out.println("  customer:    " + licence.customer());
        out.println("  modules:     " + String.join(", ", licence.modules()));
        out.println("  valid until: " + licence.validUntil());
        out.println("  max users:   " + licence.maxUsers());
        out.println("  issued at:   " + licence.issuedAt());
        LocalDate today = LocalDate.now(clock);
        if (licence.validUntil().isBefore(today)) {
            err.println("REFUSED: the licence expired on " + licence.validUntil()
                    + "; a server refuses to install it.");
            return REFUSED;
        }
        return OK;
    }

    private static String describe(LicenceDocument l) {
        return "licence " + l.id() + " for " + l.customer() + ", modules " + String.join(",", l.modules())
                + ", valid until " + l.validUntil() + ", max users " + l.maxUsers() + ", key " + l.keyId();
    }

}
