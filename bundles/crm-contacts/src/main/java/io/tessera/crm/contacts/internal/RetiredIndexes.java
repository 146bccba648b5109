package io.tessera.crm.contacts.internal;

import io.tessera.crm.support.jpa.Indexes;
import io.tessera.crm.support.jpa.Transactions;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import javax.persistence.EntityManagerFactory;

/**
 * Drops indexes an earlier version created and nothing reads any more, creating first the index that replaces one
 * (EclipseLink's create-or-extend adds a table's new columns, never a new index to an existing table): each index
 * costs every insert into its table. {@code CON_CONTACT_NAME_KEY_IX}: similar names are found through the company's
 * contacts ({@link MatchQueries#similarNames}), never by the name key. {@code CON_CONTACT_SORT_IX} and {@code
 * CON_COMPANY_SORT_IX} (the sort key alone): Derby did not use them for a list, whose filter {@code ARCHIVED} and
 * tiebreaker {@code ID} they lack, and sorted the whole table for every page instead; {@code CON_CONTACT_LIST_IX}
 * and {@code CON_COMPANY_LIST_IX} replace them.
 */
final class RetiredIndexes {
    /** An index to drop, and the index to create in its place, if any. */
    private record Retired(String table, String index, Indexes.Index replacement) {
    }

    private static final String LIST_COLUMNS = "ARCHIVED, SORT_KEY, ID";
    private static final List<Retired> RETIRED = List.of(
            new Retired("CON_CONTACT", "CON_CONTACT_NAME_KEY_IX", null),
            new Retired("CON_CONTACT", "CON_CONTACT_SORT_IX",
                    new Indexes.Index("CON_CONTACT", "CON_CONTACT_LIST_IX", LIST_COLUMNS)),
            new Retired("CON_COMPANY", "CON_COMPANY_SORT_IX",
                    new Indexes.Index("CON_COMPANY", "CON_COMPANY_LIST_IX", LIST_COLUMNS)));

    private RetiredIndexes() {
    }

    /**
     * Creates the missing replacements and drops the retired indexes, in one transaction, so that no reader finds a
     * table without the index it needs. Returns how many indexes were created or dropped.
     */
    static int replaceOrDrop(EntityManagerFactory emf) {
        return new Transactions(emf).write(em -> {
            Connection c = em.unwrap(Connection.class);
            int changed = 0;
            try (Statement st = c.createStatement()) {
                changed += Indexes.createMissing(c, RETIRED.stream().map(Retired::replacement)
                        .filter(Objects::nonNull).toList());
                DatabaseMetaData md = c.getMetaData();
                for (Retired r : RETIRED) {
                    if (Indexes.exists(md, r.table(), r.index())) {
                        st.execute("DROP INDEX " + r.index());
                        changed++;
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not replace or drop a retired index", e);
            }
            return changed;
        });
    }
}
