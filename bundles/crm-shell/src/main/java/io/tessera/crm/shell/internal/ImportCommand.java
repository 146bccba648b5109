package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportRowResult;
import io.tessera.crm.api.imports.ImportService;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * crm:import FILE [--dry-run] [--mode M] [--region RU] [--companies] [--delimiter D] [--encoding E]: starts the
 * import, shows its progress until it ends (Ctrl-C cancels it after the rows it is writing), then the counts.
 */
@Service
@Command(scope = "crm", name = "import", description = "Imports contacts or companies from a CSV or XLSX file on the server")
public class ImportCommand extends CrmAction {
    /** Rejected rows listed at the end; the rest are in the report. */
    static final int SHOWN_REJECTED = 20;

    @Reference
    ImportService imports;

    @Argument(index = 0, name = "file", description = "CSV or XLSX file (a path on the server)", required = true,
            multiValued = false)
    String file;

    @Option(name = "--dry-run", aliases = {"-n"}, description = "Report what would happen, write nothing")
    boolean dryRun;

    @Option(name = "--mode", aliases = {"-m"}, description = "CREATE_ONLY, CREATE_AND_UPDATE (default) or UPDATE_ONLY")
    String mode;

    @Option(name = "--region", aliases = {"-r"}, description = "Default phone region, e.g. RU, AZ (default RU)")
    String region;

    @Option(name = "--companies", aliases = {"-c"}, description = "Import companies instead of contacts")
    boolean companies;

    @Option(name = "--delimiter", aliases = {"-d"}, description = "CSV delimiter (detected when omitted)")
    String delimiter;

    @Option(name = "--encoding", aliases = {"-e"}, description = "CSV encoding (UTF-8 or windows-1251 detected when omitted)")
    String encoding;

    @Override
    protected void run(Caller caller, PrintStream out, PrintStream err) {
        Path path = Paths.get(file);
        if (!Files.isRegularFile(path)) {
            err.println("No such file: " + file);
            return;
        }
        ImportOptions.Mode m = null;
        if (mode != null) {
            try {
                m = ImportOptions.Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                err.println("Unknown mode " + mode + ": use CREATE_ONLY, CREATE_AND_UPDATE or UPDATE_ONLY");
                return;
            }
        }
        ImportOptions options = new ImportOptions(companies ? ImportOptions.Entity.COMPANIES : null, m, dryRun,
                Map.of(), delimiter, encoding, region);
        ImportDto job = imports.start(caller, path.getFileName().toString(), path, options);
        job = ImportLines.follow(imports, caller, job, out);
        for (String line : ImportLines.summary(job)) {
            out.println(line);
        }
        if (job.rejected() > 0) {
            Page<ImportRowResult> first = imports.report(caller, job.id(), Set.of(ImportRowResult.Outcome.REJECTED),
                    new Paging(SHOWN_REJECTED, null));
            for (String line : ImportLines.rejected(job, first)) {
                out.println(line);
            }
        }
        if (job.rowsDone() > 0) {
            out.println(ImportLines.reportHint(job));
        }
    }
}
