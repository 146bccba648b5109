package io.tessera.crm.modules.licence;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;

public class LicenceDocumentTest {
    private static final KeyPair KEY = LicenceKeys.generate();
    private static final KeyPair OTHER = LicenceKeys.generate();

    private static final String SAMPLE_FIELDS = "# Tessera CRM licence\r\n"
            + "\r\n"
            + "id=2026-0001\r\n"
            + "customer = Acme Kitchens LLC \r\n"
            + "  # a comment, indented\n"
            + "modules=analytics,telephony\n"
            + "validUntil=2027-12-31\n"
            + "maxUsers=25\n"
            + "issuedAt=2026-11-23T10:00:00Z\n"
            + "keyId=acme-integrator-1\n";

    private static String withSignature(String fields, String signature) {
        return fields + "signature=" + signature + "\n";
    }

    private static String dummySignature() {
        return java.util.Base64.getEncoder().encodeToString(new byte[64]);
    }

    private static List<String> problems(String text) {
        try {
            LicenceDocument.parse(text);
        } catch (LicenceFormatException e) {
            return e.problems();
        }
        fail("parsed: " + text);
        return null;
    }

    @Test
    public void parsesTheFieldsIgnoringCommentsBlankLinesAndCrLf() throws Exception {
        LicenceDocument d = LicenceDocument.parse(withSignature(SAMPLE_FIELDS, dummySignature()));
        assertEquals("2026-0001", d.id());
        assertEquals("Acme Kitchens LLC", d.customer());
        assertEquals(List.of("analytics", "telephony"), d.modules());
        assertEquals(LocalDate.of(2027, 12, 31), d.validUntil());
        assertEquals(25, d.maxUsers());
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), d.issuedAt());
        assertEquals("acme-integrator-1", d.keyId());
        assertEquals(dummySignature(), d.signature());
    }

    @Test
    public void canonicalFormIsTheSortedFieldsWithoutSignature() throws Exception {
        LicenceDocument d = LicenceDocument.parse(withSignature(SAMPLE_FIELDS, dummySignature()));
        String expected = "customer=Acme Kitchens LLC\n"
                + "id=2026-0001\n"
                + "issuedAt=2026-11-23T10:00:00Z\n"
                + "keyId=acme-integrator-1\n"
                + "maxUsers=25\n"
                + "modules=analytics,telephony\n"
                + "validUntil=2027-12-31\n";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), d.canonicalBytes());
    }

    @Test
    public void nonAsciiCustomerIsUtf8InTheCanonicalForm() throws Exception {
        LicenceDocument d = LicenceDocument.unsigned("x1", "Кухни Ёлкин GmbH & Çö", List.of("analytics"),
                LocalDate.of(2027, 1, 1), 3, Licences.ISSUED, "k1").sign(KEY.getPrivate());
        String canonical = new String(d.canonicalBytes(), StandardCharsets.UTF_8);
        assertTrue(canonical, canonical.startsWith("customer=Кухни Ёлкин GmbH & Çö\n"));
        LicenceDocument back = LicenceDocument.parse(d.toText());
        assertEquals("Кухни Ёлкин GmbH & Çö", back.customer());
        assertTrue(back.verify(KEY.getPublic()));
    }

    @Test
    public void signAndVerifyRoundTrip() throws Exception {
        LicenceDocument signed = Licences.signed(KEY, "k1", "2026-0001", List.of("analytics", "telephony"),
                LocalDate.of(2027, 12, 31));
        assertTrue(signed.verify(KEY.getPublic()));
        String text = signed.toText();
        assertEquals("# Tessera CRM licence\n"
                + "id=2026-0001\n"
                + "customer=Acme Kitchens LLC\n"
                + "modules=analytics,telephony\n"
                + "validUntil=2027-12-31\n"
                + "maxUsers=25\n"
                + "issuedAt=2026-11-23T10:00:00Z\n"
                + "keyId=k1\n"
                + "signature=" + signed.signature() + "\n", text);
        LicenceDocument parsed = LicenceDocument.parse(text);
        assertTrue(parsed.verify(KEY.getPublic()));
        assertArrayEquals(signed.canonicalBytes(), parsed.canonicalBytes());
    }

    @Test
    public void reorderedLinesAndCommentsKeepTheSignature() throws Exception {
        String text = Licences.text(KEY, "k1", "L1", List.of("analytics"), LocalDate.of(2027, 12, 31));
        List<String> lines = new java.util.ArrayList<>(text.lines().toList());
        java.util.Collections.reverse(lines);
        String reordered = "# edited by hand\r\n\r\n" + String.join("\r\n", lines) + "\r\n";
        assertTrue(LicenceDocument.parse(reordered).verify(KEY.getPublic()));
    }

    @Test
    public void anyChangedFieldBreaksTheSignature() throws Exception {
        String text = Licences.text(KEY, "k1", "L1", List.of("analytics"), LocalDate.of(2027, 12, 31));
        String[][] changes = {
            {"validUntil=2027-12-31", "validUntil=2099-12-31"},
            {"modules=analytics", "modules=analytics,telephony"},
            {"maxUsers=25", "maxUsers=250"},
            {"customer=Acme Kitchens LLC", "customer=Acme Kitchens Ltd"},
            {"id=L1", "id=L2"},
            {"issuedAt=2026-11-23T10:00:00Z", "issuedAt=2026-11-23T10:00:01Z"},
        };
        for (String[] change : changes) {
            String tampered = text.replace(change[0], change[1]);
            assertFalse(tampered.equals(text));
            assertFalse(change[1], LicenceDocument.parse(tampered).verify(KEY.getPublic()));
        }
    }

    @Test
    public void anotherKeyDoesNotVerify() throws Exception {
        LicenceDocument signed = Licences.signed(OTHER, "k1", "L1", List.of("analytics"), LocalDate.of(2027, 1, 1));
        assertFalse(signed.verify(KEY.getPublic()));
        assertTrue(signed.verify(OTHER.getPublic()));
    }

    @Test
    public void unsignedDocumentDoesNotVerifyAndHasNoSignatureLine() throws Exception {
        LicenceDocument d = LicenceDocument.unsigned("L1", "C", List.of("a"), LocalDate.of(2027, 1, 1), 1,
                Licences.ISSUED, "k1");
        assertNull(d.signature());
        assertFalse(d.verify(KEY.getPublic()));
        assertFalse(d.toText().contains("signature"));
        assertEquals(List.of("signature: is missing (the licence was never signed)"), problems(d.toText()));
    }

    @Test
    public void unknownKeyIsRefusedNamingIt() {
        String text = withSignature(SAMPLE_FIELDS + "colour=blue\n", dummySignature());
        List<String> p = problems(text);
        assertEquals(1, p.size());
        assertTrue(p.get(0), p.get(0).startsWith("colour: unknown field (line 11)"));
    }

    @Test
    public void missingFieldsAreAllNamed() {
        List<String> p = problems("id=1\nsignature=" + dummySignature() + "\n");
        assertEquals(List.of("customer: is missing", "modules: is missing", "validUntil: is missing",
                "maxUsers: is missing", "issuedAt: is missing", "keyId: is missing"), p);
    }

    @Test
    public void badValuesNameTheField() {
        String text = withSignature(SAMPLE_FIELDS
                .replace("validUntil=2027-12-31", "validUntil=2027-02-30")
                .replace("maxUsers=25", "maxUsers=twenty")
                .replace("issuedAt=2026-11-23T10:00:00Z", "issuedAt=yesterday"), dummySignature());
        assertEquals(List.of(
                "validUntil: must be a date such as 2027-12-31, not '2027-02-30'",
                "maxUsers: must be a whole number such as 25, not 'twenty'",
                "issuedAt: must be a UTC timestamp such as 2026-11-23T10:00:00Z, not 'yesterday'"), problems(text));
    }

    @Test
    public void moreBadValues() {
        assertEquals(List.of("maxUsers: must be at least 1"),
                problems(withSignature(SAMPLE_FIELDS.replace("maxUsers=25", "maxUsers=0"), dummySignature())));
        assertEquals(List.of("maxUsers: must be a whole number such as 25, not '-3'"),
                problems(withSignature(SAMPLE_FIELDS.replace("maxUsers=25", "maxUsers=-3"), dummySignature())));
        assertEquals(List.of("validUntil: must be a date such as 2027-12-31, not '31.12.2027'"),
                problems(withSignature(SAMPLE_FIELDS.replace("2027-12-31", "31.12.2027"), dummySignature())));
        assertEquals(List.of("modules: 'Analytics' is not a module id (lower-case letters, digits and '-')"),
                problems(withSignature(SAMPLE_FIELDS.replace("modules=analytics", "modules=Analytics"),
                        dummySignature())));
        assertEquals(List.of("modules: 'analytics' is listed twice"),
                problems(withSignature(SAMPLE_FIELDS.replace("telephony", "analytics"), dummySignature())));
        assertEquals(List.of("modules: has an empty entry; write module ids separated by commas, e.g. analytics,telephony"),
                problems(withSignature(SAMPLE_FIELDS.replace("telephony", ""), dummySignature())));
        assertEquals(List.of("customer: is empty"),
                problems(withSignature(SAMPLE_FIELDS.replace("Acme Kitchens LLC", ""), dummySignature())));
        assertEquals(List.of("keyId: must be 1 to 64 letters, digits, '.', '_' or '-', not 'acme key'"),
                problems(withSignature(SAMPLE_FIELDS.replace("acme-integrator-1", "acme key"), dummySignature())));
    }

    @Test
    public void structuralProblems() {
        assertEquals(List.of("id: appears twice (lines 3 and 11)"),
                problems(withSignature(SAMPLE_FIELDS + "id=2026-0002\n", dummySignature())));
        assertEquals(List.of("line 11: expected key=value, got 'just some words'"),
                problems(withSignature(SAMPLE_FIELDS + "just some words\n", dummySignature())));
        assertEquals(List.of("signature: is not valid base64"), problems(withSignature(SAMPLE_FIELDS, "%%%")));
        assertEquals(List.of("signature: must be a 64-byte Ed25519 signature, this one has 3 bytes"),
                problems(withSignature(SAMPLE_FIELDS, "AAAA")));
        assertEquals(List.of("the licence is empty"), problems("  \n"));
        assertEquals(List.of("the licence is empty"), problems(null));
    }

    @Test
    public void byteOrderMarkIsIgnored() throws Exception {
        String text = Licences.text(KEY, "k1", "L1", List.of("analytics"), LocalDate.of(2027, 1, 1));
        assertTrue(LicenceDocument.parse("\uFEFF" + text).verify(KEY.getPublic()));
    }

    @Test
    public void unsignedRefusesLineBreaksInValues() {
        try {
            LicenceDocument.unsigned("L1", "Acme\nmaxUsers=999", List.of("analytics"), LocalDate.of(2027, 1, 1), 1,
                    Licences.ISSUED, "k1");
            fail();
        } catch (LicenceFormatException e) {
            assertEquals(List.of("customer: must not contain line breaks or control characters"), e.problems());
        }
    }
}
