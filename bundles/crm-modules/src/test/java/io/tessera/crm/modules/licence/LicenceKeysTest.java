package io.tessera.crm.modules.licence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.security.KeyPair;
import java.util.List;
import java.util.Set;
import org.junit.Test;

public class LicenceKeysTest {
    private static final KeyPair A = LicenceKeys.generate();
    private static final KeyPair B = LicenceKeys.generate();

    @Test
    public void encodedKeysReadBack() throws Exception {
        String pub = LicenceKeys.encode(A.getPublic());
        String priv = LicenceKeys.encode(A.getPrivate());
        assertTrue(pub, pub.startsWith("MCowBQYDK2VwAyEA")); // X.509 header of an Ed25519 key
        assertEquals(60, pub.length());
        assertEquals(A.getPublic(), LicenceKeys.publicKey(pub));
        assertEquals(A.getPrivate(), LicenceKeys.privateKey(priv));
        assertEquals(A.getPublic(), LicenceKeys.publicKey("-----BEGIN PUBLIC KEY-----\n" + pub.substring(0, 30)
                + "\n" + pub.substring(30) + "\n-----END PUBLIC KEY-----\n"));
    }

    @Test
    public void unreadableKeysAreRefused() {
        try {
            LicenceKeys.publicKey("bm90IGEga2V5");
            fail();
        } catch (LicenceFormatException e) {
            assertEquals("not an Ed25519 public key (expected the base64 of its X.509 encoding)", e.getMessage());
        }
        try {
            LicenceKeys.privateKey("%%%");
            fail();
        } catch (LicenceFormatException e) {
            assertEquals("the private key is not valid base64", e.getMessage());
        }
        try { // a public key where a private one is expected
            LicenceKeys.privateKey(LicenceKeys.encode(A.getPublic()));
            fail();
        } catch (LicenceFormatException e) {
            assertEquals("not an Ed25519 private key (expected the base64 of its PKCS#8 encoding)", e.getMessage());
        }
    }

    @Test
    public void trustedKeysFromArrayOrOneSeparatedString() {
        String a = LicenceKeys.trustedEntry("a", A.getPublic());
        String b = LicenceKeys.trustedEntry("b.2", B.getPublic());
        for (String[] values : List.of(new String[] {a, b}, new String[] {a + ";" + b}, new String[] {a + " ; \n " + b},
                new String[] {" " + a + "  " + b + " "}, new String[] {"[\"" + a + "\", \"" + b + "\"]"})) {
            LicenceKeys.Trusted t = LicenceKeys.parseTrusted(values);
            assertEquals(Set.of("a", "b.2"), t.keys().keySet());
            assertEquals(A.getPublic(), t.keys().get("a"));
            assertEquals(B.getPublic(), t.keys().get("b.2"));
            assertEquals(List.of(), t.problems());
        }
        assertEquals(0, LicenceKeys.parseTrusted().keys().size());
        assertEquals(0, LicenceKeys.parseTrusted((String[]) null).keys().size());
    }

    @Test
    public void badEntriesAreReportedAndSkipped() {
        String a = LicenceKeys.trustedEntry("a", A.getPublic());
        LicenceKeys.Trusted t = LicenceKeys.parseTrusted(a + ";nocolon;broken:AAAA");
        assertEquals(Set.of("a"), t.keys().keySet());
        assertEquals(List.of(
                "trustedKeys: 'nocolon' is not keyId:base64PublicKey (the key id must be 1 to 64 letters, digits, "
                        + "'.', '_' or '-')",
                "trustedKeys: key 'broken': not an Ed25519 public key (expected the base64 of its X.509 encoding)"),
                t.problems());
        assertEquals("its configured public key cannot be read: not an Ed25519 public key (expected the base64 "
                + "of its X.509 encoding)", t.broken().get("broken"));
    }

    @Test
    public void sameIdWithTwoKeysIsNotTrusted() {
        LicenceKeys.Trusted t = LicenceKeys.parseTrusted(LicenceKeys.trustedEntry("a", A.getPublic()),
                LicenceKeys.trustedEntry("a", B.getPublic()));
        assertEquals(Set.of(), t.keys().keySet());
        assertEquals("it is configured twice with different keys", t.broken().get("a"));
    }
}
