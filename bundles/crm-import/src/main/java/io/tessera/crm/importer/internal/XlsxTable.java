package io.tessera.crm.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet with a row of an XLSX workbook, read with POI's event API ({@link XSSFReader} +
 * {@link XSSFSheetXMLHandler}): the sheet XML is parsed with SAX, so a big sheet is never loaded whole, and its
 * shared strings (each distinct text once) are spooled to a file ({@link SpooledStrings}). Cells are the texts the
 * spreadsheet shows (DataFormatter), but for dates ({@link IsoDates}).
 */
final class XlsxTable implements Table {
    private final Path file;
    /** Built by the first pass over the file, read by every pass; deleted by {@link #close()}. */
    private SpooledStrings strings;

    XlsxTable(Path file) {
        this.file = file;
    }

    static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        }
    }

    /** Thrown inside the SAX callback to stop reading early. */
    private static final class Stop extends SAXException {
        private static final long serialVersionUID = 1L;
    }

    /** Carries a handler's exception out of the SAX callback. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(Exception cause) {
            super(cause);
        }
    }

    @Override
    public void read(RowHandler handler) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = strings(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            Rows rows = new Rows(handler);
            // the first sheet with a row: a workbook may keep its data on "Лист2" behind an empty "Лист1"
            while (rows.index == 0 && sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows,
                            new IsoDates(), false));
                    try {
                        xml.parse(new InputSource(sheet));
                    } catch (Stop stop) {
                        return;
                    } catch (Failure f) {
                        throw (Exception) f.getCause();
                    }
                }
            }
        }
    }

    private synchronized SharedStrings strings(OPCPackage pkg) throws Exception {
        if (strings == null) {
            strings = SpooledStrings.of(pkg);
        }
        return strings;
    }

    @Override
    public synchronized void close() throws IOException {
        if (strings != null) {
            strings.close();
            strings = null;
        }
    }

    /**
     * Date cells as ISO dates ("1990-03-15", with " HH:mm[:ss]" when the cell has a time of day), whatever their
     * display format. Excel's default short date is the built-in format "m/d/yy", which each reader sees in the
     * locale of their machine (15.03.1990 in a Russian Excel): formatted as written it would give "3/15/90", a
     * two-digit year.
     */
    private static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString,
                boolean use1904Windowing) {
            // below 1 a date format shows only a time of day, which has no date to give
            if (value >= 1 && DateUtil.isValidExcelDate(value) && DateUtil.isADateFormat(formatIndex, formatString)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing, true);
                LocalTime time = at.toLocalTime();
                return time.equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString()
                        : at.toLocalDate() + " " + time.withNano(0);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();
        private long index;
        private boolean stop;

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (stop) {
                return;
            }
            boolean blank = cells.stream().allMatch(String::isBlank);
            if (blank) {
                return;
            }
            try {
                if (!handler.row(index++, new ArrayList<>(cells))) {
                    stop = true;
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new Failure(e);
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int col = cellReference == null ? cells.size() : new CellReference(cellReference).getCol();
            while (cells.size() < col) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }
    }
}
