package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmException;
import io.tessera.crm.api.contacts.BatchResult;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.imports.ImportOptions.Entity;
import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import io.tessera.crm.importer.internal.BufferRecords.Write;
import io.tessera.crm.importer.internal.RowReader.ParsedRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Writes what a buffer's rows decided ({@link BufferRecords}) through {@link ContactBatchService}: one call for the
 * new companies its contacts link to, one for the creates, one for the updates. A record the contacts bundle refuses
 * is reported on the row that created or first changed it (and on the rows merged into it), and the companies those
 * rows created are archived again; provisional ids become real ids in the report and the duplicate index.
 */
final class BufferWriter {
    private final Caller caller;
    private final ContactBatchService batch;
    private final CompanyService companies;
    private final Entity entity;
    private final boolean dryRun;
    private final RecordIndex index;
    private final RowOutcomes outcomes;
    private final BufferRecords records;

    BufferWriter(Caller caller, ContactBatchService batch, CompanyService companies, Entity entity, boolean dryRun,
                 RecordIndex index, RowOutcomes outcomes, BufferRecords records) {
        this.caller = caller;
        this.batch = batch;
        this.companies = companies;
        this.entity = entity;
        this.dryRun = dryRun;
        this.index = index;
        this.outcomes = outcomes;
        this.records = records;
    }

    void write(List<ParsedRow> decided) {
        if (entity == Entity.CONTACTS) {
            linkNewCompanies(decided);
        }
        Map<Long, Write> creates = records.creates;
        Map<Long, Write> updates = records.updates;
        List<Write> created = new ArrayList<>(creates.values());
        List<Long> provisional = new ArrayList<>(creates.keySet());
        List<BatchResult> results;
        List<ContactInput> newContacts = List.of();
        if (entity == Entity.COMPANIES) {
            results = created.isEmpty() ? List.of() : batch.createCompanies(caller,
                    provisional.stream().map(id -> Merge.input(records.companies.get(id))).toList());
        } else {
            newContacts = provisional.stream()
                    .map(id -> records.newCompanies.resolve(Merge.input(records.contacts.get(id)))).toList();
            results = created.isEmpty() ? List.of() : batch.createContacts(caller, newContacts);
        }
        for (int k = 0; k < created.size(); k++) {
            BatchResult res = results.get(k);
            long pid = provisional.get(k);
            records.touched.remove(pid);
            if (res.ok()) {
                long id = res.id();
                records.touched.add(id);
                index.renumber(entity, pid, id);
                if (entity == Entity.CONTACTS) {
                    index.written(id, newContacts.get(k));
                }
                for (ParsedRow p : created.get(k).rows) {
                    p.row().recordId = id;
                }
            } else {
                index.forget(entity, pid);
                failed(created.get(k), res.error());
            }
        }
        List<Long> ids = new ArrayList<>(updates.keySet());
        List<Write> changed = new ArrayList<>(updates.values());
        if (!changed.isEmpty()) {
            List<ContactInput> changedContacts = List.of();
            if (entity == Entity.COMPANIES) {
                results = batch.updateCompanies(caller, ids.stream().map(id -> new ContactBatchService.CompanyUpdate(
                        id, updates.get(id).expectedVersion, Merge.input(records.companies.get(id)))).toList());
            } else {
                changedContacts = ids.stream()
                        .map(id -> records.newCompanies.resolve(Merge.input(records.contacts.get(id)))).toList();
                List<ContactInput> inputs = changedContacts;
                results = batch.updateContacts(caller, IntStream.range(0, ids.size())
                        .mapToObj(k -> new ContactBatchService.ContactUpdate(ids.get(k),
                                updates.get(ids.get(k)).expectedVersion, inputs.get(k))).toList());
            }
            for (int k = 0; k < changed.size(); k++) {
                if (!results.get(k).ok()) {
                    failed(changed.get(k), results.get(k).error());
                } else if (entity == Entity.CONTACTS) {
                    index.written(ids.get(k), changedContacts.get(k));
                }
            }
        }
        records.written();
    }

    /**
     * Creates the buffer's new companies that its contacts link to, in one call; the rows get their real ids, and a
     * company refused rejects the records linking to it (and their rows).
     */
    private void linkNewCompanies(List<ParsedRow> decided) {
        NewCompanies newCompanies = records.newCompanies;
        Set<Long> linked = new HashSet<>();
        records.contacts.values().forEach(c -> linked.addAll(c.companyIds()));
        newCompanies.create(caller, batch, linked);
        for (ParsedRow p : decided) {
            p.row().createdCompanies(p.row().createdCompanies().stream().map(newCompanies::real)
                    .filter(Objects::nonNull).toList());
            p.draft().linkedCompanyId = newCompanies.real(p.draft().linkedCompanyId);
        }
        for (Map<Long, Write> writes : List.of(records.creates, records.updates)) {
            for (var it = writes.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Long, Write> w = it.next();
                CrmException refused = newCompanies.refusal(records.contacts.get(w.getKey()).companyIds());
                if (refused != null) {
                    if (w.getKey() < 0) {
                        records.touched.remove(w.getKey());
                        index.forget(entity, w.getKey());
                    }
                    failed(w.getValue(), refused);
                    it.remove();
                }
            }
        }
    }

    private void failed(Write w, CrmException error) {
        ParsedRow first = w.rows.get(0);
        for (ParsedRow p : w.rows) {
            ImportRowEntity r = p.row();
            outcomes.takeBack(r);
            r.beforeImage = null;
            r.conflicts = null;
            undoCompany(r);
            if (p == first) {
                outcomes.reject(r, p.draft(), error);
            } else {
                outcomes.set(r, Outcome.REJECTED, null, null,
                        "row " + first.row().rowNo + ", which this row merges into, was rejected: " + error.getMessage());
            }
        }
    }

    /**
     * The companies created for a row whose contact then failed are archived again: no half-written row. One not
     * created yet is created only if another contact of the buffer links to it ({@link NewCompanies}), and stays the
     * row's.
     */
    void undoCompany(ImportRowEntity r) {
        List<Long> pending = new ArrayList<>();
        for (Long id : r.createdCompanies()) {
            if (!dryRun && id < 0) {
                pending.add(id);
            } else if (!dryRun) {
                companies.archive(caller, id);
            }
        }
        r.createdCompanies(pending);
    }
}
