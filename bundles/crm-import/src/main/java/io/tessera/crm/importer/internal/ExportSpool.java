package io.tessera.crm.importer.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The rows of one export on a temporary file, so that the custom field columns (known only once every row was read)
 * can head the file and nothing reaches the client before every page was read, with only one page in memory.
 */
final class ExportSpool implements Closeable {
    /** One spooled row: the fixed cells and the custom field cells by key. */
    record Row(List<Object> cells, Map<String, Object> custom) {
    }

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte DECIMAL = 3;
    private static final byte TRUE = 4;
    private static final byte FALSE = 5;

    private final Path file;
    private final DataOutputStream out;
    private final TreeSet<String> customKeys = new TreeSet<>();
    private long rows;

    ExportSpool() {
        try {
            file = Files.createTempFile("crm-export-", ".spool");
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the export's temporary file", e);
        }
    }

    void add(List<Object> cells, Map<String, Object> custom) {
        try {
            out.writeInt(cells.size());
            for (Object cell : cells) {
                write(cell);
            }
            out.writeInt(custom.size());
            for (Map.Entry<String, Object> e : custom.entrySet()) {
                writeString(e.getKey());
                write(e.getValue());
                customKeys.add(e.getKey());
            }
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export's temporary file", e);
        }
    }

    long rows() {
        return rows;
    }

    /** Every custom field key of the spooled rows, sorted. */
    List<String> customKeys() {
        return new ArrayList<>(customKeys);
    }

    /** Hands every spooled row, in order, to {@code consumer}. */
    void replay(RowConsumer consumer) throws IOException {
        out.flush();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            for (long r = 0; r < rows; r++) {
                int n = in.readInt();
                List<Object> cells = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    cells.add(read(in));
                }
                int m = in.readInt();
                Map<String, Object> custom = new LinkedHashMap<>();
                for (int i = 0; i < m; i++) {
                    custom.put(readString(in), read(in));
                }
                consumer.accept(new Row(cells, custom));
            }
        } catch (EOFException e) {
            throw new IOException("the export's temporary file ended early", e);
        }
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(Row row) throws IOException;
    }

    private void write(Object cell) throws IOException {
        if (cell == null) {
            out.writeByte(NULL);
        } else if (cell instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (cell instanceof BigDecimal d) {
            out.writeByte(DECIMAL);
            writeString(d.toString());
        } else if (cell instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else {
            out.writeByte(STRING);
            writeString(cell.toString());
        }
    }

    private void writeString(String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static Object read(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case LONG -> in.readLong();
            case DECIMAL -> new BigDecimal(readString(in));
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> readString(in);
            default -> throw new IOException("corrupt export spool (cell tag " + tag + ")");
        };
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the file goes anyway
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
