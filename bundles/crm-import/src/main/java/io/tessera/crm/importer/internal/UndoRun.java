package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmException;
import io.tessera.crm.api.contacts.BatchResult;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactBatchService.CompanyUpdate;
import io.tessera.crm.api.contacts.ContactBatchService.ContactUpdate;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.imports.ImportDto.Status;
import io.tessera.crm.support.jpa.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One undo, run on the import thread: the report rows that created or changed something are read newest first,
 * {@value #PAGE} at a time (keyset paging by row number), and each page is reverted in bulk: the rows' tasks and deals
 * archived with {@code TaskService.archiveAll} and {@code DealService.archiveAll}, created records and
 * companies archived with {@link ContactBatchService#archiveContacts}/{@code archiveCompanies}, changed records set
 * back to their before-images with {@code updateContacts}/{@code updateCompanies} (the version read just before, so a
 * record changed in between fails alone). What could not be reverted is listed in the job's error.
 */
final class UndoRun implements Runnable {
    static final int PAGE = 500;

    private final Job job;
    /** The job's status before the undo (DONE or CANCELLED), which it keeps if the undo does not finish. */
    private final Status previous;
    private final Caller caller;
    private final Transactions tx;
    private final ContactBatchService batch;
    private final FollowUps followUps;
    private final boolean companiesJob;
    /** The first {@value #LISTED} failures (the job's error has room for about that many), and how many in all. */
    private final List<String> failures = new ArrayList<>();
    private long failed;
    private static final int LISTED = 30;

    UndoRun(Job job, Status previous, Caller caller, Transactions tx, ContactBatchService batch, FollowUps followUps,
            boolean companiesJob) {
        this.followUps = followUps;
        this.job = job;
        this.previous = previous;
        this.caller = caller;
        this.tx = tx;
        this.batch = batch;
        this.companiesJob = companiesJob;
    }

    @Override
    public void run() {
        try {
            long before = Long.MAX_VALUE;
            List<ImportRowEntity> page;
            do {
                long below = before;
                page = tx.read(em -> em.createQuery("SELECT r FROM ImportRowEntity r WHERE r.importId = :id AND "
                                + "r.rowNo < :below AND (r.outcome = 'CREATED' OR r.beforeImage IS NOT NULL "
                                + "OR r.createdCompanyId IS NOT NULL OR r.dealId IS NOT NULL OR r.taskId IS NOT NULL) "
                                + "ORDER BY r.rowNo DESC", ImportRowEntity.class)
                        .setParameter("id", job.id).setParameter("below", below).setMaxResults(PAGE)
                        .getResultList());
                revert(page);
                if (!page.isEmpty()) {
                    before = page.get(page.size() - 1).rowNo;
                }
            } while (page.size() == PAGE && !Thread.currentThread().isInterrupted());
            if (Thread.currentThread().isInterrupted()) {
                failures.add(0, "stopped by a server shutdown; run undo again to finish it");
            }
            job.status = Thread.currentThread().isInterrupted() ? previous : Status.UNDONE;
        } catch (RuntimeException e) {
            job.status = previous;
            failures.add(0, "undo failed, run it again: " + (e.getMessage() == null ? e : e.getMessage()));
        } finally {
            if (!failures.isEmpty()) {
                job.error = "undo: " + failed + " rows could not be reverted: " + String.join("; ", failures);
            }
            job.finishedAt = job.finishedAt == null ? Instant.now() : job.finishedAt;
            try {
                tx.write(em -> {
                    ImportServiceImpl.copy(job.toDto(), em.find(ImportJobEntity.class, job.id));
                    return null;
                });
            } finally {
                job.done.complete(null);
            }
        }
    }

    private void revert(List<ImportRowEntity> rows) {
        List<ImportRowEntity> created = new ArrayList<>();
        List<ImportRowEntity> companyRows = new ArrayList<>(); // a row for each company it created
        List<ImportRowEntity> changed = new ArrayList<>();
        followUps.archiveAll(caller, rows).forEach(this::fail);
        for (ImportRowEntity r : rows) {
            if ("CREATED".equals(r.outcome) && r.recordId != null) {
                created.add(r);
            }
            r.createdCompanies().forEach(id -> companyRows.add(r));
            if (r.beforeImage != null) {
                changed.add(r);
            }
        }
        List<Long> ids = created.stream().map(r -> r.recordId).toList();
        report(created, companiesJob ? batch.archiveCompanies(caller, ids) : batch.archiveContacts(caller, ids));
        report(companyRows, batch.archiveCompanies(caller,
                rows.stream().flatMap(r -> r.createdCompanies().stream()).toList()));
        if (!changed.isEmpty()) {
            report(changed, companiesJob ? restoreCompanies(changed) : restoreContacts(changed));
        }
    }

    private List<BatchResult> restoreContacts(List<ImportRowEntity> rows) {
        Map<Long, Long> versions = new HashMap<>();
        for (ContactDto c : batch.getContacts(caller, rows.stream().map(r -> r.recordId).toList())) {
            versions.put(c.id(), c.version());
        }
        return batch.updateContacts(caller, rows.stream().map(r -> new ContactUpdate(r.recordId,
                versions.getOrDefault(r.recordId, -1L), BeforeImage.contact(r.beforeImage))).toList());
    }

    private List<BatchResult> restoreCompanies(List<ImportRowEntity> rows) {
        Map<Long, Long> versions = new HashMap<>();
        for (CompanyDto c : batch.getCompanies(caller, rows.stream().map(r -> r.recordId).toList())) {
            versions.put(c.id(), c.version());
        }
        return batch.updateCompanies(caller, rows.stream().map(r -> new CompanyUpdate(r.recordId,
                versions.getOrDefault(r.recordId, -1L), BeforeImage.company(r.beforeImage))).toList());
    }

    private void report(List<ImportRowEntity> rows, List<BatchResult> results) {
        for (int i = 0; i < rows.size(); i++) {
            CrmException error = results.get(i).error();
            if (error != null) {
                fail(rows.get(i), error.getMessage());
            }
        }
    }

    /** Counts a row that could not be reverted; the first {@value #LISTED} are listed. */
    private void fail(ImportRowEntity row, String message) {
        if (failed++ < LISTED) {
            failures.add("row " + row.rowNo + ": " + message);
        }
    }
}
