package io.tessera.crm.modules.licence;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ed25519 keys of licence issuers, in the JDK's own encodings: a public key is its X.509 encoding in base64, a
 * private key its PKCS#8 encoding in base64. The server trusts entries {@code keyId:base64PublicKey}.
 *
 * <p>JDK only on purpose: the integrators' {@code tessera-license-tool} uses this class too.
 */
public final class LicenceKeys {
    /** The rule for key ids, as a sentence fragment for error messages. */
    public static final String KEY_ID_RULE = "must be 1 to 64 letters, digits, '.', '_' or '-'";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SEPARATORS = Pattern.compile("[;,\\s\\[\\]\"]+");

    private LicenceKeys() {
    }

    public static boolean isValidKeyId(String keyId) {
        return keyId != null && KEY_ID.matcher(keyId).matches();
    }

    /** A fresh Ed25519 key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(LicenceDocument.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519 (Java 15 or later is needed)", e);
        }
    }

    /** The key's standard encoding (X.509 for public, PKCS#8 for private keys) in base64, on one line. */
    public static String encode(Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Reads an X.509-encoded Ed25519 public key from base64 (blanks, line breaks and PEM armour are ignored). */
    public static PublicKey publicKey(String base64) throws LicenceFormatException {
        byte[] bytes = decode(base64, "public key");
        try {
            return KeyFactory.getInstance(LicenceDocument.ALGORITHM).generatePublic(new X509EncodedKeySpec(bytes));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new LicenceFormatException("not an Ed25519 public key (expected the base64 of its X.509 encoding)");
        }
    }

    /** Reads a PKCS#8-encoded Ed25519 private key from base64 (blanks, line breaks and PEM armour are ignored). */
    public static PrivateKey privateKey(String base64) throws LicenceFormatException {
        byte[] bytes = decode(base64, "private key");
        try {
            return KeyFactory.getInstance(LicenceDocument.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(bytes));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new LicenceFormatException("not an Ed25519 private key (expected the base64 of its PKCS#8 encoding)");
        }
    }

    private static byte[] decode(String text, String what) throws LicenceFormatException {
        if (text == null) {
            throw new LicenceFormatException("the " + what + " is empty");
        }
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (!l.startsWith("-----") && !l.startsWith("#")) {
                sb.append(l.replaceAll("\\s+", ""));
            }
        }
        if (sb.length() == 0) {
            throw new LicenceFormatException("the " + what + " is empty");
        }
        try {
            return Base64.getDecoder().decode(sb.toString());
        } catch (IllegalArgumentException e) {
            throw new LicenceFormatException("the " + what + " is not valid base64");
        }
    }

    /** The entry for the server's {@code trustedKeys}: {@code keyId:base64PublicKey}. */
    public static String trustedEntry(String keyId, PublicKey key) {
        return keyId + ":" + encode(key);
    }

    /**
     * Reads the server's trusted keys. Each value may hold one or several entries {@code keyId:base64PublicKey},
     * separated by {@code ;}, {@code ,} or blanks (a {@code .cfg} file gives one string, typed config an array;
     * brackets and quotes of an array written into a {@code .cfg} file are ignored too).
     * Entries that cannot be read are reported, not fatal: a licence signed by such a key is refused with the reason.
     */
    public static Trusted parseTrusted(String... values) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        Map<String, String> broken = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value == null) {
                    continue;
                }
                for (String entry : SEPARATORS.split(value.strip())) {
                    if (entry.isEmpty()) {
                        continue;
                    }
                    int colon = entry.indexOf(':');
                    String keyId = colon < 0 ? "" : entry.substring(0, colon);
                    if (colon < 0 || !isValidKeyId(keyId)) {
                        problems.add("trustedKeys: '" + (entry.length() > 20 ? entry.substring(0, 20) + "..." : entry)
                                + "' is not keyId:base64PublicKey (the key id " + KEY_ID_RULE + ")");
                        continue;
                    }
                    try {
                        PublicKey key = publicKey(entry.substring(colon + 1));
                        if (keys.containsKey(keyId) && !keys.get(keyId).equals(key)) {
                            problems.add("trustedKeys: key id '" + keyId + "' is given twice with different keys");
                            broken.put(keyId, "it is configured twice with different keys");
                            keys.remove(keyId);
                        } else if (!broken.containsKey(keyId)) {
                            keys.put(keyId, key);
                        }
                    } catch (LicenceFormatException e) {
                        problems.add("trustedKeys: key '" + keyId + "': " + e.getMessage());
                        broken.put(keyId, "its configured public key cannot be read: " + e.getMessage());
                        keys.remove(keyId);
                    }
                }
            }
        }
        return new Trusted(keys, broken, problems);
    }

    /**
     * The keys a server trusts, by key id; {@code broken} says why a configured key id cannot be used;
     * {@code problems} lists every configuration mistake (for the log).
     */
    public record Trusted(Map<String, PublicKey> keys, Map<String, String> broken, List<String> problems) {
        public Trusted {
            keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
            broken = Collections.unmodifiableMap(new LinkedHashMap<>(broken));
            problems = List.copyOf(problems);
        }
    }
}
