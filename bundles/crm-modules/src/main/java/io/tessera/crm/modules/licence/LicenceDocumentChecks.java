package io.tessera.crm.modules.licence;

import static io.tessera.crm.modules.licence.LicenceDocument.CUSTOMER;
import static io.tessera.crm.modules.licence.LicenceDocument.FIELDS;
import static io.tessera.crm.modules.licence.LicenceDocument.ID;
import static io.tessera.crm.modules.licence.LicenceDocument.ISSUED_AT;
import static io.tessera.crm.modules.licence.LicenceDocument.KEY_ID;
import static io.tessera.crm.modules.licence.LicenceDocument.MAX_USERS;
import static io.tessera.crm.modules.licence.LicenceDocument.MODULES;
import static io.tessera.crm.modules.licence.LicenceDocument.SIGNATURE;
import static io.tessera.crm.modules.licence.LicenceDocument.VALID_UNTIL;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The field rules of {@link LicenceDocument}, for a parsed text and for a licence being issued alike: each fault is
 * added to the problems, named by its field. JDK only, like the document (the licence tool's jar carries it too).
 */
final class LicenceDocumentChecks {
    private static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern MODULE_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern DATE_PATTERN = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER_PATTERN = Pattern.compile("\\d{1,9}");
    private static final int MAX_CUSTOMER = 200;
    private static final int SIGNATURE_BYTES = 64;

    private LicenceDocumentChecks() {
    }

    static void check(Map<String, String> values, List<String> problems, boolean fromText) {
        for (String field : FIELDS) {
            String value = values.get(field);
            if (value == null) {
                problems.add(field + ": is missing");
                continue;
            }
            if (value.isEmpty()) {
                problems.add(field + ": is empty");
                continue;
            }
            if (!fromText && value.chars().anyMatch(Character::isISOControl)) {
                problems.add(field + ": must not contain line breaks or control characters");
                continue;
            }
            switch (field) {
                case ID -> {
                    if (!ID_PATTERN.matcher(value).matches()) {
                        problems.add(ID + ": must be 1 to 100 letters, digits, '.', '_' or '-', not '"
                                + shorten(value) + "'");
                    }
                }
                case CUSTOMER -> {
                    if (value.length() > MAX_CUSTOMER) {
                        problems.add(CUSTOMER + ": is longer than " + MAX_CUSTOMER + " characters");
                    } else if (value.chars().anyMatch(Character::isISOControl)) {
                        problems.add(CUSTOMER + ": must not contain control characters");
                    }
                }
                case MODULES -> checkModules(value, problems);
                case VALID_UNTIL -> {
                    if (!DATE_PATTERN.matcher(value).matches() || !parses(value, LocalDate::parse)) {
                        problems.add(VALID_UNTIL + ": must be a date such as 2027-12-31, not '" + shorten(value)
                                + "'");
                    }
                }
                case MAX_USERS -> {
                    if (!NUMBER_PATTERN.matcher(value).matches()) {
                        problems.add(MAX_USERS + ": must be a whole number such as 25, not '" + shorten(value) + "'");
                    } else if (Integer.parseInt(value) < 1) {
                        problems.add(MAX_USERS + ": must be at least 1");
                    }
                }
                case ISSUED_AT -> {
                    if (!parses(value, Instant::parse)) {
                        problems.add(ISSUED_AT + ": must be a UTC timestamp such as 2026-11-23T10:00:00Z, not '"
                                + shorten(value) + "'");
                    }
                }
                case KEY_ID -> {
                    if (!LicenceKeys.isValidKeyId(value)) {
                        problems.add(KEY_ID + ": " + LicenceKeys.KEY_ID_RULE + ", not '" + shorten(value) + "'");
                    }
                }
                default -> throw new IllegalStateException(field);
            }
        }
    }

    private static void checkModules(String value, List<String> problems) {
        Set<String> seen = new LinkedHashSet<>();
        for (String module : value.split(",", -1)) {
            String m = module.strip();
            if (m.isEmpty()) {
                problems.add(MODULES + ": has an empty entry; write module ids separated by commas, e.g. analytics,telephony");
                return;
            }
            if (!MODULE_PATTERN.matcher(m).matches()) {
                problems.add(MODULES + ": '" + shorten(m) + "' is not a module id (lower-case letters, digits and '-')");
                return;
            }
            if (!seen.add(m)) {
                problems.add(MODULES + ": '" + m + "' is listed twice");
                return;
            }
        }
    }

    static void checkSignature(String signature, List<String> problems) {
        if (signature.isEmpty()) {
            problems.add(SIGNATURE + ": is empty (the licence was never signed)");
            return;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(signature);
            if (bytes.length != SIGNATURE_BYTES) {
                problems.add(SIGNATURE + ": must be a " + SIGNATURE_BYTES + "-byte Ed25519 signature, this one has "
                        + bytes.length + " bytes");
            }
        } catch (IllegalArgumentException e) {
            problems.add(SIGNATURE + ": is not valid base64");
        }
    }

    /** Whether {@code parse} ({@code LocalDate::parse}, {@code Instant::parse}) takes the value. */
    private static boolean parses(String value, Function<CharSequence, ?> parse) {
        try {
            parse.apply(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
