package io.tessera.crm.timeline.internal;

import io.tessera.crm.support.jpa.BulkInsert;
import java.util.List;
import java.util.Set;
import javax.persistence.EntityManager;

/**
 * Writes new timeline entries and their link rows with {@link BulkInsert}, one JDBC batch per table: a batch event
 * (an import's buffer) brings hundreds of entries, and EclipseLink's unit of work cost more per entry than Derby's
 * inserts, writing each entry's link rows right after it (so its batches held one or two rows). The SQL mirrors
 * {@link TimelineEntryEntity}'s mapping; entries are read back through JPA.
 */
final class NewEntryRows {
    /** EclipseLink starts {@code @Version} counters at 1. */
    private static final long FIRST_VERSION = 1;
    private static final String ENTRY = "INSERT INTO TL_ENTRY (ID, VERSION, AT_MILLIS, KIND, ENTITY_TYPE, ENTITY_ID, "
            + "SUMMARY, ACTOR, NOTE_TEXT, NOTE_ID, HIDDEN) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COMPANY = "INSERT INTO TL_ENTRY_COMPANY (ENTRY_ID, COMPANY_ID) VALUES (?, ?)";
    private static final String CONTACT = "INSERT INTO TL_ENTRY_CONTACT (ENTRY_ID, CONTACT_ID) VALUES (?, ?)";
    private static final String DEAL = "INSERT INTO TL_ENTRY_DEAL (ENTRY_ID, DEAL_ID) VALUES (?, ?)";

    private NewEntryRows() {
    }

    /** Writes the (new, unpersisted) entries in the entity manager's transaction. */
    static void insert(EntityManager em, List<TimelineEntryEntity> entries) {
        long[] ids = BulkInsert.nextIds(em, TimelineEntryEntity.class, entries.size());
        try (BulkInsert rows = new BulkInsert(em)) {
            for (int i = 0; i < entries.size(); i++) {
                TimelineEntryEntity e = entries.get(i);
                rows.add(ENTRY, ids[i], FIRST_VERSION, e.getAtMillis(), e.getKind(), e.getEntity(), e.getEntityId(),
                        e.getSummary(), e.getActor(), e.getText(), e.getNoteId(), (short) (e.isHidden() ? 1 : 0));
                links(rows, COMPANY, ids[i], e.getCompanyIds());
                links(rows, CONTACT, ids[i], e.getContactIds());
                links(rows, DEAL, ids[i], e.getDealIds());
            }
            rows.execute();
        }
    }

    private static void links(BulkInsert rows, String sql, long entryId, Set<Long> ids) {
        for (Long id : ids) {
            rows.add(sql, entryId, id);
        }
    }
}
