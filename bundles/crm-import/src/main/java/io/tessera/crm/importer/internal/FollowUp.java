package io.tessera.crm.importer.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The optional deal and task columns of a row: a deal (title, amount, currency, stage) and a task (title, due date)
 * created for the row's record once it is written. Values are checked while the row is parsed, so a bad amount or
 * date rejects the row before anything of it is written.
 */
final class FollowUp {
    static final List<String> FIELDS = List.of("dealTitle", "dealAmount", "dealCurrency", "dealStage", "taskTitle",
            "taskDue");

    String dealTitle;
    BigDecimal dealAmount;
    String dealCurrency;
    String dealStage;
    String taskTitle;
    LocalDate taskDue;
    /** The columns of the deal and task values, for the report. */
    String dealColumn;
    String stageColumn;
    String taskColumn;

    boolean hasDeal() {
        return dealTitle != null || dealAmount != null || dealStage != null;
    }

    boolean hasTask() {
        return taskTitle != null || taskDue != null;
    }

    /** Takes one cell; {@code reject} gets the column and the reason of a bad value. */
    void set(String field, String column, String text, BiConsumer<String, String> reject) {
        if (field.startsWith("deal")) {
            dealColumn = dealColumn == null ? column : dealColumn;
        } else {
            taskColumn = taskColumn == null ? column : taskColumn;
        }
        switch (field) {
            case "dealTitle" -> dealTitle = limited(text, 200, column, reject);
            case "dealAmount" -> {
                dealAmount = amount(text);
                if (dealAmount == null || dealAmount.signum() < 0) {
                    dealAmount = null;
                    reject.accept(column, "'" + text + "' is not an amount");
                } else if (dealAmount.stripTrailingZeros().scale() > 2) {
                    dealAmount = null;
                    reject.accept(column, "'" + text + "' has more than 2 decimals");
                }
            }
            case "dealCurrency" -> {
                String c = text.strip().toUpperCase(Locale.ROOT);
                c = switch (c) {
                    case "РУБ", "РУБ.", "Р", "Р.", "₽", "RUR" -> "RUB";
                    case "$" -> "USD";
                    case "€" -> "EUR";
                    case "₼", "МАН", "AZM" -> "AZN";
                    default -> c;
                };
                if (!c.matches("[A-Z]{3}")) {
                    reject.accept(column, "'" + text + "' is not a currency code (such as RUB, USD, EUR, AZN)");
                } else {
                    dealCurrency = c;
                }
            }
            case "dealStage" -> {
                stageColumn = column;
                dealStage = limited(text, 100, column, reject);
            }
            case "taskTitle" -> taskTitle = limited(text, 200, column, reject);
            case "taskDue" -> {
                taskDue = CellDates.parse(text.strip(), false);
                if (taskDue == null) {
                    reject.accept(column, "is not a date (use YYYY-MM-DD or DD.MM.YYYY)");
                }
            }
            default -> throw new IllegalArgumentException(field);
        }
    }

    /** After the last cell: an amount needs its currency (the deal service refuses one without the other). */
    void finish(BiConsumer<String, String> reject) {
        if (dealAmount != null && dealCurrency == null) {
            reject.accept(dealColumn, "an amount needs a currency: add a Currency column (RUB, USD, EUR, AZN...)");
        }
        if (dealAmount == null) {
            dealCurrency = null;
        }
    }

    private static String limited(String text, int max, String column, BiConsumer<String, String> reject) {
        if (text.length() > max) {
            reject.accept(column, "is longer than " + max + " characters");
            return null;
        }
        return text;
    }

    /**
     * "1 500,50", "1500.50", "1,500.50", "1.500,50", "15 000 ₽" and "1180.3333" are amounts: spaces and currency
     * signs dropped. Marks of one kind that group the digits in thousands ("1,500", "1.500.000") are grouping marks;
     * otherwise the last '.' or ',' is the decimal mark, and marks of the other kind before it group thousands. So a
     * spreadsheet's "1180.3333" is not read as 11,803,333 (the caller refuses more than two decimals).
     */
    static BigDecimal amount(String text) {
        String s = text.replaceAll("[\\s\\u00A0'₽$€₼]|руб\\.?|RUB|USD|EUR|AZN", "");
        boolean negative = s.startsWith("-");
        s = negative ? s.substring(1) : s;
        String digits = thousands(s);
        String fraction = "";
        int mark = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
        if (digits == null && mark >= 0) {
            String whole = s.substring(0, mark);
            // marks of the decimal mark's own kind cannot group the digits before it ("1,50,000")
            digits = whole.indexOf(s.charAt(mark)) >= 0 ? null : thousands(whole);
            fraction = s.substring(mark + 1);
        }
        if (digits == null || !digits.matches("[0-9]{1,15}") || !fraction.matches("[0-9]*")) {
            return null;
        }
        BigDecimal amount = new BigDecimal(fraction.isEmpty() ? digits : digits + "." + fraction);
        return negative ? amount.negate() : amount;
    }

    /** The digits of "1500", "1,500" or "1.500.000" (one kind of mark, groups of three), or null. */
    private static String thousands(String s) {
        if (s.indexOf('.') >= 0 && s.indexOf(',') >= 0) {
            return null;
        }
        return s.matches("[0-9]+|[1-9][0-9]{0,2}([.,][0-9]{3})+") ? s.replace(".", "").replace(",", "") : null;
    }

}
