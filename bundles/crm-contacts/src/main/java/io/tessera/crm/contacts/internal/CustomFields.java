package io.tessera.crm.contacts.internal;

import io.tessera.crm.support.validation.Checks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Custom fields: keys of 1..64 letters, digits, '_' or '-'; values strings (at most 1000 characters), numbers,
 * booleans or null. Stored as text with a type prefix so they come back with their type: {@code s:} string,
 * {@code i:} whole number (back as Long), {@code d:} decimal number (back as BigDecimal), {@code b:} boolean,
 * {@code n:} null.
 */
final class CustomFields {
    static final int MAX_FIELDS = 50;
    static final int MAX_KEY_LENGTH = 64;
    static final int MAX_STRING_LENGTH = 1000;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private CustomFields() {
    }

    /** Checks and encodes the input; the result is what the entity stores. */
    static Map<String, String> encode(Checks checks, Map<String, Object> input) {
        Map<String, String> out = new HashMap<>();
        if (input == null) {
            return out;
        }
        if (input.size() > MAX_FIELDS) {
            checks.add("customFields", "has more than " + MAX_FIELDS + " entries");
        }
        for (Map.Entry<String, Object> entry : input.entrySet()) {
            String key = entry.getKey();
            if (key == null) {
                checks.add("customFields", "a key is missing");
                continue;
            }
            String field = "customFields." + (key.length() > MAX_KEY_LENGTH + 8 ? key.substring(0, MAX_KEY_LENGTH) + "…" : key);
            if (!validKey(key)) {
                checks.add(field, "the key must be 1 to " + MAX_KEY_LENGTH + " letters, digits, '_' or '-'");
                continue;
            }
            String encoded = encodeValue(checks, field, entry.getValue());
            if (encoded != null) {
                out.put(key, encoded);
            }
        }
        return out;
    }

    static boolean validKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (!Character.isLetterOrDigit(ch) && ch != '_' && ch != '-') {
                return false;
            }
        }
        return true;
    }

    private static String encodeValue(Checks checks, String field, Object value) {
        if (value == null) {
            return "n:";
        }
        if (value instanceof String s) {
            if (s.length() > MAX_STRING_LENGTH) {
                checks.add(field, "is longer than " + MAX_STRING_LENGTH + " characters");
                return null;
            }
            return "s:" + s;
        }
        if (value instanceof Boolean b) {
            return "b:" + b;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return "i:" + ((Number) value).longValue();
        }
        if (value instanceof BigInteger bi) {
            return number(checks, field, new BigDecimal(bi));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                checks.add(field, "must be a finite number");
                return null;
            }
            return number(checks, field, new BigDecimal(value.toString()));
        }
        if (value instanceof BigDecimal bd) {
            return number(checks, field, bd);
        }
        checks.add(field, "must be a string, number, boolean or null");
        return null;
    }

    /**
     * Numbers without trailing zeros (4.50 is 4.5, 4.0 is the whole number 4), so that a value survives a JSON round
     * trip unchanged; whole numbers that fit come back as Long.
     */
    private static String number(Checks checks, String field, BigDecimal value) {
        BigDecimal n = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (n.scale() <= 0 && n.compareTo(new BigDecimal(LONG_MIN)) >= 0 && n.compareTo(new BigDecimal(LONG_MAX)) <= 0) {
            return "i:" + n.longValueExact();
        }
        String text = n.toPlainString();
        if (text.length() > MAX_STRING_LENGTH) {
            checks.add(field, "is too large a number");
            return null;
        }
        return "d:" + text;
    }

    /** The API view: sorted by key, values with their type. */
    static Map<String, Object> decode(Map<String, String> stored) {
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, String> entry : stored.entrySet()) {
            out.put(entry.getKey(), decodeValue(entry.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object decodeValue(String stored) {
        if (stored == null || stored.length() < 2) {
            return null;
        }
        String body = stored.substring(2);
        switch (stored.charAt(0)) {
            case 's':
                return body;
            case 'b':
                return Boolean.valueOf(body);
            case 'i':
                return Long.valueOf(body);
            case 'd':
                return new BigDecimal(body);
            default:
                return null;
        }
    }
}
