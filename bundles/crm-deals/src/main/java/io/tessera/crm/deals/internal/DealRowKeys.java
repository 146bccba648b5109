package io.tessera.crm.deals.internal;

import io.tessera.crm.support.jpa.OwnedRows;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deal's contact links (DEAL_DEAL_CONTACT) and a stage's task templates (DEAL_STAGE_TASK) are indexed by their
 * owner's id but carry no foreign key to it ({@link OwnedRows}): only this bundle writes them, with their deal or
 * stage, and deals and stages are archived or marked removed, not deleted. With the keys declared, EclipseLink's
 * create-or-extend tried to add them again on every start and logged a warning with a stack trace for each.
 */
final class DealRowKeys {
    private static final Logger LOG = LoggerFactory.getLogger(DealRowKeys.class);
    static final List<OwnedRows.Table> TABLES = List.of(
            new OwnedRows.Table("DEAL_DEAL_CONTACT", "DEAL_ID", "DEAL_DEAL_CONTACT_OWNER_IX"),
            new OwnedRows.Table("DEAL_STAGE_TASK", "STAGE_ID", "DEAL_STAGE_TASK_OWNER_IX"));

    private DealRowKeys() {
    }

    /** Drops the keys an earlier version made; a failure is logged, not fatal (the service works with the keys). */
    static int drop(EntityManagerFactory emf) {
        try {
            int dropped = OwnedRows.dropForeignKeys(emf, TABLES);
            if (dropped > 0) {
                LOG.info("replaced {} foreign keys of deal contact links and stage tasks by indexes", dropped);
            }
            return dropped;
        } catch (RuntimeException e) {
            LOG.warn("could not drop the foreign keys of deal contact links and stage tasks", e);
            return 0;
        }
    }
}
