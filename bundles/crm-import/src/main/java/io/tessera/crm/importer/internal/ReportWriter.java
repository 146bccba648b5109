package io.tessera.crm.importer.internal;

import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.support.jpa.Transactions;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes an import's report rows and progress on a thread of its own, while the import thread goes on with the next
 * buffer (the two share the machine's second core with the reading thread). At most one write is in flight: the
 * next {@link #write} (and {@link #close}) waits for it first and rethrows its failure, so the report stays in row
 * order and a failed write fails the import.
 */
final class ReportWriter implements AutoCloseable {
    private final Transactions tx;
    private final long importId;
    private final ExecutorService thread;
    private Future<?> inFlight;

    ReportWriter(Transactions tx, long importId) {
        this.tx = tx;
        this.importId = importId;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "crm-import-report-" + importId);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues the rows (decided and with their records' ids) and the progress they bring the job to. */
    void write(List<ImportRowEntity> rows, ImportDto progress) {
        await();
        inFlight = thread.submit(() -> tx.write(em -> {
            ReportRows.insert(em, rows);
            ImportServiceImpl.copy(progress, em.find(ImportJobEntity.class, importId));
            return null;
        }));
    }

    /** Waits for the write in flight (an interrupt is kept for the caller: the write is short and must end). */
    void await() {
        Future<?> f = inFlight;
        inFlight = null;
        if (f == null) {
            return;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException("writing the import report failed: " + e.getCause(), e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        try {
            await();
        } finally {
            thread.shutdown();
        }
    }
}
