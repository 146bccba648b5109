package io.tessera.crm.contacts.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.persistence.EntityManager;
import javax.persistence.FlushModeType;

/** Reading many records by id in few statements, before a batch works on them one by one. */
final class Preloads {
    /** The longest IN list {@link #padded} pads to (Derby handles longer ones, but keep statements small). */
    private static final int READ_CHUNK = 500;
    /**
     * Records per preload query, and so ids per IN list of its batch fetches: Derby costs an IN list's index probes
     * above a scan of the table until the table has about 40 rows per id, and the scan then compares every row with
     * every id. With 500 ids a growing link table was scanned until it held 20,000 rows (a third of an import that
     * added company links to 100,000 cards); with 128 it is scanned only while small.
     */
    private static final int PRELOAD_CHUNK = 128;
    static final String[] CONTACT_COLLECTIONS = {"phones", "emails", "tags", "customFields", "companyIds"};
    static final String[] COMPANY_COLLECTIONS = {"phones", "emails", "tags", "customFields"};

    private Preloads() {
    }

    /**
     * The ids with the last one repeated up to the next of a few list sizes: the SQL of an IN list has one marker per
     * element, and Derby compiles every new SQL text (milliseconds), so a handful of sizes keeps its statement cache
     * warm; a list of {@value #READ_CHUNK} or more is left as it is. (Batch type JOIN would share the padding with the
     * collection fetches, but Derby answers it by hashing the whole collection table: slower with every record in the
     * base.)
     */
    static <T> List<T> padded(List<T> ids) {
        if (ids.size() >= READ_CHUNK) {
            return ids;
        }
        int size = 8;
        while (size < ids.size()) {
            size = Math.min(size * 4, READ_CHUNK);
        }
        List<T> out = new ArrayList<>(size);
        out.addAll(ids);
        while (out.size() < size) {
            out.add(ids.get(ids.size() - 1));
        }
        return out;
    }

    /** The parameter markers of an IN list of {@code count} values: {@code ?, ?, ?}. */
    static String markers(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /**
     * {@code SELECT columns FROM table WHERE column IN (…count markers…)}, read through {@code index}: the index is
     * named with Derby's optimizer override, a comment up to the end of its line, so to any other database only that.
     */
    static String indexedIn(String columns, String table, String index, String column, int count) {
        return "SELECT " + columns + " FROM " + table + " --DERBY-PROPERTIES index=" + index + "\n WHERE " + column
                + " IN (" + markers(count) + ")";
    }

    /**
     * The companies the contacts link to, into the persistence context: validating a contact finds each of its
     * companies, and one by one that is a query per company and per collection of it.
     */
    static void companies(EntityManager em, Stream<List<Long>> companyIds) {
        List<Long> ids = companyIds.filter(Objects::nonNull).flatMap(List::stream).filter(Objects::nonNull)
                .distinct().toList();
        if (!ids.isEmpty()) {
            preload(em, CompanyEntity.class, ids, COMPANY_COLLECTIONS);
        }
    }

    /**
     * Loads the records into the persistence context with one query per {@value #PRELOAD_CHUNK} ids, their element
     * collections batch-fetched (IN), so that the {@code em.find} per item that follows does not hit the database.
     * Called before the transaction changes anything, so the queries skip EclipseLink's check for changes to flush
     * (which walks every record the transaction has loaded, once per query).
     */
    static <E> List<E> preload(EntityManager em, Class<E> type, List<Long> ids, String[] collections) {
        List<E> out = new ArrayList<>();
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += PRELOAD_CHUNK) {
            List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + PRELOAD_CHUNK));
            var query = em.createQuery("SELECT r FROM " + type.getSimpleName() + " r WHERE r.id IN :ids", type)
                    .setParameter("ids", padded(chunk))
                    .setHint("eclipselink.batch.type", "IN")
                    .setFlushMode(FlushModeType.COMMIT);
            for (String c : collections) {
                query.setHint("eclipselink.batch", "r." + c);
            }
            out.addAll(query.getResultList());
        }
        return out;
    }
}
