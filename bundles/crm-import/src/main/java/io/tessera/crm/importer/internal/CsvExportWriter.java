package io.tessera.crm.importer.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV in UTF-8 with a BOM (Excel reads the file as UTF-8 only with it), ',' (or the delimiter given) between
 * fields, CRLF between records, quotes only where needed. Text that a spreadsheet would run as a formula gets a
 * leading apostrophe.
 */
final class CsvExportWriter implements ExportWriter {
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /**
     * '+' or '-' followed by nothing but digits, spaces and ()./+-; : a number, a phone number or a list of phone
     * numbers ("+79123456789; +74951234567"). Without letters, '=', '!', '|' or quotes it cannot call a function,
     * refer to a cell or run a command, whatever a spreadsheet makes of it.
     */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-][0-9 ().+\\-/;]*");

    private final OutputStream target;
    private final BufferedWriter writer;
    private final CSVPrinter printer;

    CsvExportWriter(OutputStream out) {
        this(out, ',');
    }

    CsvExportWriter(OutputStream out, char delimiter) {
        this.target = out;
        this.writer = new BufferedWriter(new OutputStreamWriter(new ExportWriter.NoClose(out), StandardCharsets.UTF_8),
                1 << 16);
        try {
            out.write(BOM);
            this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setDelimiter(delimiter).build());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void header(List<String> names) throws IOException {
        // a custom field's name, or a header copied from an imported file, is text someone typed
        printer.printRecord(names.stream().map(CsvExportWriter::defuse).toList());
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        List<String> values = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            values.add(text(cell));
        }
        printer.printRecord(values);
    }

    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (cell instanceof String s) {
            return defuse(s);
        }
        return cell.toString();
    }

    /** "=HYPERLINK(...)" becomes "'=HYPERLINK(...)"; "+7 912 345-67-89" and "-5" stay as they are. */
    static String defuse(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char first = s.charAt(0);
        boolean risky = first == '=' || first == '@' || first == '\t' || first == '\r'
                || ((first == '+' || first == '-') && !PLAIN_NUMBER.matcher(s).matches());
        return risky ? "'" + s : s;
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
        writer.flush();
        target.flush();
    }

    @Override
    public void close() {
        // nothing of its own: the target stream belongs to the caller
    }
}
