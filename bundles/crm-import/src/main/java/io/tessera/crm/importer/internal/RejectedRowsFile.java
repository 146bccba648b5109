package io.tessera.crm.importer.internal;

import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import io.tessera.crm.support.jpa.Transactions;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rejected rows of an import as a CSV file to correct and import again, written as an export writes CSV
 * ({@link CsvExportWriter}: UTF-8 with a byte-order mark, formulas defused) but with the file's own delimiter (';' for
 * an XLSX). Two columns come first, the row number and the reason (a new import of the corrected file leaves them
 * unmapped), then the file's header and each rejected row's cells as they were read. Read a page at a time in row
 * order: the file may be long, the heap is not.
 */
final class RejectedRowsFile {
    static final String ROW = "Строка / Row";
    static final String REASON = "Ошибка / Error";
    private static final int PAGE = 500;

    private RejectedRowsFile() {
    }

    static void write(Transactions tx, ImportJobEntity job, OutputStream out) throws IOException {
        char delimiter = job.delimiter == null || job.delimiter.isEmpty() ? ';' : CsvTable.delimiterOf(job.delimiter);
        try (CsvExportWriter csv = new CsvExportWriter(out, delimiter)) {
            List<String> header = new ArrayList<>(List.of(ROW, REASON));
            header.addAll(SourceCells.decode(job.headerCells));
            csv.header(header);
            long after = Long.MIN_VALUE;
            for (List<ImportRowEntity> page = page(tx, job.id, after); !page.isEmpty(); page = page(tx, job.id, after)) {
                for (ImportRowEntity r : page) {
                    List<Object> cells = new ArrayList<>(List.of(String.valueOf(r.rowNo), reason(r)));
                    cells.addAll(SourceCells.decode(r.sourceCells));
                    csv.row(cells);
                    after = r.rowNo;
                }
            }
            csv.finish();
        }
    }

    private static String reason(ImportRowEntity r) {
        return (r.columnName == null ? "" : r.columnName + ": ") + (r.message == null ? "" : r.message);
    }

    private static List<ImportRowEntity> page(Transactions tx, long importId, long after) {
        return tx.read(em -> ReportRows.page(em, importId, after, Set.of(Outcome.REJECTED), PAGE));
    }
}
