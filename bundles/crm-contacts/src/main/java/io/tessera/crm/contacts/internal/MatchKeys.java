package io.tessera.crm.contacts.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that says when two values are "the same" for duplicate detection. Each key is stored beside the value
 * it comes from (indexed), so finding duplicates and matching an imported row are index lookups. Changing a key
 * function means recomputing the stored keys ({@link DuplicateServiceImpl} fills missing keys on start).
 */
final class MatchKeys {
    /** Phones with fewer digits than this (extensions, short codes) never match. */
    static final int MIN_PHONE_DIGITS = 7;
    /** Phones are compared by their last this many digits ("8 912…" and "+7 912…" are one number). */
    static final int PHONE_DIGITS = 10;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Legal forms dropped from company names (lower-case, after punctuation is removed). */
    private static final Set<String> LEGAL_FORMS = Set.of(
            "llc", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "company", "gmbh", "ag",
            "plc", "llp", "lp", "jsc", "ojsc", "cjsc", "pjsc", "sa", "srl", "bv", "oy", "ab",
            "ооо", "оао", "зао", "пао", "ао", "нао", "ип", "тоо", "чп", "нко", "ано",
            "mmc", "qsc", "asc", "aşc", "assc");

    private MatchKeys() {
    }

    /**
     * The phone's match key: the last {@value #PHONE_DIGITS} digits (all digits when fewer); "" when it has fewer
     * than {@value #MIN_PHONE_DIGITS} digits (never matched). Never null.
     */
    static String phone(String phone) {
        return phoneFromDigits(Normalize.digits(phone));
    }

    static String phoneFromDigits(String digits) {
        if (digits == null || digits.length() < MIN_PHONE_DIGITS) {
            return "";
        }
        return digits.length() <= PHONE_DIGITS ? digits : digits.substring(digits.length() - PHONE_DIGITS);
    }

    /** An email's key: trimmed and lower-cased (stored emails already are); null when blank. */
    static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A person's name key: the words of first and last name, lower-cased, ё as е, sorted ("Ivan  Petrov" and
     * "petrov ivan" are "ivan petrov"); null when both are blank. At most 210 characters.
     */
    static String personName(String firstName, String lastName) {
        String all = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName));
        String[] words = SPACES.split(fold(all).strip());
        if (words.length == 0 || words[0].isEmpty()) {
            return null;
        }
        Arrays.sort(words);
        return cut(String.join(" ", words), 210);
    }

    /**
     * A company name's key: lower-cased, ё as е, punctuation and quotes removed, legal forms dropped
     * («ООО "Ромашка"» and "Ромашка" are "ромашка", "Acme, Inc." is "acme"); null when blank. When only legal forms
     * are left the words are kept. At most 200 characters.
     */
    static String companyName(String name) {
        if (name == null) {
            return null;
        }
        String cleaned = NOT_WORD.matcher(fold(name)).replaceAll(" ").strip();
        if (cleaned.isEmpty()) {
            String plain = fold(name).strip();
            return plain.isEmpty() ? null : cut(plain, 200);
        }
        String[] words = SPACES.split(cleaned);
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!LEGAL_FORMS.contains(w)) {
                sb.append(sb.length() == 0 ? "" : " ").append(w);
            }
        }
        return cut(sb.length() == 0 ? String.join(" ", words) : sb.toString(), 200);
    }

    /** A tax id's key: letters and digits only, upper-case ("77-01 234567" is "7701234567"); null when none. */
    static String taxId(String taxId) {
        if (taxId == null) {
            return null;
        }
        String key = NOT_WORD.matcher(taxId).replaceAll("").toUpperCase(Locale.ROOT);
        return key.isEmpty() ? null : key;
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
