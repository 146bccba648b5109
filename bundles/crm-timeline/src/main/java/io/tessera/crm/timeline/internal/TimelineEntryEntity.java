package io.tessera.crm.timeline.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ConstraintMode;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.ForeignKey;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * One line of history. The records it concerns are kept in three link tables (TL_ENTRY_COMPANY, TL_ENTRY_CONTACT,
 * TL_ENTRY_DEAL), each indexed on the record id, so asking for one record's history is an index lookup (and on the
 * entry id, for reading a page's ids and for rewriting a note's links; no foreign key to the entry, see
 * {@link EntryLinkKeys}). A note's entry carries the note's text and id and is hidden while the note is archived.
 */
@Entity
@Table(name = "TL_ENTRY", indexes = @Index(name = "TL_ENTRY_NOTE_IX", columnList = "NOTE_ID"))
public class TimelineEntryEntity {
    @Id
    @TableGenerator(name = "tl_entry_ids", table = "TL_IDS", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_VALUE",
            pkColumnValue = "TL_ENTRY", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "tl_entry_ids")
    @Column(name = "ID")
    private Long id;

    @Version
    @Column(name = "VERSION")
    private long version;

    /** Event time, epoch milliseconds. */
    @Column(name = "AT_MILLIS", nullable = false)
    private long atMillis;

    @Column(name = "KIND", length = 200, nullable = false)
    private String kind;

    @Column(name = "ENTITY_TYPE", length = 100)
    private String entity;

    @Column(name = "ENTITY_ID")
    private Long entityId;

    @Column(name = "SUMMARY", length = TimelineEntries.MAX_SUMMARY)
    private String summary;

    @Column(name = "ACTOR", length = TimelineEntries.MAX_ACTOR)
    private String actor;

    @Column(name = "NOTE_TEXT", length = NoteServiceImpl.MAX_TEXT)
    private String text;

    @Column(name = "NOTE_ID")
    private Long noteId;

    /** True while the note this entry shows is archived. */
    @Column(name = "HIDDEN", nullable = false)
    private boolean hidden;

    @ElementCollection
    @CollectionTable(name = "TL_ENTRY_COMPANY", joinColumns = @JoinColumn(name = "ENTRY_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = {@Index(name = "TL_ENTRY_COMPANY_IX", columnList = "COMPANY_ID, ENTRY_ID"),
                    @Index(name = "TL_ENTRY_COMPANY_ENTRY_IX", columnList = "ENTRY_ID")})
    @Column(name = "COMPANY_ID", nullable = false)
    private Set<Long> companyIds = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "TL_ENTRY_CONTACT", joinColumns = @JoinColumn(name = "ENTRY_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = {@Index(name = "TL_ENTRY_CONTACT_IX", columnList = "CONTACT_ID, ENTRY_ID"),
                    @Index(name = "TL_ENTRY_CONTACT_ENTRY_IX", columnList = "ENTRY_ID")})
    @Column(name = "CONTACT_ID", nullable = false)
    private Set<Long> contactIds = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "TL_ENTRY_DEAL", joinColumns = @JoinColumn(name = "ENTRY_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = {@Index(name = "TL_ENTRY_DEAL_IX", columnList = "DEAL_ID, ENTRY_ID"),
                    @Index(name = "TL_ENTRY_DEAL_ENTRY_IX", columnList = "ENTRY_ID")})
    @Column(name = "DEAL_ID", nullable = false)
    private Set<Long> dealIds = new LinkedHashSet<>();

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public long getAtMillis() {
        return atMillis;
    }

    public void setAtMillis(long atMillis) {
        this.atMillis = atMillis;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getEntity() {
        return entity;
    }

    public void setEntity(String entity) {
        this.entity = entity;
    }

    public Long getEntityId() {
        return entityId;
    }

    public void setEntityId(Long entityId) {
        this.entityId = entityId;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Long getNoteId() {
        return noteId;
    }

    public void setNoteId(Long noteId) {
        this.noteId = noteId;
    }

    public boolean isHidden() {
        return hidden;
    }

    public void setHidden(boolean hidden) {
        this.hidden = hidden;
    }

    public Set<Long> getCompanyIds() {
        return companyIds;
    }

    public Set<Long> getContactIds() {
        return contactIds;
    }

    public Set<Long> getDealIds() {
        return dealIds;
    }
}
