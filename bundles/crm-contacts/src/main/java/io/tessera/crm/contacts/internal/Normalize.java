package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.contacts.Address;
import io.tessera.crm.api.security.UserService;
import io.tessera.crm.support.validation.Checks;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Input clean-up and checks shared by companies and contacts. Every problem goes into the given {@link Checks}. */
final class Normalize {
    static final int MAX_PHONES = 20;
    static final int MAX_EMAILS = 20;
    static final int MAX_TAGS = 50;
    static final int MAX_TAG_LENGTH = 50;
    static final int MAX_Q_LENGTH = 200;
    private static final Pattern PHONE_LIKE_QUERY = Pattern.compile("^[+0-9 ()./-]*[0-9][+0-9 ()./-]*$");

    private Normalize() {
    }

    /** Trimmed text, null when blank; longer than {@code max} is an error. */
    static String text(Checks checks, String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        checks.maxLength(field, trimmed, max);
        return trimmed;
    }

    static String requiredText(Checks checks, String field, String value, int max) {
        String text = text(checks, field, value, max);
        if (text == null) {
            checks.add(field, "is required");
        }
        return text;
    }

    static List<String> phones(Checks checks, List<String> input) {
        List<String> out = new ArrayList<>();
        if (input == null) {
            return out;
        }
        checks.maxSize("phones", input, MAX_PHONES);
        for (int i = 0; i < input.size(); i++) {
            String field = "phones[" + i + "]";
            String phone = input.get(i) == null ? null : input.get(i).strip();
            if (phone == null || phone.isEmpty()) {
                checks.add(field, "is required");
                continue;
            }
            Checks one = new Checks().phone(field, phone);
            if (one.hasErrors()) {
                checks.phone(field, phone);
            } else if (!out.contains(phone)) {
                out.add(phone);
            }
        }
        return out;
    }

    static List<String> emails(Checks checks, List<String> input) {
        List<String> out = new ArrayList<>();
        if (input == null) {
            return out;
        }
        checks.maxSize("emails", input, MAX_EMAILS);
        for (int i = 0; i < input.size(); i++) {
            String field = "emails[" + i + "]";
            String email = input.get(i) == null ? null : input.get(i).strip().toLowerCase(Locale.ROOT);
            if (email == null || email.isEmpty()) {
                checks.add(field, "is required");
                continue;
            }
            Checks one = new Checks().email(field, email);
            if (one.hasErrors()) {
                checks.email(field, email);
            } else if (!out.contains(email)) {
                out.add(email);
            }
        }
        return out;
    }

    static Set<String> tags(Checks checks, Collection<String> input) {
        Set<String> out = new LinkedHashSet<>();
        if (input == null) {
            return out;
        }
        checks.maxSize("tags", input, MAX_TAGS);
        int i = 0;
        for (String raw : input) {
            String field = "tags[" + i++ + "]";
            String tag = raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
            if (tag == null || tag.isEmpty()) {
                checks.add(field, "is required");
            } else if (tag.length() > MAX_TAG_LENGTH) {
                checks.maxLength(field, tag, MAX_TAG_LENGTH);
            } else {
                out.add(tag);
            }
        }
        return out;
    }

    static Address address(Checks checks, Address a) {
        if (a == null) {
            return null;
        }
        Address out = new Address(
                text(checks, "address.street", a.street(), 200),
                text(checks, "address.city", a.city(), 100),
                text(checks, "address.region", a.region(), 100),
                text(checks, "address.postalCode", a.postalCode(), 20),
                text(checks, "address.country", a.country(), 100));
        if (out.street() == null && out.city() == null && out.region() == null && out.postalCode() == null
                && out.country() == null) {
            return null;
        }
        return out;
    }

    /**
     * The domain of a web address: its host without "www.", lower-case ("https://www.Acme.com/x" gives "acme.com").
     * A website without a scheme is read as http. Only http and https addresses are accepted.
     */
    static String domain(Checks checks, String field, String website) {
        if (website == null) {
            return null;
        }
        String host = host(website);
        if (host == null) {
            checks.add(field, "is not a web address");
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("www.") && host.length() > 4) {
            host = host.substring(4);
        }
        return host;
    }

    private static String host(String website) {
        String candidate = website.contains("://") ? website : "http://" + website;
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            String host = uri.getHost();
            if (uri.getRawUserInfo() != null) {
                return null;
            }
            if (host == null || host.isEmpty() || host.startsWith(".") || !host.matches("[\\p{L}\\p{N}.\\-\\[\\]:]+")) {
                return null;
            }
            return host;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The digits of a phone number: "+7 (912) 345-67-89" gives "79123456789". */
    static String digits(String phone) {
        if (phone == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char ch = phone.charAt(i);
            if (ch >= '0' && ch <= '9') {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /**
     * The owner a record gets: the caller when none is given. A changed owner must be a known user, and a caller who
     * does not see all records may only give records to themselves. {@code current} is the stored owner (null on create).
     */
    static String owner(Checks checks, Caller caller, String requested, String current, UserService users) {
        String owner = requested == null || requested.isBlank() ? null : requested.strip();
        if (owner != null && owner.length() > 100) {
            checks.add("owner", "no such user");
            return owner;
        }
        if (owner == null) {
            owner = caller.username();
        }
        if (Objects.equals(owner, current)) {
            return owner;
        }
        if (!caller.seesAll() && !owner.equals(caller.username())) {
            checks.add("owner", "you may only give records to yourself");
        } else if (!users.exists(owner)) {
            checks.add("owner", "no such user");
        }
        return owner;
    }

    /** A case-insensitive LIKE pattern for a substring, with '!' escaping the wildcards (use ESCAPE '!'). */
    static String like(String q) {
        String lower = q.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder("%");
        for (int i = 0; i < lower.length(); i++) {
            char ch = lower.charAt(i);
            if (ch == '!' || ch == '%' || ch == '_') {
                sb.append('!');
            }
            sb.append(ch);
        }
        return sb.append('%').toString();
    }

    /** The digits of a query that looks like (part of) a phone number, else null. */
    static String phoneDigits(String q) {
        return PHONE_LIKE_QUERY.matcher(q).matches() ? digits(q) : null;
    }
}
