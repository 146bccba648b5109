package io.tessera.crm.importer.internal;

import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import io.tessera.crm.support.jpa.Transactions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The rejected rows of an import as a CSV file to correct and import again: UTF-8 with a byte-order mark (so that
 * Excel reads it as UTF-8), the file's own delimiter (';' for an XLSX). Two columns come first, the row number and
 * the reason (a new import of the corrected file leaves them unmapped), then the file's header and each rejected
 * row's cells as they were read. Text a spreadsheet would run as a formula gets a leading apostrophe, as in an
 * export ({@link CsvExportWriter#defuse}). Read a page at a time in row order: the file may be long, the heap is not.
 */
final class RejectedRowsFile {
    static final String ROW = "Строка / Row";
    static final String REASON = "Ошибка / Error";
    private static final int PAGE = 500;

    private RejectedRowsFile() {
    }

    static void write(Transactions tx, ImportJobEntity job, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setDelimiter(delimiter(job)).build());
        List<String> header = new ArrayList<>(List.of(ROW, REASON));
        header.addAll(SourceCells.decode(job.headerCells));
        csv.printRecord(header.stream().map(CsvExportWriter::defuse).toList());
        long after = Long.MIN_VALUE;
        for (List<ImportRowEntity> page = page(tx, job.id, after); !page.isEmpty(); page = page(tx, job.id, after)) {
            for (ImportRowEntity r : page) {
                List<String> cells = new ArrayList<>(List.of(String.valueOf(r.rowNo), reason(r)));
                cells.addAll(SourceCells.decode(r.sourceCells));
                csv.printRecord(cells.stream().map(CsvExportWriter::defuse).toList());
                after = r.rowNo;
            }
        }
        csv.flush();
    }

    private static char delimiter(ImportJobEntity job) {
        if (job.delimiter == null || job.delimiter.isEmpty()) {
            return ';';
        }
        return job.delimiter.equals("\\t") ? '\t' : job.delimiter.charAt(0);
    }

    private static String reason(ImportRowEntity r) {
        return (r.columnName == null ? "" : r.columnName + ": ") + (r.message == null ? "" : r.message);
    }

    private static List<ImportRowEntity> page(Transactions tx, long importId, long after) {
        return tx.read(em -> em.createQuery("SELECT r FROM ImportRowEntity r WHERE r.importId = :id "
                        + "AND r.rowNo > :after AND r.outcome = :rejected ORDER BY r.rowNo", ImportRowEntity.class)
                .setParameter("id", importId).setParameter("after", after)
                .setParameter("rejected", Outcome.REJECTED.name()).setMaxResults(PAGE).getResultList());
    }
}
