package io.tessera.crm.api.imports;

/**
 * The file formats of {@link ExportService}.
 */
public enum ExportFormat {
    /**
     * RFC 4180 CSV: UTF-8 with a byte order mark (so that Excel opens Cyrillic and Azerbaijani text correctly), ','
     * as the delimiter, CRLF between records, a field quoted with '"' only when it holds ',', '"', a line break or
     * starts with a character that needs it. Excel in a locale whose list separator is ';' (Russian, for one) does
     * not split such a file on double-click; use its "Data, From Text/CSV" or choose {@link #XLSX}. A text value
     * starting with '=', '@', a tab or a carriage return, or with '+' or '-' when it is not a plain number or phone
     * number, gets a leading apostrophe so that a spreadsheet never runs it as a formula (CSV injection).
     */
    CSV("text/csv;charset=UTF-8", "csv"),
    /**
     * An Excel workbook with one sheet, written as a stream (only a small window of rows is in memory). Numbers are
     * number cells, yes/no values boolean cells, everything else text cells (dates as ISO-8601 text); a text longer
     * than Excel's limit of 32,767 characters is cut there.
     */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The HTTP Content-Type of a file in this format. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }
}
