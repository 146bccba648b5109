package io.tessera.crm.licensetool;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --name value} or {@code --name=value} options, and the positional arguments; dates, times and numbers read
 * from them with a usage error that names the option.
 */
final class Arguments {
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();

    static Arguments parse(String[] args) throws UsageException {
        Arguments a = new Arguments();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException("--" + name + " needs a value");
                }
                if (a.options.put(name, value) != null) {
                    throw new UsageException("--" + name + " is given twice");
                }
            } else {
                a.positionals.add(arg);
            }
        }
        return a;
    }

    void allow(String... names) throws UsageException {
        List<String> allowed = List.of(names);
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
    }

    String required(String name) throws UsageException {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    String optional(String name) {
        return options.get(name);
    }

    List<String> positionals() {
        return positionals;
    }

    void noPositionals() throws UsageException {
        if (!positionals.isEmpty()) {
            throw new UsageException("unexpected argument '" + positionals.get(0) + "'");
        }
    }

    static LocalDate date(String option, String value) throws UsageException {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + option + " must be a date such as 2027-12-31, not '" + value + "'");
        }
    }

    static Instant instant(String option, String value) throws UsageException {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + option + " must be a UTC time such as 2026-11-23T10:00:00Z, not '"
                    + value + "'");
        }
    }

    static int number(String option, String value) throws UsageException {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " must be a whole number, not '" + value + "'");
        }
    }
}
