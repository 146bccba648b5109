package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportRowResult;
import io.tessera.crm.api.imports.ImportService;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The text of crm:import: the progress bar and the final counts; following a job until it ends. */
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

    /**
     * Shows the job's progress until it has ended and returns its final state. An interrupt (Ctrl-C at the console)
     * cancels the import, which then stops after the rows it is writing.
     */
    static ImportDto follow(ImportService imports, Caller caller, ImportDto started, PrintStream out) {
        ImportDto job = started;
        while (!job.status().finished()) {
            job = imports.await(caller, job.id(), Duration.ofMillis(500));
            if (Thread.interrupted() && !job.status().finished()) {
                out.println();
                out.println("Cancelling import " + job.id() + " after the rows it is writing...");
                try {
                    job = imports.cancel(caller, job.id());
                } catch (ConflictException ended) {
                    job = imports.get(caller, job.id());
                }
            }
            out.print("\r" + progress(job));
            out.flush();
        }
        out.println();
        return job;
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
            lines.add(job.status() == ImportDto.Status.CANCELLED
                    ? Character.toUpperCase(job.error().charAt(0)) + job.error().substring(1) + "."
                    : "Error: " + job.error());
        }
        return lines;
    }

    /**
     * "Row 7, column Телефон: not a phone number" for the first rejected rows, then where the rest are: an admin
     * sees at the console why rows were refused.
     */
    static List<String> rejected(ImportDto job, Page<ImportRowResult> first) {
        List<String> lines = new ArrayList<>();
        if (job.rejected() == 0) {
            return lines;
        }
        lines.add("Rejected rows:");
        for (ImportRowResult r : first.items()) {
            lines.add("  row " + r.row() + (r.column() == null ? "" : ", column " + r.column()) + ": " + r.message());
        }
        if (job.rejected() > first.items().size()) {
            lines.add("  … " + (job.rejected() - first.items().size()) + " more: crm:import-report " + job.id()
                    + " --outcome REJECTED");
        }
        lines.add("As a file to correct and import again: GET /api/v1/imports/" + job.id() + "/rejected");
        return lines;
    }

    /** Where a finished import's notes and conflicts are: the rows it kept are not listed at its end. */
    static String reportHint(ImportDto job) {
        return "Every row, with notes on values not kept and conflicts: crm:import-report " + job.id();
    }
}
