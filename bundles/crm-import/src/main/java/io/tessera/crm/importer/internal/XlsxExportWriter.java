package io.tessera.crm.importer.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One sheet through POI's streaming writer: only the last {@link #WINDOW} rows stay in memory, older ones go to a
 * compressed temporary file that {@link #close()} deletes.
 */
final class XlsxExportWriter implements ExportWriter {
    static final int WINDOW = 100;
    static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private int next;

    XlsxExportWriter(OutputStream out, String sheetName) {
        this.out = out;
        this.workbook = withPoiContext(() -> new SXSSFWorkbook(WINDOW));
        workbook.setCompressTempFiles(true);
        this.sheet = workbook.createSheet(sheetName);
    }

    @Override
    public void header(List<String> names) throws IOException {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        Row row = sheet.createRow(next++);
        for (int i = 0; i < names.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names.get(i));
            cell.setCellStyle(style);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Long l) {
                cell.setCellValue(l.doubleValue());
            } else if (value instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
            } else if (value instanceof Boolean b) {
                cell.setCellValue(b);
            } else {
                String s = value.toString();
                cell.setCellValue(s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s);
            }
        }
    }

    @Override
    public void finish() throws IOException {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(SXSSFWorkbook.class.getClassLoader());
        try {
            workbook.write(new ExportWriter.NoClose(out));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        out.flush();
    }

    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException ignored) {
            // only temporary files, already disposed of
        }
    }

    /** XMLBeans finds POI's schema types through the context class loader; in OSGi that must be POI's own. */
    private static <T> T withPoiContext(java.util.function.Supplier<T> action) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(SXSSFWorkbook.class.getClassLoader());
        try {
            return action.get();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
