package io.tessera.crm.importer.internal;

import io.tessera.crm.api.contacts.Address;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactInput;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The values a record had before an import changed it, stored per row as text ({@code key=value} lines, values
 * URL-encoded, list items joined by ','; custom values typed {@code s:}, {@code n:}, {@code b:}) and turned back into the
 * input that restores them.
 */
final class BeforeImage {
    private BeforeImage() {
    }

    static String encode(ContactInput c) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "firstName", c.firstName());
        put(m, "lastName", c.lastName());
        put(m, "position", c.position());
        list(m, "phones", c.phones());
        list(m, "emails", c.emails());
        put(m, "birthday", c.birthday() == null ? null : c.birthday().toString());
        put(m, "notes", c.notes());
        list(m, "tags", c.tags());
        custom(m, c.customFields());
        put(m, "owner", c.owner());
        put(m, "source", c.source());
        list(m, "companyIds", c.companyIds() == null ? null : c.companyIds().stream().map(String::valueOf).toList());
        return join(m);
    }

    static String encode(CompanyInput c) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "name", c.name());
        put(m, "legalName", c.legalName());
        put(m, "taxId", c.taxId());
        put(m, "industry", c.industry());
        put(m, "website", c.website());
        list(m, "phones", c.phones());
        list(m, "emails", c.emails());
        if (c.address() != null) {
            Address a = c.address();
            list(m, "address", Arrays.asList(n(a.street()), n(a.city()), n(a.region()), n(a.postalCode()),
                    n(a.country())));
        }
        list(m, "tags", c.tags());
        custom(m, c.customFields());
        put(m, "owner", c.owner());
        return join(m);
    }

    static ContactInput contact(String text) {
        Map<String, String> m = split(text);
        String birthday = m.get("birthday");
        return new ContactInput(m.get("firstName"), m.get("lastName"), m.get("position"), items(m, "phones"),
                items(m, "emails"), birthday == null ? null : LocalDate.parse(birthday), m.get("notes"),
                new LinkedHashSet<>(items(m, "tags")), custom(m), m.get("owner"), m.get("source"),
                items(m, "companyIds").stream().map(Long::valueOf).toList());
    }

    static CompanyInput company(String text) {
        Map<String, String> m = split(text);
        Address address = null;
        if (m.containsKey("address")) {
            List<String> a = items(m, "address");
            address = new Address(v(a.get(0)), v(a.get(1)), v(a.get(2)), v(a.get(3)), v(a.get(4)));
        }
        return new CompanyInput(m.get("name"), m.get("legalName"), m.get("taxId"), m.get("industry"),
                m.get("website"), items(m, "phones"), items(m, "emails"), address,
                new LinkedHashSet<>(items(m, "tags")), custom(m), m.get("owner"));
    }

    private static String n(String s) {
        return s == null ? "\u0000" : s;
    }

    private static String v(String s) {
        return "\u0000".equals(s) ? null : s;
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, enc(value));
        }
    }

    private static void list(Map<String, String> m, String key, Collection<String> values) {
        if (values != null && !values.isEmpty()) {
            m.put(key, String.join(",", values.stream().map(BeforeImage::enc).toList()));
        }
    }

    private static void custom(Map<String, String> m, Map<String, Object> fields) {
        if (fields == null) {
            return;
        }
        fields.forEach((k, v) -> {
            if (v != null) {
                String typed = v instanceof Boolean ? "b:" + v : v instanceof Number ? "n:" + v : "s:" + v;
                m.put("cf." + enc(k), enc(typed));
            }
        });
    }

    private static Map<String, Object> custom(Map<String, String> m) {
        Map<String, Object> out = new HashMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith("cf.")) {
                String key = URLDecoder.decode(k.substring(3), StandardCharsets.UTF_8);
                String val = v.substring(2);
                out.put(key, v.startsWith("b:") ? Boolean.valueOf(val) : v.startsWith("n:") ? number(val) : val);
            }
        });
        return out;
    }

    private static Object number(String s) {
        return s.matches("-?[0-9]+") ? (Object) Long.valueOf(s) : new BigDecimal(s);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String join(Map<String, String> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    private static Map<String, String> split(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String key = line.substring(0, eq);
                String raw = line.substring(eq + 1);
                m.put(key, key.startsWith("cf.") || !LISTS.contains(key)
                        ? URLDecoder.decode(raw, StandardCharsets.UTF_8) : raw);
            }
        }
        return m;
    }

    private static final List<String> LISTS = List.of("phones", "emails", "tags", "companyIds", "address");

    private static List<String> items(Map<String, String> m, String key) {
        String raw = m.get(key);
        List<String> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String part : raw.split(",", -1)) {
            out.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
        }
        return out;
    }
}
