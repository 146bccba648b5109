package io.tessera.crm.importer.internal;

import io.tessera.crm.api.imports.ExportFormat;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes a table (one header row, then data rows) in one {@link ExportFormat}; never closes the target stream. */
interface ExportWriter extends AutoCloseable {

    void header(List<String> names) throws IOException;

    /** Cells are null, String, Long, BigDecimal or Boolean. */
    void row(List<Object> cells) throws IOException;

    /** Completes the file and flushes the target stream (without closing it). */
    void finish() throws IOException;

    /** Frees what the writer holds (temporary files); safe after {@link #finish()} and after a failure. */
    @Override
    void close();

    static ExportWriter of(ExportFormat format, OutputStream out, String sheetName) {
        return switch (format) {
            case CSV -> new CsvExportWriter(out);
            case XLSX -> new XlsxExportWriter(out, sheetName);
        };
    }

    /** Passes everything through but close, which only flushes: the caller owns the stream. */
    final class NoClose extends FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
