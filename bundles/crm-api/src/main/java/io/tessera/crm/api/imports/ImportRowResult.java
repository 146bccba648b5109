package io.tessera.crm.api.imports;

import java.util.List;

/**
 * What became of one data row ({@code row} counts from 1 at the first line after the header, as a spreadsheet
 * shows it minus one). {@code recordId} is the record created, changed or matched; {@code column} and
 * {@code message} say why a row was rejected or skipped; {@code conflicts} lists the values the file had that differ
 * from non-empty values of the existing record (kept, not overwritten), as "field: stored -> in file".
 */
public record ImportRowResult(long row, Outcome outcome, Long recordId, String column, String message,
                              List<String> conflicts) {

    public enum Outcome { CREATED, UPDATED, MERGED, REJECTED, SKIPPED }

    public ImportRowResult {
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }
}
