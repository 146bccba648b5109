package io.tessera.crm.contacts.internal;

import java.util.function.IntSupplier;
import javax.persistence.EntityManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database an earlier version wrote up to date when the duplicate service starts: match keys of older rows
 * ({@link KeyBackfill}), indexes nothing reads any more and those that replace them ({@link RetiredIndexes}),
 * foreign keys of owned rows ({@link OwnedRowKeys}). A step that fails is logged, not fatal: the service works
 * without it, only less well.
 */
final class SchemaUpkeep {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaUpkeep.class);

    private SchemaUpkeep() {
    }

    static void run(EntityManagerFactory emf) {
        step(() -> KeyBackfill.run(emf), "filled the duplicate match keys of {} existing rows",
                "could not fill the duplicate match keys of existing rows; older records may not be matched");
        step(() -> RetiredIndexes.replaceOrDrop(emf), "created or dropped {} indexes of an earlier version's schema",
                "could not replace or drop a retired index; lists or inserts stay slower");
        step(() -> OwnedRowKeys.drop(emf), "replaced {} foreign keys of owned rows by indexes",
                "could not drop the foreign keys of owned rows; inserts stay slower");
    }

    private static void step(IntSupplier step, String done, String failed) {
        try {
            int count = step.getAsInt();
            if (count > 0) {
                LOG.info(done, count);
            }
        } catch (RuntimeException e) {
            LOG.warn(failed, e);
        }
    }
}
