package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportService;
import java.io.PrintStream;
import java.time.ZoneId;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** crm:imports [--limit N]: the imports you may see, newest first (the id is what crm:import-undo takes). */
@Service
@Command(scope = "crm", name = "imports", description = "Lists the imports you may see, newest first")
public class ImportsCommand extends CrmAction {

    static final String NONE = "No imports.";
    static final String MORE = "\u2026 more, raise --limit";

    @Reference
    ImportService imports;

    @Option(name = "--limit", aliases = {"-n"}, description = "How many imports to show at most (1-500)",
            required = false, multiValued = false)
    int limit = Paging.DEFAULT_LIMIT;

    @Override
    protected void run(Caller caller, PrintStream out, PrintStream err) {
        Page<ImportDto> page = imports.list(caller, new Paging(limit, null));
        if (page.items().isEmpty()) {
            out.println(NONE);
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Started");
        table.column("File");
        table.column("Status");
        table.column("Rows").alignRight();
        table.column("Created").alignRight();
        table.column("Updated").alignRight();
        table.column("Merged").alignRight();
        table.column("Skipped").alignRight();
        table.column("Rejected").alignRight();
        table.column("Owner");
        for (ImportDto i : page.items()) {
            table.addRow().addContent(i.id(), Format.since(i.startedAt(), ZoneId.systemDefault()),
                    i.fileName() == null ? "" : i.fileName(),
                    i.status() + (i.dryRun() ? " (dry run)" : ""), i.rowsDone() + "/" + i.rowsTotal(), i.created(),
                    i.updated(), i.merged(), i.skipped(), i.rejected(), i.owner());
        }
        table.print(out);
        if (page.nextCursor() != null) {
            out.println(MORE);
        }
    }
}
