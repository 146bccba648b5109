package io.tessera.crm.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import org.apache.karaf.shell.support.CommandException;

/** Runs the commands as Karaf does (as a JAAS subject), against small in-memory services, and reads what they print. */
abstract class CommandRunner {
    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    /**
     * Runs the command; what it reports as wrong ends it with Karaf's {@link CommandException}, whose text is kept
     * as {@link #err()}.
     */
    @SuppressWarnings("removal")
    void runAs(CrmAction action, String user, String... roles) throws Exception {
        action.out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        try {
            Object result = Subject.doAs(ShellCallerTest.subject(user, roles),
                    (PrivilegedExceptionAction<Object>) action::execute);
            assertNull(result);
        } catch (PrivilegedActionException e) {
            if (!(e.getException() instanceof CommandException failed)) {
                throw e.getException();
            }
            assertEquals(failed.getMessage(), failed.getNiceHelp());
            errBytes.write((failed.getMessage() + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        }
    }

    String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** The table's rows (header first) as trimmed cells, whatever separator ShellTable chose for the stream. */
    static List<List<String>> cells(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank() || line.matches("[-─┼+\\s]+")) {
                continue;
            }
            rows.add(Arrays.stream(line.split("[│|]", -1)).map(String::trim).collect(Collectors.toList()));
        }
        return rows;
    }

    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }
}
