package io.tessera.crm.importer.internal;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A table whose header may come after title rows (a report's name and date above its columns, as 1C and Excel reports
 * write them). The header is the first of the first {@value #SEARCHED} rows in which the most cells name a field (the
 * first row when none does); the rows above it are skipped and the rows are numbered from it, so row 0 is the header.
 */
final class HeaderRow implements Table {
    static final int SEARCHED = 10;

    private final Table table;
    private final ToIntFunction<List<String>> fieldsNamed;
    private long headerAt = -1;
    private int headerFields;

    HeaderRow(Table table, ToIntFunction<List<String>> fieldsNamed) {
        this.table = table;
        this.fieldsNamed = fieldsNamed;
    }

    @Override
    public void read(RowHandler handler) throws Exception {
        long first = headerAt();
        table.read((i, cells) -> i < first || handler.row(i - first, cells));
    }

    /** The index of the header row in the underlying table (read the first time it is asked for). */
    long headerAt() throws Exception {
        if (headerAt < 0) {
            long[] best = {0, 0};
            table.read((i, cells) -> {
                int named = fieldsNamed.applyAsInt(cells);
                if (named > best[1]) {
                    best[0] = i;
                    best[1] = named;
                }
                return i + 1 < SEARCHED;
            });
            headerAt = best[0];
            headerFields = (int) best[1];
        }
        return headerAt;
    }

    /** How many columns of the header name a field (0 when no row of those searched names one). */
    int headerFields() throws Exception {
        headerAt();
        return headerFields;
    }

    @Override
    public String encoding() {
        return table.encoding();
    }

    @Override
    public String delimiter() {
        return table.delimiter();
    }

    @Override
    public void close() throws java.io.IOException {
        table.close();
    }
}
