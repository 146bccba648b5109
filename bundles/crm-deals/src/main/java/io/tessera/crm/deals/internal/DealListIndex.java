package io.tessera.crm.deals.internal;

import io.tessera.crm.support.jpa.Indexes;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index of the deal list's default order, newest first ({@link DealListQuery}): without it Derby sorted every
 * deal for every page, and an export, which walks all pages, grew with the square of the base. Its columns descend
 * because Derby does not scan an index backwards; {@code @Index} cannot declare that, and create-or-extend would not
 * add it to an existing table, so it is made here ({@link Indexes}).
 */
final class DealListIndex {
    private static final Logger LOG = LoggerFactory.getLogger(DealListIndex.class);
    static final Indexes.Index NEWEST_FIRST =
            new Indexes.Index("DEAL_DEAL", "DEAL_DEAL_LIST_IX", "ARCHIVED, CREATED_AT DESC, ID DESC");

    private DealListIndex() {
    }

    /** Creates the index if it is missing; a failure is logged, not fatal (lists work without it, slowly). */
    static void create(EntityManagerFactory emf) {
        try {
            if (Indexes.createMissing(emf, List.of(NEWEST_FIRST)) > 0) {
                LOG.info("created the index of the deal list, newest first ({})", NEWEST_FIRST.name());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not create the index of the deal list", e);
        }
    }
}
