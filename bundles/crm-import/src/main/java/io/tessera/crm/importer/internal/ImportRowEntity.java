package io.tessera.crm.importer.internal;

import java.util.List;
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
    Long createdCompanyId;
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
}
