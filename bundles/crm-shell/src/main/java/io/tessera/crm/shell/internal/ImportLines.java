package io.tessera.crm.shell.internal;

import io.tessera.crm.api.imports.ImportDto;
import java.util.ArrayList;
import java.util.List;

/** The text of crm:import: the progress bar and the final counts. */
final class ImportLines {
    static final int WIDTH = 30;

    private ImportLines() {
    }

    /** "[#########.....................]  3000/10000 rows  1520 rows/s" */
    static String progress(ImportDto job) {
        long total = Math.max(job.rowsTotal(), job.rowsDone());
        int filled = total == 0 ? 0 : (int) (WIDTH * job.rowsDone() / total);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + job.rowsDone() + "/"
                + (job.rowsTotal() == 0 ? "?" : String.valueOf(job.rowsTotal())) + " rows  "
                + Math.round(job.rate()) + " rows/s";
    }

    static List<String> summary(ImportDto job) {
        List<String> lines = new ArrayList<>();
        lines.add("Import " + job.id() + (job.dryRun() ? " (dry run, nothing written)" : "") + ": " + job.status());
        lines.add("Created " + job.created() + ", updated " + job.updated() + ", merged " + job.merged()
                + ", skipped " + job.skipped() + ", rejected " + job.rejected());
        if (!job.unmappedColumns().isEmpty()) {
            lines.add("Columns not imported: " + String.join(", ", job.unmappedColumns()));
        }
        if (job.error() != null) {
            lines.add("Error: " + job.error());
        }
        if (job.rejected() > 0) {
            lines.add("Rejected rows: GET /api/v1/imports/" + job.id() + "/rows");
        }
        return lines;
    }
}
