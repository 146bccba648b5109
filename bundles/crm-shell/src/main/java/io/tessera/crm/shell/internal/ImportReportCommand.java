package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.imports.ImportRowResult;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * crm:import-report ID [--outcome REJECTED,SKIPPED] [--limit N] [--next CURSOR]: the import's row-by-row report, as
 * {@code GET /api/v1/imports/{id}/rows} gives it: what became of each row, the record, and why (a rejected row's
 * column and reason, a note on a value not kept, the conflicting values left as they were).
 */
@Service
@Command(scope = "crm", name = "import-report", description = "Shows what an import did with each row of its file")
public class ImportReportCommand extends ImportJobAction {
    static final String NONE = "No rows.";

    @Option(name = "--outcome", aliases = {"-o"}, description = "Only rows with these outcomes, comma-separated: "
            + "CREATED, UPDATED, MERGED, REJECTED, SKIPPED")
    String outcome;

    @Option(name = "--limit", aliases = {"-n"}, description = "How many rows to show at most (1-500)")
    int limit = Paging.DEFAULT_LIMIT;

    @Option(name = "--next", description = "Go on where the previous page ended (the cursor it printed)")
    String next;

    @Override
    protected void run(Caller caller, PrintStream out, PrintStream err) {
        Set<ImportRowResult.Outcome> outcomes = EnumSet.noneOf(ImportRowResult.Outcome.class);
        if (outcome != null) {
            for (String name : outcome.split(",")) {
                try {
                    outcomes.add(ImportRowResult.Outcome.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    err.println("Unknown outcome " + name.strip() + ": use " + Arrays.stream(
                            ImportRowResult.Outcome.values()).map(Enum::name).collect(Collectors.joining(", ")));
                    return;
                }
            }
        }
        Page<ImportRowResult> page = imports.report(caller, id, outcomes, new Paging(limit, next));
        if (page.items().isEmpty()) {
            out.println(NONE);
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Row").alignRight();
        table.column("Outcome");
        table.column("Record").alignRight();
        table.column("Column");
        table.column("Why");
        for (ImportRowResult r : page.items()) {
            table.addRow().addContent(r.row(), r.outcome(), r.recordId() == null ? "" : r.recordId(),
                    r.column() == null ? "" : r.column(), why(r));
        }
        table.print(out);
        if (page.nextCursor() != null) {
            out.println("\u2026 more: crm:import-report " + id + (outcome == null ? "" : " --outcome " + outcome)
                    + " --limit " + limit + " --next " + page.nextCursor());
        }
    }

    /** The row's message, then its conflicts ("position: CEO -> CTO"), on one line. */
    static String why(ImportRowResult r) {
        String conflicts = r.conflicts().isEmpty() ? "" : "kept, the file differs: " + String.join("; ", r.conflicts());
        if (r.message() == null) {
            return conflicts;
        }
        return conflicts.isEmpty() ? r.message() : r.message() + "; " + conflicts;
    }
}
