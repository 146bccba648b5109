package io.tessera.crm.importer.internal;

import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** An import job (table IMP_IMPORT): options, state, counts. */
@Entity
@Table(name = "IMP_IMPORT")
public class ImportJobEntity {
    @Id
    @TableGenerator(name = "imp_import_ids", table = "IMP_IDS", pkColumnValue = "import", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "imp_import_ids")
    long id;
    @Version
    long version;
    @Column(nullable = false, length = 100)
    String owner;
    @Column(length = 300)
    String fileName;
    @Column(nullable = false, length = 20)
    String entity;
    @Column(nullable = false, length = 20)
    String mode;
    boolean dryRun;
    @Column(nullable = false, length = 20)
    String status;
    /** The status an undo started from, which a restart in the middle of that undo gives back. */
    @Column(length = 20)
    String statusBeforeUndo;
    long rowsTotal;
    long rowsDone;
    long created;
    long updated;
    long merged;
    long skipped;
    long rejected;
    @Lob
    String unmapped;
    @Column(length = 40)
    String encoding;
    @Column(length = 4)
    String delimiter;
    /** The file's header row ({@link SourceCells}), for the rejected-rows file. */
    @Lob
    String headerCells;
    Timestamp createdAt;
    Timestamp startedAt;
    Timestamp finishedAt;
    @Column(length = 4000)
    String error;
}
