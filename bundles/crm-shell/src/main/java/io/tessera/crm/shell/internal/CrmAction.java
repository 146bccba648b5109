package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmException;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;

/**
 * What every crm:* command does the same way: find the caller ({@link ShellCaller}), run, and turn the services'
 * {@link CrmException}s into short messages instead of stack traces. What a command says went wrong (on the
 * {@code err} stream {@link #run} gets) ends the command with a {@link CommandException}: Karaf prints its text on
 * the console, without a stack trace in the log, and {@code ssh host crm:…} exits with status 1. Karaf's own error
 * stream is not used: over {@code ssh host crm:…} what a command wrote there never reached the user.
 */
abstract class CrmAction implements Action {

    /** Where output goes; null means the session's {@code System.out} (tests set it). */
    PrintStream out;

    @Override
    public final Object execute() throws Exception {
        PrintStream o = out != null ? out : System.out;
        ByteArrayOutputStream problems = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(problems, true, StandardCharsets.UTF_8);
        try {
            Caller caller = ShellCaller.current();
            if (caller == null) {
                e.println(ShellCaller.NO_CRM_ROLE);
            } else {
                run(caller, o, e);
            }
        } catch (CrmException ex) {
            for (String line : describe(ex)) {
                e.println(line);
            }
        } finally {
            o.flush();
        }
        if (problems.size() > 0) {
            String text = problems.toString(StandardCharsets.UTF_8).stripTrailing();
            throw new CommandException(text, text);
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
