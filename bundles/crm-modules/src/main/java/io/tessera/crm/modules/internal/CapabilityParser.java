package io.tessera.crm.modules.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a capability as a Karaf feature carries it ({@code Capability.getValue()}, the text of the
 * {@code <capability>} element), in the syntax of OSGi's {@code Provide-Capability} header:
 * <pre>
 *   namespace ; key[:Type]=value ; key:=directive , namespace2 ; ...
 * </pre>
 * Values may be quoted ({@code "Funnel; forecast, win rate"}), with {@code \"} and {@code \\} escapes inside; separators
 * inside quotes do not count. Types: {@code String} (the default), {@code Long}, {@code Double}, {@code Boolean},
 * {@code Version} (kept as text) and {@code List<T>} of those (comma separated, {@code \,} for a literal comma).
 * Whitespace around names, values and separators is ignored. Anything malformed is an
 * {@link IllegalArgumentException} that says what and where, so one bad feature can be logged and skipped.
 */
final class CapabilityParser {

    /** One clause: its namespace, typed attributes and directives, each in the order written. */
    record Clause(String namespace, Map<String, Object> attributes, Map<String, String> directives) {
        Clause {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            directives = Collections.unmodifiableMap(new LinkedHashMap<>(directives));
        }
    }

    private CapabilityParser() {
    }

    /** Every clause of the capability text; empty for null or blank text. */
    static List<Clause> parse(String text) {
        List<Clause> clauses = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return clauses;
        }
        List<String> segments = new ArrayList<>();
        for (String segment : split(text, ',')) {
            int last = segments.size() - 1;
            if (last >= 0 && continuesList(segments.get(last), segment)) {
                // requires:List<String>=deals,tasks written without the quotes the syntax asks for
                segments.set(last, segments.get(last) + "," + segment);
            } else {
                segments.add(segment);
            }
        }
        for (String clause : segments) {
            if (clause.isBlank()) {
                continue; // tolerate "a;x=1," and blank lines between clauses
            }
            clauses.add(parseClause(clause));
        }
        return clauses;
    }

    /**
     * Whether {@code segment} is the next item of an unquoted list that ends {@code previous}, not a new clause: the
     * list is the last attribute of {@code previous}, and the segment's text up to its first ';' has neither '=' nor
     * '.' (namespaces are dotted names; list items such as module ids are not).
     */
    private static boolean continuesList(String previous, String segment) {
        int semicolon = indexOutsideQuotes(segment, ';');
        String head = semicolon < 0 ? segment : segment.substring(0, semicolon);
        if (head.isBlank() || head.indexOf('=') >= 0 || head.indexOf('.') >= 0 || head.indexOf('"') >= 0) {
            return false;
        }
        List<String> parts = split(previous, ';');
        String lastPart = parts.get(parts.size() - 1);
        int eq = indexOutsideQuotes(lastPart, '=');
        if (eq < 0) {
            return false;
        }
        String left = lastPart.substring(0, eq).replace(" ", "");
        String value = lastPart.substring(eq + 1).trim();
        return left.matches("[^:]+:List(<.*>)?") && !value.startsWith("\"");
    }

    private static Clause parseClause(String clause) {
        List<String> parts = split(clause, ';');
        String namespace = parts.get(0).trim();
        if (namespace.isEmpty() || namespace.indexOf('=') >= 0 || namespace.indexOf('"') >= 0) {
            throw new IllegalArgumentException("capability '" + clause.trim() + "' does not start with a namespace");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        Map<String, String> directives = new LinkedHashMap<>();
        for (int i = 1; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.isBlank()) {
                continue; // "ns;;a=1" or a trailing ';'
            }
            int eq = indexOutsideQuotes(part, '=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + part.trim() + "' in capability " + namespace
                        + " is not key=value");
            }
            String left = part.substring(0, eq).trim();
            String rawValue = part.substring(eq + 1).trim();
            if (left.endsWith(":")) {
                String name = checkName(left.substring(0, left.length() - 1).trim(), namespace);
                directives.put(name, unescape(unquote(rawValue, namespace, name)));
                continue;
            }
            String name = left;
            String type = "String";
            int colon = left.indexOf(':');
            if (colon >= 0) {
                name = left.substring(0, colon).trim();
                type = left.substring(colon + 1).trim();
            }
            checkName(name, namespace);
            if (attributes.containsKey(name)) {
                throw new IllegalArgumentException("attribute '" + name + "' is given twice in capability " + namespace);
            }
            attributes.put(name, typed(type, unquote(rawValue, namespace, name), namespace, name));
        }
        return new Clause(namespace, attributes, directives);
    }

    private static String checkName(String name, String namespace) {
        if (name.isEmpty() || !name.matches("[A-Za-z0-9_.\\-]+")) {
            throw new IllegalArgumentException("'" + name + "' in capability " + namespace + " is not a valid name");
        }
        return name;
    }

    private static Object typed(String type, String raw, String namespace, String name) {
        String t = type.replace(" ", "");
        if (t.startsWith("List<") && t.endsWith(">")) {
            String element = t.substring(5, t.length() - 1);
            List<Object> values = new ArrayList<>();
            if (!raw.isBlank()) {
                for (String item : splitList(raw)) {
                    values.add(scalar(element, unescape(item.trim()), namespace, name));
                }
            }
            return Collections.unmodifiableList(values);
        }
        if (t.equals("List")) {
            return typed("List<String>", raw, namespace, name);
        }
        return scalar(t, unescape(raw), namespace, name);
    }

    private static Object scalar(String type, String value, String namespace, String name) {
        try {
            switch (type) {
                case "String":
                case "Version":
                    return value;
                case "Long":
                    return Long.parseLong(value.trim());
                case "Double":
                    return Double.parseDouble(value.trim());
                case "Boolean":
                    String b = value.trim().toLowerCase(Locale.ROOT);
                    if (b.equals("true") || b.equals("false")) {
                        return Boolean.valueOf(b);
                    }
                    throw new IllegalArgumentException("not true or false");
                default:
                    throw new IllegalArgumentException("unknown type " + type);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("attribute '" + name + "' of capability " + namespace + ": '" + value
                    + "' is not a " + type + (e.getMessage() != null && e.getMessage().startsWith("unknown")
                    ? " (" + e.getMessage() + ")" : ""), e);
        }
    }

    /** The text without its surrounding quotes (escapes are kept for the caller to resolve). */
    private static String unquote(String raw, String namespace, String name) {
        if (raw.startsWith("\"")) {
            int end = closingQuote(raw);
            if (end != raw.length() - 1) {
                throw new IllegalArgumentException("attribute '" + name + "' of capability " + namespace
                        + " has text after its closing quote or no closing quote: " + raw);
            }
            return raw.substring(1, end);
        }
        if (raw.indexOf('"') >= 0) {
            throw new IllegalArgumentException("attribute '" + name + "' of capability " + namespace
                    + " has a stray quote: " + raw);
        }
        return raw;
    }

    private static int closingQuote(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** Resolves backslash escapes: {@code \x} is x. */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                sb.append(s.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Splits on unescaped commas (escapes stay, for {@link #unescape}). */
    private static List<String> splitList(String s) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                current.append(c).append(s.charAt(++i));
            } else if (c == ',') {
                items.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        items.add(current.toString());
        return items;
    }

    /** Splits on a separator outside double quotes; a backslash escapes the next character (kept for later). */
    private static List<String> split(String s, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                current.append(c).append(s.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unbalanced quotes in capability: " + s.trim());
        }
        parts.add(current.toString());
        return parts;
    }

    private static int indexOutsideQuotes(String s, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
