package io.tessera.crm.contacts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.Address;
import io.tessera.crm.support.validation.Checks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

public class NormalizeTest {

    private static String domain(String website) {
        Checks checks = new Checks();
        String d = Normalize.domain(checks, "website", website);
        checks.throwIfAny();
        return d;
    }

    @Test
    public void domainIsTheHostWithoutWwwInLowerCase() {
        assertEquals("acme.com", domain("https://www.Acme.com/x"));
        assertEquals("acme.com", domain("http://ACME.com"));
        assertEquals("acme.com", domain("www.acme.com"));
        assertEquals("acme.com", domain("acme.com/about?x=1"));
        assertEquals("shop.acme.co.uk", domain("https://shop.acme.co.uk:8443/"));
        assertEquals("acme.com", domain("https://www.acme.com./"));
        assertNull(domain(null));
    }

    @Test
    public void websiteThatIsNoWebAddressIsAnError() {
        for (String bad : List.of("javascript:alert(1)", "ftp://acme.com", "http://", "http://exa mple.com", "mailto:a@b.c")) {
            Checks checks = new Checks();
            Normalize.domain(checks, "website", bad);
            assertTrue(bad, checks.hasErrors());
        }
    }

    @Test
    public void digitsKeepOnlyDigits() {
        assertEquals("79123456789", Normalize.digits("+7 (912) 345-67-89"));
        assertEquals("", Normalize.digits(null));
        assertEquals("7912345", Normalize.phoneDigits("+7 (912) 345"));
        assertNull(Normalize.phoneDigits("Acme 2"));
        assertNull(Normalize.phoneDigits("()"));
    }

    @Test
    public void likeEscapesWildcardsAndLowerCases() {
        assertEquals("%a!%b!_c!!d%", Normalize.like("A%b_C!d"));
        assertEquals("%acme%", Normalize.like("ACME"));
    }

    @Test
    public void phonesAreTrimmedValidatedAndDeduplicated() {
        Checks checks = new Checks();
        List<String> phones = Normalize.phones(checks, List.of(" +7 912 345-67-89 ", "+7 912 345-67-89", "8 800 100"));
        assertFalse(checks.hasErrors());
        assertEquals(List.of("+7 912 345-67-89", "8 800 100"), phones);

        Checks bad = new Checks();
        Normalize.phones(bad, java.util.Arrays.asList("12", null, "call me", "+1 555 0100"));
        List<String> fields = fields(bad);
        assertEquals(List.of("phones[0]", "phones[1]", "phones[2]"), fields);
    }

    @Test
    public void emailsAreLowerCasedAndChecked() {
        Checks checks = new Checks();
        assertEquals(List.of("ivan@acme.com"), Normalize.emails(checks, List.of(" Ivan@ACME.com ", "ivan@acme.com")));
        assertFalse(checks.hasErrors());
        Checks bad = new Checks();
        Normalize.emails(bad, List.of("ok@acme.com", "not-an-email", " "));
        assertEquals(List.of("emails[1]", "emails[2]"), fields(bad));
    }

    @Test
    public void tooManyPhonesAndEmailsAreErrors() {
        List<String> phones = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            phones.add("+7 900 000 00 " + (10 + i));
            emails.add("u" + i + "@acme.com");
        }
        Checks checks = new Checks();
        Normalize.phones(checks, phones);
        Normalize.emails(checks, emails);
        assertEquals(List.of("emails", "phones"), fields(checks));
        Checks ok = new Checks();
        Normalize.phones(ok, phones.subList(0, 20));
        Normalize.emails(ok, emails.subList(0, 20));
        assertFalse(ok.hasErrors());
    }

    @Test
    public void tagsAreTrimmedLowerCasedAndLimited() {
        Checks checks = new Checks();
        Set<String> tags = Normalize.tags(checks, new LinkedHashSet<>(List.of(" VIP ", "vip", "Retail")));
        assertFalse(checks.hasErrors());
        assertEquals(Set.of("vip", "retail"), tags);

        Checks bad = new Checks();
        Normalize.tags(bad, new LinkedHashSet<>(java.util.Arrays.asList("ok", "x".repeat(51), " ")));
        assertEquals(List.of("tags[1]", "tags[2]"), fields(bad));

        Set<String> many = new LinkedHashSet<>();
        for (int i = 0; i < 51; i++) {
            many.add("t" + i);
        }
        Checks tooMany = new Checks();
        Normalize.tags(tooMany, many);
        assertEquals(List.of("tags"), fields(tooMany));
    }

    @Test
    public void addressPartsAreTrimmedAndEmptyAddressIsNull() {
        Checks checks = new Checks();
        assertNull(Normalize.address(checks, new Address(" ", null, "", null, null)));
        assertEquals(new Address("Lenina 1", "Perm", null, "614000", "RU"),
                Normalize.address(checks, new Address(" Lenina 1 ", "Perm", " ", "614000", "RU")));
        assertFalse(checks.hasErrors());
        Checks bad = new Checks();
        Normalize.address(bad, new Address("s".repeat(201), null, null, "1".repeat(21), null));
        assertEquals(List.of("address.postalCode", "address.street"), fields(bad));
    }

    @Test
    public void customFieldsRoundTripWithTheirTypes() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("text", "hello");
        in.put("empty", "");
        in.put("int", 42);
        in.put("long", 9_000_000_000L);
        in.put("short", (short) 7);
        in.put("big", new BigInteger("123456789012345678901234567890"));
        in.put("smallBig", BigInteger.valueOf(-5));
        in.put("double", 2.5d);
        in.put("float", 0.25f);
        in.put("decimal", new BigDecimal("19.990"));
        in.put("wholeDouble", 4.0d);
        in.put("wholeDecimal", new BigDecimal("1.2E+3"));
        in.put("zero", new BigDecimal("0.000"));
        in.put("yes", true);
        in.put("no", Boolean.FALSE);
        in.put("nothing", null);
        Checks checks = new Checks();
        Map<String, Object> out = CustomFields.decode(CustomFields.encode(checks, in));
        assertFalse(checks.hasErrors());
        assertEquals("hello", out.get("text"));
        assertEquals("", out.get("empty"));
        assertEquals(42L, out.get("int"));
        assertEquals(9_000_000_000L, out.get("long"));
        assertEquals(7L, out.get("short"));
        assertEquals(new BigDecimal("123456789012345678901234567890"), out.get("big"));
        assertEquals(-5L, out.get("smallBig"));
        assertEquals(new BigDecimal("2.5"), out.get("double"));
        assertEquals(new BigDecimal("0.25"), out.get("float"));
        assertEquals(new BigDecimal("19.99"), out.get("decimal"));
        assertEquals(4L, out.get("wholeDouble"));
        assertEquals(1200L, out.get("wholeDecimal"));
        assertEquals(0L, out.get("zero"));
        assertEquals(Boolean.TRUE, out.get("yes"));
        assertEquals(Boolean.FALSE, out.get("no"));
        assertTrue(out.containsKey("nothing"));
        assertNull(out.get("nothing"));
        assertEquals(16, out.size());
        assertEquals(List.of("big", "decimal", "double", "empty", "float", "int", "long", "no", "nothing", "short",
                "smallBig", "text", "wholeDecimal", "wholeDouble", "yes", "zero"), new ArrayList<>(out.keySet()));
    }

    @Test
    public void customFieldsRejectBadKeysAndValues() {
        Map<String, Object> in = new HashMap<>();
        in.put("ok_key-1", "fine");
        in.put("срок", "unicode letters are fine");
        in.put("bad key", "x");
        in.put("", "x");
        in.put("k".repeat(65), "x");
        in.put("list", List.of(1, 2));
        in.put("map", Map.of("a", 1));
        in.put("long", "x".repeat(1001));
        in.put("nan", Double.NaN);
        in.put("inf", Float.POSITIVE_INFINITY);
        in.put("date", new java.util.Date());
        Checks checks = new Checks();
        Map<String, String> encoded = CustomFields.encode(checks, in);
        assertEquals(List.of("customFields.", "customFields.bad key", "customFields.date", "customFields.inf",
                "customFields." + "k".repeat(65), "customFields.list", "customFields.long", "customFields.map",
                "customFields.nan"), fields(checks));
        assertEquals(Set.of("ok_key-1", "срок"), encoded.keySet());

        Checks limit = new Checks();
        CustomFields.encode(limit, Collections.singletonMap("s", "x".repeat(1000)));
        assertFalse(limit.hasErrors());
    }

    @Test
    public void moreThanFiftyCustomFieldsIsAnError() {
        Map<String, Object> in = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            in.put("f" + i, i);
        }
        Checks checks = new Checks();
        CustomFields.encode(checks, in);
        assertEquals(List.of("customFields"), fields(checks));
        in.remove("f0");
        Checks ok = new Checks();
        CustomFields.encode(ok, in);
        assertFalse(ok.hasErrors());
    }

    private static List<String> fields(Checks checks) {
        try {
            checks.throwIfAny();
        } catch (ValidationException e) {
            return e.errors().stream().map(io.tessera.crm.api.FieldError::field).sorted().toList();
        }
        return List.of();
    }
}
