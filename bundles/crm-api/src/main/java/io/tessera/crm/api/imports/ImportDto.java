package io.tessera.crm.api.imports;

import io.tessera.crm.api.imports.ImportOptions.Entity;
import io.tessera.crm.api.imports.ImportOptions.Mode;
import java.time.Instant;
import java.util.List;

/**
 * An import job. {@code rowsTotal} is known after the first quick pass over the file (0 until then);
 * {@code rate} is data rows per second so far. {@code unmappedColumns} are the headers no field was found for
 * (reported, not imported). {@code error} says why a FAILED job failed, and who cancelled a CANCELLED one where.
 */
public record ImportDto(long id, String fileName, Entity entity, Mode mode, boolean dryRun, Status status,
                        long rowsTotal, long rowsDone, double rate, long created, long updated, long merged,
                        long skipped, long rejected, List<String> unmappedColumns, String encoding,
                        String delimiter, String owner, Instant startedAt, Instant finishedAt, String error) {

    /**
     * CANCELLED: stopped at a user's request, before it started or after the buffer of rows it was writing; the rows
     * before that point are imported and reported ({@code rowsDone}), and an undo reverts them like any import's.
     * UNDOING: an undo was started and runs in the background; UNDONE when it has ended.
     */
    public enum Status { QUEUED, RUNNING, DONE, CANCELLED, FAILED, UNDOING, UNDONE;

        public boolean finished() {
            return this != QUEUED && this != RUNNING && this != UNDOING;
        }
    }

    public ImportDto {
        unmappedColumns = unmappedColumns == null ? List.of() : List.copyOf(unmappedColumns);
    }
}
