package io.tessera.crm.shell.internal;

import io.tessera.crm.api.modules.ModuleDto;
import io.tessera.crm.api.modules.ModuleState;
import io.tessera.crm.api.owners.ReassignResult;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** "enabled", "available", "failed", "not-licensed". */
    static String state(ModuleState state) {
        return state == null ? "" : state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The time in {@code zone} to the minute; empty when unknown. */
    static String since(Instant since, ZoneId zone) {
        return since == null ? "" : SINCE.format(since.atZone(zone));
    }

    /** The reason, then the warnings, "; " between them. */
    static String notes(String reason, List<String> warnings) {
        List<String> parts = new ArrayList<>();
        if (reason != null && !reason.isBlank()) {
            parts.add(reason);
        }
        if (warnings != null) {
            warnings.stream().filter(w -> w != null && !w.isBlank()).forEach(parts::add);
        }
        return String.join("; ", parts);
    }

    /**
     * What enable/disable print: each warning as a "Note:" line, then "Module analytics (Analytics 0.1.0) is now
     * enabled". When the module did not end up as asked ({@code wanted}: enabled or not), the state and reason go to
     * the error stream instead.
     */
    static void moduleResult(ModuleDto m, boolean wantEnabled, PrintStream out, PrintStream err) {
        if (m.warnings() != null) {
            m.warnings().forEach(w -> out.println("Note: " + w));
        }
        String what = "Module " + m.id() + " (" + m.name() + " " + m.version() + ")";
        boolean enabled = m.state() == ModuleState.ENABLED;
        if (m.state() == ModuleState.FAILED) {
            err.println(what + " failed: " + m.reason());
        } else if (enabled != wantEnabled) {
            err.println(what + " is still " + state(m.state()));
        } else {
            out.println(what + " is now " + state(m.state()));
        }
    }
}
