package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.contacts.RecordQuery;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** crm:contacts [QUERY] [--limit N] [--archived] */
@Service
@Command(scope = "crm", name = "contacts", description = "Lists the contacts you may see")
public class ContactsCommand extends CrmAction {

    static final String NONE = "No contacts.";
    static final String MORE = "\u2026 more, refine the query";

    @Reference
    ContactService contacts;

    @Argument(index = 0, name = "query", description = "Text to look for in names, emails and phones",
            required = false, multiValued = false)
    String query;

    @Option(name = "--limit", aliases = {"-n"}, description = "How many contacts to show at most (1-500)",
            required = false, multiValued = false)
    int limit = Paging.DEFAULT_LIMIT;

    @Option(name = "--archived", aliases = {"-a"}, description = "List the archived contacts instead of the live ones",
            required = false, multiValued = false)
    boolean archived;

    @Override
    protected void run(Caller caller, PrintStream out, PrintStream err) {
        Paging paging = new Paging(limit, null);
        String q = query == null || query.isBlank() ? null : query.trim();
        Page<ContactDto> page = contacts.list(caller, new RecordQuery(q, null, null, null, archived, null, paging));
        if (page.items().isEmpty()) {
            out.println(NONE);
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Name");
        table.column("Emails");
        table.column("Phones");
        table.column("Owner");
        table.column("Companies");
        for (ContactDto c : page.items()) {
            table.addRow().addContent(c.id(), Format.name(c.firstName(), c.lastName()), Format.join(c.emails()),
                    Format.join(c.phones()), c.owner() == null ? "" : c.owner(), Format.join(c.companyIds()));
        }
        table.print(out);
        if (page.nextCursor() != null) {
            out.println(MORE);
        }
    }
}
