package io.tessera.crm.importer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Transient;

/**
 * One row of an import's report (table IMP_ROW), with what undo needs: the record created or changed, a company,
 * deal and task created for it, and the before-image of a record the import changed first. Written once, never changed: no version.
 */
@Entity
@Table(name = "IMP_ROW", indexes = @Index(name = "IMP_ROW_IMPORT", columnList = "importId,rowNo"))
public class ImportRowEntity {
    @Id
    // rows are written 500 per transaction: a large allocation keeps the id table out of the way
    @TableGenerator(name = "imp_row_ids", table = "IMP_IDS", pkColumnValue = "row", allocationSize = 1000)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "imp_row_ids")
    long id;
    long importId;
    long rowNo;
    @Column(nullable = false, length = 10)
    String outcome;
    Long recordId;
    /** The first company created for the row; see {@link #createdCompanies()}. */
    Long createdCompanyId;
    /** The further companies created for it (a row may name several), space-separated. */
    @Column(length = 2000)
    String moreCreatedCompanyIds;
    /** The deal and the task created for the row (deal and task columns), for undo. */
    Long dealId;
    Long taskId;
    @Column(length = 300)
    String columnName;
    @Column(length = 2000)
    String message;
    @Lob
    String conflicts;
    @Lob
    String beforeImage;
    /** A rejected row's cells as read ({@link SourceCells}), for the rejected-rows file; null for the other rows. */
    @Lob
    String sourceCells;
    /** The row's cells as read, until the report row is written. */
    @Transient
    List<String> cells;

    /** The companies created for the row (archived again by undo), the first one first. */
    List<Long> createdCompanies() {
        if (createdCompanyId == null) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(2);
        ids.add(createdCompanyId);
        if (moreCreatedCompanyIds != null) {
            for (String id : moreCreatedCompanyIds.split(" ")) {
                ids.add(Long.valueOf(id));
            }
        }
        return ids;
    }

    void createdCompanies(List<Long> ids) {
        createdCompanyId = ids.isEmpty() ? null : ids.get(0);
        moreCreatedCompanyIds = ids.size() < 2 ? null
                : ids.subList(1, ids.size()).stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    void addCreatedCompany(long id) {
        List<Long> ids = new ArrayList<>(createdCompanies());
        ids.add(id);
        createdCompanies(ids);
    }
}
