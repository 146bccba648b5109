package io.tessera.crm.importer.internal;

import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportDto.Status;
import io.tessera.crm.api.imports.ImportOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The live state of a queued or running import. Written only by the import thread, read by anyone (volatile fields):
 * {@code get} shows progress without touching the database. The one exception is a cancel: {@link #start} and
 * {@link #cancel} decide under the job's lock whether a queued job runs or is cancelled.
 */
final class Job {
    final long id;
    final String owner;
    final String fileName;
    final ImportOptions options;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    volatile Status status = Status.QUEUED;
    volatile long rowsTotal;
    volatile long rowsDone;
    volatile long created;
    volatile long updated;
    volatile long merged;
    volatile long skipped;
    volatile long rejected;
    volatile List<String> unmapped = List.of();
    volatile String encoding;
    volatile String delimiter;
    volatile Instant startedAt;
    volatile Instant finishedAt;
    volatile String error;
    /** Who cancelled the job; once set, a running import stops after the buffer it is writing. */
    private volatile String cancelledBy;

    Job(long id, String owner, String fileName, ImportOptions options) {
        this.id = id;
        this.owner = owner;
        this.fileName = fileName;
        this.options = options;
    }

    /** The state of a finished job as stored, for an undo to carry on from. */
    static Job of(ImportJobEntity e) {
        Job job = new Job(e.id, e.owner, e.fileName, new ImportOptions(ImportOptions.Entity.valueOf(e.entity),
                ImportOptions.Mode.valueOf(e.mode), e.dryRun, null, e.delimiter, e.encoding, null));
        job.status = Status.valueOf(e.status);
        job.rowsTotal = e.rowsTotal;
        job.rowsDone = e.rowsDone;
        job.created = e.created;
        job.updated = e.updated;
        job.merged = e.merged;
        job.skipped = e.skipped;
        job.rejected = e.rejected;
        job.unmapped = e.unmapped == null ? List.of() : List.of(e.unmapped.split("\n"));
        job.encoding = e.encoding;
        job.delimiter = e.delimiter;
        job.startedAt = e.startedAt == null ? null : e.startedAt.toInstant();
        job.finishedAt = e.finishedAt == null ? null : e.finishedAt.toInstant();
        job.error = e.error;
        return job;
    }

    /** Marks a queued job RUNNING; false if it was cancelled while it waited (then it must not run). */
    synchronized boolean start() {
        if (status != Status.QUEUED) {
            return false;
        }
        status = Status.RUNNING;
        startedAt = Instant.now();
        return true;
    }

    /**
     * Cancels a queued job at once and returns true; a job already running is only asked to stop (false): the import
     * thread finishes the buffer it is writing and then ends the job as CANCELLED.
     */
    synchronized boolean cancel(String by) {
        cancelledBy = by;
        if (status != Status.QUEUED) {
            return false;
        }
        status = Status.CANCELLED;
        finishedAt = Instant.now();
        error = "cancelled by " + by + " before it started";
        return true;
    }

    boolean cancelRequested() {
        return cancelledBy != null;
    }

    /** Ends a running job that stopped early at a cancel: where it stopped, and what is left to do about it. */
    void cancelled() {
        status = Status.CANCELLED;
        String where = rowsDone == 0 ? "before its first row"
                : "after row " + rowsDone + (rowsTotal > 0 ? " of " + rowsTotal : "");
        error = "cancelled by " + cancelledBy + " " + where + (options.isDryRun() || rowsDone == 0 ? ""
                : ": the rows up to there are imported; an undo reverts them, importing the file again takes the"
                + " rest (the rows already in are found as duplicates)");
    }

    ImportDto toDto() {
        return dto(id, fileName, options.entity(), options.mode(), options.isDryRun(), status, rowsTotal, rowsDone,
                created, updated, merged, skipped, rejected, unmapped, encoding, delimiter, owner, startedAt,
                finishedAt, error);
    }

    static ImportDto dto(long id, String fileName, ImportOptions.Entity entity, ImportOptions.Mode mode,
                         boolean dryRun, Status status, long total, long done, long created, long updated,
                         long merged, long skipped, long rejected, List<String> unmapped, String encoding,
                         String delimiter, String owner, Instant startedAt, Instant finishedAt, String error) {
        double rate = 0;
        if (startedAt != null && done > 0) {
            Instant end = finishedAt == null ? Instant.now() : finishedAt;
            long millis = Math.max(1, Duration.between(startedAt, end).toMillis());
            rate = Math.round(done * 1000.0 / millis * 10) / 10.0;
        }
        return new ImportDto(id, fileName, entity, mode, dryRun, status, total, done, rate, created, updated, merged,
                skipped, rejected, unmapped, encoding, delimiter, owner, startedAt, finishedAt, error);
    }
}
