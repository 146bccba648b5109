package io.tessera.crm.importer.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A row's cells as one RFC 4180 line: the file's header and its rejected rows, kept for the rejected-rows file. */
final class SourceCells {
    private SourceCells() {
    }

    static String encode(List<String> cells) {
        return CSVFormat.RFC4180.format(cells.toArray());
    }

    static List<String> decode(String line) {
        if (line == null || line.isEmpty()) {
            return List.of();
        }
        try (CSVParser parser = CSVParser.parse(line, CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
