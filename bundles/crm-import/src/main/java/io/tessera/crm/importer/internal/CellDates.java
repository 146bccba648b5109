package io.tessera.crm.importer.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The date a cell of a file gives: a birthday ({@link Draft}) or a task's due date ({@link FollowUp}). */
final class CellDates {
    /**
     * The date formats of date cells: ISO, with a time of day too (as {@link XlsxTable} gives a spreadsheet's date
     * cells), Russian, European, then Russian and US with two-digit years (from {@link #FIRST_TWO_DIGIT_YEAR} on),
     * which these formats read as 2000–2099.
     */
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]"), DateTimeFormatter.ofPattern("d.M.uuuu"),
            DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d.M.uu"),
            DateTimeFormatter.ofPattern("M/d/uu"));
    private static final int FIRST_TWO_DIGIT_YEAR = 4;

    private CellDates() {
    }

    /**
     * The date a cell gives in one of {@link #DATES}, or null. A two-digit year is 2000–2099; with {@code past} it is
     * the last century's when this one's would be in the future (a birthday written 15.03.90 is in 1990).
     */
    static LocalDate parse(String text, boolean past) {
        for (int i = 0; i < DATES.size(); i++) {
            try {
                LocalDate date = LocalDate.parse(text, DATES.get(i));
                return past && i >= FIRST_TWO_DIGIT_YEAR && date.isAfter(LocalDate.now()) ? date.minusYears(100)
                        : date;
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }
}
