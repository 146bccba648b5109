package io.tessera.crm.importer.internal;

import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import io.tessera.crm.support.jpa.BulkInsert;
import java.util.List;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

/**
 * Writes report rows as one JDBC batch (see {@link BulkInsert}): an import writes one per file row, and EclipseLink's
 * unit of work costs more per row than the insert itself. The SQL mirrors {@link ImportRowEntity}'s mapping; the
 * report and the rejected-rows file read them back through JPA, a {@link #page} at a time.
 */
final class ReportRows {
    private static final String INSERT = "INSERT INTO IMP_ROW (ID, IMPORTID, ROWNO, OUTCOME, RECORDID, "
            + "CREATEDCOMPANYID, MORECREATEDCOMPANYIDS, DEALID, TASKID, COLUMNNAME, MESSAGE, CONFLICTS, BEFOREIMAGE, "
            + "SOURCECELLS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private ReportRows() {
    }

    /** Only a rejected row keeps its cells: the rejected-rows file gives them back to be corrected. */
    private static String sourceCells(ImportRowEntity r) {
        return Outcome.REJECTED.name().equals(r.outcome) && r.cells != null ? SourceCells.encode(r.cells) : null;
    }

    /**
     * A page of an import's report rows after the row {@code after}, in row order, with one of the outcomes (every
     * row when none): one report row per file row, so a page follows the (import, row) index and a deep page reads
     * only its own rows.
     */
    static List<ImportRowEntity> page(EntityManager em, long importId, long after, Set<Outcome> outcomes, int limit) {
        boolean filtered = outcomes != null && !outcomes.isEmpty();
        TypedQuery<ImportRowEntity> query = em.createQuery("SELECT r FROM ImportRowEntity r WHERE r.importId = :id"
                        + " AND r.rowNo > :after" + (filtered ? " AND r.outcome IN :outcomes" : "")
                        + " ORDER BY r.rowNo", ImportRowEntity.class)
                .setParameter("id", importId).setParameter("after", after);
        if (filtered) {
            query.setParameter("outcomes", outcomes.stream().map(Enum::name).toList());
        }
        return query.setMaxResults(limit).getResultList();
    }

    static void insert(EntityManager em, List<ImportRowEntity> rows) {
        if (rows.isEmpty()) {
            return;
        }
        long[] ids = BulkInsert.nextIds(em, ImportRowEntity.class, rows.size());
        try (BulkInsert insert = new BulkInsert(em)) {
            for (int i = 0; i < rows.size(); i++) {
                ImportRowEntity r = rows.get(i);
                r.id = ids[i];
                insert.add(INSERT, r.id, r.importId, r.rowNo, r.outcome, r.recordId, r.createdCompanyId,
                        r.moreCreatedCompanyIds, r.dealId, r.taskId, r.columnName, r.message, r.conflicts,
                        r.beforeImage, sourceCells(r));
            }
            insert.execute();
        }
    }
}
