package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmException;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.ValidationException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;

/**
 * What every crm:* command does the same way: find the caller ({@link ShellCaller}), run, and turn the services'
 * {@link CrmException}s into short messages instead of stack traces.
 */
abstract class CrmAction implements Action {

    /** Where output goes; null means the session's {@code System.out} / {@code System.err} (tests set them). */
    PrintStream out;
    PrintStream err;

    @Override
    public final Object execute() throws Exception {
        PrintStream o = out != null ? out : System.out;
        PrintStream e = err != null ? err : System.err;
        Caller caller = ShellCaller.current();
        if (caller == null) {
            e.println(ShellCaller.NO_CRM_ROLE);
            return null;
        }
        try {
            run(caller, o, e);
        } catch (CrmException ex) {
            for (String line : describe(ex)) {
                e.println(line);
            }
        }
        return null;
    }

    /** The command itself, for a caller that holds a CRM role. */
    protected abstract void run(Caller caller, PrintStream out, PrintStream err) throws Exception;

    /** The lines shown for a service error: one line, plus one "  field: message" line per field for validation. */
    static List<String> describe(CrmException ex) {
        List<String> lines = new ArrayList<>();
        if (ex instanceof ValidationException v) {
            lines.add("Invalid input:");
            for (FieldError fe : v.errors()) {
                lines.add("  " + fe.field() + ": " + fe.message());
            }
        } else {
            lines.add("Error: " + ex.getMessage());
        }
        return lines;
    }
}
