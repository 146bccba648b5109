package io.tessera.crm.importer.internal;

import io.tessera.crm.api.CrmException;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.imports.ImportRowResult.Outcome;

/**
 * What happened to each row of a run, on its report row, and the job's counts of each outcome: a row counts once,
 * and a row whose record could not be written after all is taken back out of its count ({@link #takeBack}).
 */
final class RowOutcomes {
    private final Job job;

    RowOutcomes(Job job) {
        this.job = job;
    }

    void set(ImportRowEntity r, Outcome outcome, Long recordId, String column, String message) {
        r.outcome = outcome.name();
        r.recordId = recordId;
        r.columnName = column == null ? null : cut(column, 300);
        r.message = message == null ? null : cut(message, 2000);
        count(outcome, 1);
    }

    /** A row the contacts bundle refused: the column of the first field error when it is a validation error. */
    void reject(ImportRowEntity r, Draft d, CrmException e) {
        String column = null;
        if (e instanceof ValidationException ve && !ve.errors().isEmpty()) {
            FieldError fe = ve.errors().get(0);
            String field = fe.field().replaceAll("\\[.*$", "").replaceAll("\\..*$", "");
            column = d.columnOf.get(field);
        }
        set(r, Outcome.REJECTED, null, column, e.getMessage());
    }

    /** Takes back a row's counted outcome (its record could not be written). */
    void takeBack(ImportRowEntity r) {
        if (r.outcome == null) {
            return;
        }
        count(Outcome.valueOf(r.outcome), -1);
        r.outcome = null;
    }

    private void count(Outcome outcome, int delta) {
        switch (outcome) {
            case CREATED -> job.created += delta;
            case UPDATED -> job.updated += delta;
            case MERGED -> job.merged += delta;
            case SKIPPED -> job.skipped += delta;
            case REJECTED -> job.rejected += delta;
        }
    }

    /** Adds notes to the row's message (a report message holds at most 2,000 characters). */
    static void addNotes(ImportRowEntity r, String notes) {
        r.message = cut((r.message == null ? "" : r.message + "; ") + notes, 2000);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
