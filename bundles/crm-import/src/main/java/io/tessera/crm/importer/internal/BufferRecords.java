package io.tessera.crm.importer.internal;

import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.imports.ImportOptions.Entity;
import io.tessera.crm.importer.internal.RowReader.ParsedRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a buffer's rows decided and {@link BufferWriter} has not written yet: the state of every record to create
 * (under a provisional negative id) or to change, and the rows that decided each; in a dry run the state of every
 * record the run "wrote". Also the records this import created or changed: later rows matching those are MERGED.
 */
final class BufferRecords {
    /** A record to write and the rows that decided it (the first one created or first changed it). */
    static final class Write {
        final long expectedVersion;
        final List<ParsedRow> rows = new ArrayList<>();

        Write(long expectedVersion) {
            this.expectedVersion = expectedVersion;
        }
    }

    final Set<Long> touched = new HashSet<>();
    final Map<Long, ContactDto> contacts = new HashMap<>();
    final Map<Long, CompanyDto> companies = new HashMap<>();
    /** Records to create (by provisional id) and to update (by id) when the buffer is written, in row order. */
    final Map<Long, Write> creates = new LinkedHashMap<>();
    final Map<Long, Write> updates = new LinkedHashMap<>();
    /** Companies a contact file names and the base lacks, created when the buffer is written. */
    final NewCompanies newCompanies = new NewCompanies();
    private long nextProvisionalId = -1;

    long provisionalId() {
        return nextProvisionalId--;
    }

    boolean hasState(Entity entity, long id) {
        return entity == Entity.COMPANIES ? companies.containsKey(id) : contacts.containsKey(id);
    }

    /** A new record, decided by the row {@code p}. */
    void create(long provisionalId, ParsedRow p) {
        Write w = new Write(0);
        w.rows.add(p);
        creates.put(provisionalId, w);
        touched.add(provisionalId);
    }

    /** An existing record the buffer changes, expected at {@code version} in the base. */
    void update(long id, long version) {
        if (id > 0) {
            updates.computeIfAbsent(id, t -> new Write(version));
        }
    }

    /**
     * Ties a row to the pending write of its record: rows merging into a record created in this buffer get its real
     * id (or its rejection) with it; rows changing an existing record get its rejection.
     */
    void tie(long target, ParsedRow p, boolean changed) {
        if (target < 0) {
            Write w = creates.get(target);
            if (w != null) {
                w.rows.add(p);
            }
        } else if (changed || updates.containsKey(target)) {
            Write w = updates.get(target);
            if (w != null) {
                w.rows.add(p);
            }
        }
        touched.add(target);
    }

    /** After a dry run's buffer: the states stay, as the records' "written" state for later buffers. */
    void forgetWrites() {
        creates.clear();
        updates.clear();
    }

    /** After the buffer is written: the base now holds the records. */
    void written() {
        forgetWrites();
        contacts.clear();
        companies.clear();
    }
}
