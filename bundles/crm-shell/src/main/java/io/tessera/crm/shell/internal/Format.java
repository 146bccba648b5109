package io.tessera.crm.shell.internal;

import io.tessera.crm.api.owners.ReassignResult;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Text helpers of the commands, kept apart so they can be tested without a console. */
final class Format {

    private Format() {
    }

    /** "Moved 12 records from anna to boris: companies 3, contacts 5, deals 2, tasks 2" (types sorted by name). */
    static String reassigned(ReassignResult r) {
        StringBuilder sb = new StringBuilder("Moved ").append(r.total()).append(r.total() == 1 ? " record" : " records")
                .append(" from ").append(r.from()).append(" to ").append(r.to());
        Map<String, Integer> counts = r.counts() == null ? Map.of() : new TreeMap<>(r.counts());
        if (!counts.isEmpty()) {
            sb.append(": ").append(counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }

    /** The values joined with ", "; empty for null or empty. */
    static String join(Collection<?> values) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** "First Last", without stray blanks when a part is missing. */
    static String name(String first, String last) {
        String f = first == null ? "" : first.trim();
        String l = last == null ? "" : last.trim();
        return (f + " " + l).trim();
    }
}
