package io.tessera.crm.importer.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read streamingly with Commons CSV. The encoding is detected when not given: a byte order mark names
 * UTF-8 or UTF-16 (Excel's "Unicode Text" is UTF-16LE with one); without one, a sample (the first {@value #SAMPLE}
 * bytes) that decodes as valid UTF-8 means UTF-8, anything else is windows-1251 (what 1C and Russian Excel write).
 * The delimiter is the most frequent of , ; TAB | outside quotes in the first line that has one of them.
 */
final class CsvTable implements Table {
    static final int SAMPLE = 1 << 20;
    static final Charset CP1251 = Charset.forName("windows-1251");
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    private final Path file;
    private final Charset charset;
    /** The bytes of a byte order mark to skip: the decoder of the charset read with would take it for a character. */
    private final int skip;
    private final char delimiter;

    CsvTable(Path file, String encoding, String delimiter) throws IOException {
        this.file = file;
        ByteOrderMark bom = ByteOrderMark.of(file);
        this.charset = encoding != null ? Charset.forName(encoding) : bom != null ? bom.charset : detect(file);
        this.skip = bom != null && charset.equals(bom.charset) ? bom.length : 0;
        if (delimiter != null && !delimiter.isEmpty()) {
            this.delimiter = delimiterOf(delimiter);
        } else {
            try (BufferedReader r = new BufferedReader(open(file, charset, skip))) {
                this.delimiter = detectDelimiter(r.lines().limit(HeaderRow.SEARCHED).toList());
            }
        }
    }

    /** A delimiter as options and jobs spell it: one character, or "\\t" (or "tab") for a tab. */
    static char delimiterOf(String spelled) {
        return spelled.equals("\\t") || spelled.equalsIgnoreCase("tab") ? '\t' : spelled.charAt(0);
    }

    @Override
    public void read(RowHandler handler) throws Exception {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote('"')
                .setIgnoreEmptyLines(true).setTrim(false).build();
        try (Reader reader = new BufferedReader(open(file, charset, skip), 1 << 16);
             CSVParser parser = format.parse(reader)) {
            long index = 0;
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        return;
                    }
                    r = it.next();
                } catch (java.io.UncheckedIOException | IllegalStateException e) {
                    throw new IOException("the file is not valid CSV after data row " + Math.max(0, index - 1)
                            + ": " + e.getMessage(), e);
                }
                List<String> cells = new ArrayList<>(r.size());
                for (String v : r) {
                    cells.add(v == null ? "" : v);
                }
                if (!handler.row(index++, cells)) {
                    return;
                }
            }
        }
    }

    private static Reader open(Path file, Charset charset, int skip) throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(skip);
        return new InputStreamReader(in, charset);
    }

    /** The byte order marks a CSV file may start with. */
    private enum ByteOrderMark {
        UTF_8(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF),
        UTF_16LE(StandardCharsets.UTF_16LE, 0xFF, 0xFE),
        UTF_16BE(StandardCharsets.UTF_16BE, 0xFE, 0xFF);

        final Charset charset;
        final int length;
        private final int[] bytes;

        ByteOrderMark(Charset charset, int... bytes) {
            this.charset = charset;
            this.length = bytes.length;
            this.bytes = bytes;
        }

        static ByteOrderMark of(Path file) throws IOException {
            byte[] start;
            try (InputStream in = Files.newInputStream(file)) {
                start = in.readNBytes(3);
            }
            for (ByteOrderMark bom : values()) {
                if (bom.startsWith(start)) {
                    return bom;
                }
            }
            return null;
        }

        private boolean startsWith(byte[] start) {
            if (start.length < length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if ((start[i] & 0xFF) != bytes[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    static Charset detect(Path file) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE);
        }
        return isUtf8(sample, sample.length == SAMPLE) ? StandardCharsets.UTF_8 : CP1251;
    }

    /** Whether the bytes are valid UTF-8; a multi-byte sequence cut by the end of a truncated sample is allowed. */
    static boolean isUtf8(byte[] bytes, boolean truncated) {
        int len = bytes.length;
        if (truncated) {
            int back = 0;
            while (back < 3 && len - back - 1 >= 0 && (bytes[len - back - 1] & 0xC0) == 0x80) {
                back++;
            }
            if (len - back - 1 >= 0 && (bytes[len - back - 1] & 0xC0) == 0xC0) {
                len = len - back - 1;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer unused = decoder.decode(ByteBuffer.wrap(bytes, 0, len));
            return unused != null;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * The most frequent delimiter outside quotes in the first of the lines that has one (a title above the header
     * may have none); ',' when none has.
     */
    static char detectDelimiter(List<String> lines) {
        for (String line : lines) {
            int[] counts = new int[DELIMITERS.length];
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                } else if (!quoted) {
                    for (int d = 0; d < DELIMITERS.length; d++) {
                        if (ch == DELIMITERS[d]) {
                            counts[d]++;
                        }
                    }
                }
            }
            int best = 0;
            for (int d = 1; d < DELIMITERS.length; d++) {
                if (counts[d] > counts[best]) {
                    best = d;
                }
            }
            if (counts[best] > 0) {
                return DELIMITERS[best];
            }
        }
        return ',';
    }

    @Override
    public String encoding() {
        return charset.name();
    }

    @Override
    public String delimiter() {
        return delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
    }
}
