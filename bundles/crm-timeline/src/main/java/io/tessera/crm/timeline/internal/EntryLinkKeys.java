package io.tessera.crm.timeline.internal;

import io.tessera.crm.support.jpa.OwnedRows;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An entry's link rows (TL_ENTRY_COMPANY, TL_ENTRY_CONTACT, TL_ENTRY_DEAL) are indexed by the entry's id but carry no
 * foreign key to it ({@link OwnedRows}): only this bundle writes them, with their entry ({@link NewEntryRows}, JPA) or
 * when a merge moves them, and entries are never deleted.
 */
final class EntryLinkKeys {
    private static final Logger LOG = LoggerFactory.getLogger(EntryLinkKeys.class);
    static final List<OwnedRows.Table> TABLES = List.of(links("TL_ENTRY_COMPANY"), links("TL_ENTRY_CONTACT"),
            links("TL_ENTRY_DEAL"));

    private EntryLinkKeys() {
    }

    /** Drops the keys an earlier version made; a failure is logged, not fatal (only inserts stay slower). */
    static int drop(EntityManagerFactory emf) {
        try {
            int dropped = OwnedRows.dropForeignKeys(emf, TABLES);
            if (dropped > 0) {
                LOG.info("replaced {} foreign keys of timeline links by indexes", dropped);
            }
            return dropped;
        } catch (RuntimeException e) {
            LOG.warn("could not drop the foreign keys of timeline links; recording stays slower", e);
            return 0;
        }
    }

    private static OwnedRows.Table links(String table) {
        return new OwnedRows.Table(table, "ENTRY_ID", table + "_ENTRY_IX");
    }
}
