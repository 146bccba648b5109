package io.tessera.crm.modules.licence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Tessera CRM licence: a small UTF-8 text document of {@code key=value} lines, signed with Ed25519.
 *
 * <pre>
 * # Tessera CRM licence
 * id=2026-0001
 * customer=Acme Kitchens LLC
 * modules=analytics,telephony
 * validUntil=2027-12-31
 * maxUsers=25
 * issuedAt=2026-11-23T10:00:00Z
 * keyId=acme-integrator-1
 * signature=&lt;base64 Ed25519 signature&gt;
 * </pre>
 *
 * <p>Lines starting with {@code #} and blank lines are ignored; a key ends at the first {@code =}; keys and values are
 * trimmed. Every field is required and no other key is allowed. The signature covers the <em>canonical form</em>:
 * every field except {@code signature}, sorted by key, as {@code key=value\n} lines (values trimmed, as written),
 * encoded in UTF-8. Reordering lines, comments, blank lines, CRLF line ends or blanks around {@code =} therefore do
 * not break a signature; changing any value does.
 *
 * <p>This class is the single definition of the format. It uses the JDK only, so the server bundle and the
 * integrators' {@code tessera-license-tool} run the very same code (the tool's jar carries this class).
 */
public final class LicenceDocument {
    public static final String ID = "id";
    public static final String CUSTOMER = "customer";
    public static final String MODULES = "modules";
    public static final String VALID_UNTIL = "validUntil";
    public static final String MAX_USERS = "maxUsers";
    public static final String ISSUED_AT = "issuedAt";
    public static final String KEY_ID = "keyId";
    public static final String SIGNATURE = "signature";

    /** The signed fields, in the order {@link #toText()} writes them. */
    public static final List<String> FIELDS = List.of(ID, CUSTOMER, MODULES, VALID_UNTIL, MAX_USERS, ISSUED_AT, KEY_ID);
    /** Longer texts are refused before parsing; a real licence is a few hundred bytes. */
    public static final int MAX_TEXT_LENGTH = 64 * 1024;
    public static final String ALGORITHM = "Ed25519";
    public static final String HEADER = "# Tessera CRM licence";


    private final SortedMap<String, String> values;
    private final String signature;
    private final String id;
    private final String customer;
    private final List<String> modules;
    private final LocalDate validUntil;
    private final int maxUsers;
    private final Instant issuedAt;
    private final String keyId;

    private LicenceDocument(SortedMap<String, String> values, String signature) {
        this.values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        this.signature = signature;
        this.id = values.get(ID);
        this.customer = values.get(CUSTOMER);
        this.modules = splitModules(values.get(MODULES));
        this.validUntil = LocalDate.parse(values.get(VALID_UNTIL));
        this.maxUsers = Integer.parseInt(values.get(MAX_USERS));
        this.issuedAt = Instant.parse(values.get(ISSUED_AT));
        this.keyId = values.get(KEY_ID);
    }

    /**
     * Reads a signed licence document. Does not check the signature (see {@link #verify(PublicKey)}).
     *
     * @throws LicenceFormatException naming every field at fault: unknown or repeated keys, missing or malformed
     *                                fields, a missing or malformed signature
     */
    public static LicenceDocument parse(String text) throws LicenceFormatException {
        if (text == null || text.isBlank()) {
            throw new LicenceFormatException("the licence is empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new LicenceFormatException("the licence is too long (" + text.length() + " characters; at most "
                    + MAX_TEXT_LENGTH + ")");
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> problems = new ArrayList<>();
        Map<String, String> raw = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        String[] lines = body.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                problems.add("line " + lineNo + ": expected key=value, got '" + LicenceDocumentChecks.shorten(line)
                        + "'");
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!FIELDS.contains(key) && !SIGNATURE.equals(key)) {
                problems.add(key.isEmpty() ? "line " + lineNo + ": the key before '=' is missing"
                        : key + ": unknown field (line " + lineNo + "); the fields are "
                        + String.join(", ", FIELDS) + ", " + SIGNATURE);
                continue;
            }
            if (raw.containsKey(key)) {
                problems.add(key + ": appears twice (lines " + lineOf.get(key) + " and " + lineNo + ")");
                continue;
            }
            raw.put(key, value);
            lineOf.put(key, lineNo);
        }
        SortedMap<String, String> values = new TreeMap<>();
        for (String field : FIELDS) {
            if (raw.containsKey(field)) {
                values.put(field, raw.get(field));
            }
        }
        LicenceDocumentChecks.check(values, problems, true);
        String signature = raw.get(SIGNATURE);
        if (signature == null) {
            problems.add(SIGNATURE + ": is missing (the licence was never signed)");
        } else {
            LicenceDocumentChecks.checkSignature(signature, problems);
        }
        if (!problems.isEmpty()) {
            throw new LicenceFormatException(problems);
        }
        return new LicenceDocument(values, signature);
    }

    /** A new, not yet signed licence (for issuing one); the same checks as {@link #parse(String)}. */
    public static LicenceDocument unsigned(String id, String customer, List<String> modules, LocalDate validUntil,
                                           int maxUsers, Instant issuedAt, String keyId)
            throws LicenceFormatException {
        SortedMap<String, String> values = new TreeMap<>();
        putIfPresent(values, ID, id);
        putIfPresent(values, CUSTOMER, customer);
        putIfPresent(values, MODULES, modules == null ? null : String.join(",", modules));
        putIfPresent(values, VALID_UNTIL, validUntil == null ? null : validUntil.toString());
        values.put(MAX_USERS, Integer.toString(maxUsers));
        putIfPresent(values, ISSUED_AT, issuedAt == null ? null : issuedAt.toString());
        putIfPresent(values, KEY_ID, keyId);
        List<String> problems = new ArrayList<>();
        LicenceDocumentChecks.check(values, problems, false);
        if (!problems.isEmpty()) {
            throw new LicenceFormatException(problems);
        }
        return new LicenceDocument(values, null);
    }

    private static void putIfPresent(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value.strip());
        }
    }

    private static List<String> splitModules(String value) {
        List<String> list = new ArrayList<>();
        for (String m : value.split(",")) {
            list.add(m.strip());
        }
        return List.copyOf(list);
    }

    /** The bytes the signature covers: the fields but {@code signature}, sorted by key, {@code key=value\n}, UTF-8. */
    public byte[] canonicalBytes() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** This licence signed with the integrator's Ed25519 private key (the key must match {@link #keyId()}). */
    public LicenceDocument sign(PrivateKey privateKey) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(ALGORITHM);
        signer.initSign(privateKey);
        signer.update(canonicalBytes());
        return new LicenceDocument(values, Base64.getEncoder().encodeToString(signer.sign()));
    }

    /**
     * Whether the signature is that of {@code publicKey}'s private key over this licence's canonical form. False for
     * an unsigned licence, a changed field or another key.
     *
     * @throws IllegalArgumentException when {@code publicKey} is not an Ed25519 key
     */
    public boolean verify(PublicKey publicKey) {
        if (signature == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(canonicalBytes());
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519 (Java 15 or later is needed)", e);
        }
    }

    /** The document as text: a header comment, the fields in the usual order, then the signature (when signed). */
    public String toText() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (String field : FIELDS) {
            sb.append(field).append('=').append(values.get(field)).append('\n');
        }
        if (signature != null) {
            sb.append(SIGNATURE).append('=').append(signature).append('\n');
        }
        return sb.toString();
    }

    public String id() {
        return id;
    }

    public String customer() {
        return customer;
    }

    /** The licensed module ids, in the order written. */
    public List<String> modules() {
        return modules;
    }

    /** The last day the licence is valid (inclusive). */
    public LocalDate validUntil() {
        return validUntil;
    }

    public int maxUsers() {
        return maxUsers;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    /** Which of the integrator's keys signed it; the server looks the public key up by this id. */
    public String keyId() {
        return keyId;
    }

    /** The base64 signature, or null when not signed. */
    public String signature() {
        return signature;
    }

    public boolean isSigned() {
        return signature != null;
    }

    @Override
    public String toString() {
        return "Licence " + id + " for " + customer + " (" + String.join(",", modules) + ", valid until "
                + validUntil + ", key " + keyId + ")";
    }
}
