package io.tessera.crm.importer.internal;

import io.tessera.crm.api.imports.ImportOptions.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and parses an import file on a thread of its own and hands the parsed rows to the import thread in buffers,
 * so that parsing (CSV/XLSX, phone normalisation) runs beside the writing on a second core. At most
 * {@value #QUEUED} buffers wait: the file is still streamed, whatever its size.
 */
final class RowReader implements Runnable {
    /** A data row of the file (row numbers count the header as row 0) and what it says. */
    record ParsedRow(ImportRowEntity row, Draft draft) {
    }

    private static final int QUEUED = 2;
    /** Marks the end of the file in the queue (compared by identity). */
    private static final List<ParsedRow> END = new ArrayList<>(0);

    private final Table table;
    private final Entity entity;
    private final Map<String, String> mapping;
    private final PhoneNormalizer phones;
    private final long importId;
    private final int bufferSize;
    private final BlockingQueue<List<ParsedRow>> queue = new ArrayBlockingQueue<>(QUEUED);
    private volatile Throwable failure;
    private volatile List<String> unmapped = List.of();
    private Thread thread;
    /** Reading thread only: the header, the field each column maps to, the buffer being filled. */
    private List<String> header;
    private List<String> fields;
    private List<ParsedRow> buffer;

    RowReader(Table table, Entity entity, Map<String, String> mapping, PhoneNormalizer phones, long importId,
              int bufferSize) {
        this.table = table;
        this.entity = entity;
        this.mapping = mapping;
        this.phones = phones;
        this.importId = importId;
        this.bufferSize = bufferSize;
        this.buffer = new ArrayList<>(bufferSize);
    }

    void start() {
        thread = new Thread(this, "crm-import-reader-" + importId);
        thread.setDaemon(true);
        thread.start();
    }

    /** The next buffer of rows, or null after the last one; throws what reading the file failed with. */
    List<ParsedRow> next() throws Exception {
        List<ParsedRow> rows = queue.take();
        if (rows != END) {
            return rows;
        }
        Throwable f = failure;
        if (f instanceof Exception e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
        return null;
    }

    /** The header cells no field was mapped to (known once the first buffer or the end has been taken). */
    List<String> unmapped() {
        return unmapped;
    }

    /** Stops the reading thread (if it still runs) and waits for it. */
    void stop() throws InterruptedException {
        if (thread != null) {
            thread.interrupt();
            thread.join();
        }
    }

    @Override
    public void run() {
        try {
            table.read(this::row);
            if (!buffer.isEmpty()) {
                queue.put(buffer);
            }
        } catch (InterruptedException e) {
            return; // the import stopped taking rows: nobody waits for the end marker
        } catch (Exception | Error e) {
            failure = e;
        }
        try {
            queue.put(END);
        } catch (InterruptedException ignored) {
            // the import stopped taking rows
        }
    }

    private boolean row(long i, List<String> cells) throws InterruptedException {
        if (i == 0) {
            header = cells;
            ColumnMapping.Result m = ColumnMapping.map(entity, cells, mapping);
            fields = m.fields();
            unmapped = m.unmapped();
            return true;
        }
        ImportRowEntity r = new ImportRowEntity();
        r.importId = importId;
        r.rowNo = i;
        r.cells = cells;
        buffer.add(new ParsedRow(r, Draft.parse(entity, header, fields, cells, phones)));
        if (buffer.size() >= bufferSize) {
            queue.put(buffer);
            buffer = new ArrayList<>(bufferSize);
        }
        return !Thread.currentThread().isInterrupted();
    }
}
