package io.tessera.crm.contacts.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ConstraintMode;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.ForeignKey;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * One merge of a company or contact into another, with the values the survivor did not take. Written once, never
 * changed (so no version). Its conflict, addition and moved-contact rows are indexed by its id but carry no foreign
 * key to it: see {@link OwnedRowKeys}.
 */
@Entity
@Table(name = "CON_MERGE", indexes = {
        @Index(name = "CON_MERGE_SURVIVOR_IX", columnList = "KIND, SURVIVOR_ID"),
        @Index(name = "CON_MERGE_MERGED_IX", columnList = "KIND, MERGED_ID")})
@TableGenerator(name = "CON_MERGE_GEN", table = "CON_IDS", pkColumnValue = "merge", allocationSize = 50)
public class MergeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "CON_MERGE_GEN")
    @Column(name = "ID")
    Long id;

    /** "company" or "contact". */
    @Column(name = "KIND", length = 20, nullable = false)
    String kind;
    @Column(name = "SURVIVOR_ID", nullable = false)
    long survivorId;
    @Column(name = "MERGED_ID", nullable = false)
    long mergedId;
    @Column(name = "MERGED_AT", nullable = false)
    Timestamp mergedAt;
    @Column(name = "MERGED_BY", length = 100, nullable = false)
    String mergedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CON_MERGE_CONFLICT", joinColumns = @JoinColumn(name = "MERGE_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = @Index(name = "CON_MERGE_CONFLICT_OWNER_IX", columnList = "MERGE_ID"))
    @OrderColumn(name = "POS")
    List<MergeConflictEmbeddable> conflicts = new ArrayList<>();

    /** What the merge gave the survivor, until the merged card is restored ({@link MergeAdditions}). */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "CON_MERGE_ADDED", joinColumns = @JoinColumn(name = "MERGE_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = @Index(name = "CON_MERGE_ADDED_OWNER_IX", columnList = "MERGE_ID"))
    List<MergeAdditionEmbeddable> added = new ArrayList<>();

    /** For a company merge: the contacts re-linked to the survivor, until the merged company is restored. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "CON_MERGE_MOVED_CONTACT", joinColumns = @JoinColumn(name = "MERGE_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = @Index(name = "CON_MERGE_MOVED_CONTACT_OWNER_IX", columnList = "MERGE_ID"))
    List<MovedContactEmbeddable> movedContacts = new ArrayList<>();
}
