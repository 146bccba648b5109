package io.tessera.crm.api.imports;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Imports of companies and contacts from CSV (any of the delimiters , ; TAB |, UTF-8 with or without BOM, or
 * Windows-1251) and XLSX files. An import runs in the background: {@code start} checks the options, queues the job and
 * returns at once; {@link #get} shows its progress; {@link #report} lists one result per data row.
 * Every record is written through the contacts services, so the caller's visibility and validation rules apply. Only
 * admins and managers may import ({@link io.tessera.crm.api.AccessDeniedException} otherwise); a job is visible to
 * its starter and to admins ({@link io.tessera.crm.api.NotFoundException} for others).
 */
public interface ImportService {

    /**
     * Starts an import of the stream; the stream is copied (streamed, never held in memory whole) before this method
     * returns, so the caller may close it. {@code fileName} (may be null) tells XLSX from CSV by its extension; a
     * ZIP signature is read as XLSX too. Invalid options are a {@link io.tessera.crm.api.ValidationException} naming
     * the option ({@code mode}, {@code mapping.<column>}, {@code delimiter}, {@code encoding}, {@code defaultRegion}).
     */
    ImportDto start(Caller caller, String fileName, InputStream data, ImportOptions options);

    /** As {@link #start(Caller, String, InputStream, ImportOptions)}, reading a file that stays in place. */
    ImportDto start(Caller caller, String fileName, Path file, ImportOptions options);

    /** The job with its progress (rows done of total, rate) and its counts. */
    ImportDto get(Caller caller, long id);

    /** The imports the caller may see (an admin's: all), newest first, with their state as {@link #get} gives it. */
    Page<ImportDto> list(Caller caller, Paging paging);

    /**
     * Waits at most {@code timeout} for the job to finish and returns its state then (finished or not): lets a console
     * show progress without polling in a sleep loop.
     */
    ImportDto await(Caller caller, long id, Duration timeout);

    /** The row-by-row report, in row order. */
    default Page<ImportRowResult> report(Caller caller, long id, Paging paging) {
        return report(caller, id, Set.of(), paging);
    }

    /**
     * The rows of the report with one of these outcomes (every row when the set is empty), in row order: a large
     * file's rejected rows without paging through the rest.
     */
    Page<ImportRowResult> report(Caller caller, long id, Set<ImportRowResult.Outcome> outcomes, Paging paging);

    /**
     * Writes the import's rejected rows as a CSV file to correct and import again (UTF-8 with a byte-order mark, the
     * file's delimiter or ';'): first the row number and the reason, then the row's cells as they were read under
     * the file's header. A new import of the corrected file leaves the first two columns unmapped.
     */
    void writeRejectedRows(Caller caller, long id, OutputStream out) throws IOException;

    /**
     * Starts reverting a finished import and returns at once with the status {@code UNDOING}; the undo runs in the
     * background ({@link #await} waits for it, {@code UNDONE} when it has ended). The records the import created are
     * archived (in bulk), the records it changed get back the values they had before (from the before-image stored per
     * row); records changed again since are reported in the job's error, the rest is still undone. A dry run, a
     * running job, an undo under way or an undone job is a {@link io.tessera.crm.api.ConflictException}.
     */
    ImportDto undo(Caller caller, long id);

    /**
     * Cancels an import: a queued one never starts ({@code CANCELLED} at once); a running one stops after the buffer
     * of rows it is writing, so that no row is left half-written, and returns at once ({@link #await} waits for the
     * stop). What it imported before stays, is reported, and can be undone. Needs the role crm-admin or crm-manager,
     * like starting one. An import already cancelled is returned as it is; one that has finished or is being undone
     * is a {@link io.tessera.crm.api.ConflictException}.
     */
    ImportDto cancel(Caller caller, long id);
}
