package io.tessera.crm.importer.internal;

import java.io.IOException;
import java.util.List;

/**
 * A file read streamingly, pushing one row at a time: row 0 is the header, then the data rows in file order. Blank
 * cells are empty strings; a row may be shorter than the header. Each row is a list of its own, which the handler
 * may keep. Never holds more than one row in memory. Closed when the import is done with it.
 */
interface Table extends java.io.Closeable {

    interface RowHandler {
        /** Return false to stop reading. */
        boolean row(long index, List<String> cells) throws Exception;
    }

    void read(RowHandler handler) throws Exception;

    /** The encoding and delimiter actually used (CSV only), for the job's report. */
    default String encoding() {
        return null;
    }

    default String delimiter() {
        return null;
    }

    /** Deletes what the reads kept on disk (an XLSX file's spooled texts). */
    @Override
    default void close() throws IOException {
        // nothing kept
    }

    /** The reader for a file: XLSX by the ".xlsx" extension or a ZIP signature, else CSV. */
    static Table open(java.nio.file.Path file, String fileName, String encoding, String delimiter) throws IOException {
        String name = fileName == null ? file.getFileName().toString() : fileName;
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") || XlsxTable.isZip(file)) {
            return new XlsxTable(file);
        }
        return new CsvTable(file, encoding, delimiter);
    }
}
