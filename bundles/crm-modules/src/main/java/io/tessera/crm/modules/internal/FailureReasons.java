package io.tessera.crm.modules.internal;

import java.util.LinkedHashMap;
import java.util.Set;

/** The reason a module change failed, as answers, events, audit lines and table {@code MOD_STATE} carry it. */
final class FailureReasons {
    private static final int MAX_REASON = 1000;

    private FailureReasons() {
    }

    /** The exception's message and, when it says more, its root cause's. */
    static String describe(Throwable e) {
        LinkedHashMap<String, Boolean> messages = new LinkedHashMap<>();
        Set<Throwable> seen = new java.util.HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            String msg = t.getMessage();
            if (msg == null || msg.isBlank()) {
                continue;
            }
            boolean covered = messages.keySet().stream().anyMatch(known -> known.contains(msg.trim()));
            if (!covered) {
                messages.put(msg.trim(), Boolean.TRUE);
            }
        }
        if (messages.isEmpty()) {
            return e.getClass().getSimpleName();
        }
        return cut(String.join(": ", messages.keySet()));
    }

    static String cut(String s) {
        return s == null || s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON - 1) + "\u2026";
    }
}
