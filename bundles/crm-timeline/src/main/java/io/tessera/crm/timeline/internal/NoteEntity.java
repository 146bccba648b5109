package io.tessera.crm.timeline.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A note about a company, a contact and/or a deal (plain ids, checked through their services). */
@Entity
@Table(name = "TL_NOTE")
public class NoteEntity {
    @Id
    @TableGenerator(name = "tl_note_ids", table = "TL_IDS", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_VALUE",
            pkColumnValue = "TL_NOTE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "tl_note_ids")
    @Column(name = "ID")
    private Long id;

    @Version
    @Column(name = "VERSION")
    private long version;

    @Column(name = "NOTE_TEXT", length = NoteServiceImpl.MAX_TEXT, nullable = false)
    private String text;

    @Column(name = "COMPANY_ID")
    private Long companyId;

    @Column(name = "CONTACT_ID")
    private Long contactId;

    @Column(name = "DEAL_ID")
    private Long dealId;

    @Column(name = "AUTHOR", length = 200, nullable = false)
    private String author;

    @Column(name = "ARCHIVED", nullable = false)
    private boolean archived;

    @Column(name = "CREATED_MILLIS", nullable = false)
    private long createdMillis;

    @Column(name = "UPDATED_MILLIS", nullable = false)
    private long updatedMillis;

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public void setCompanyId(Long companyId) {
        this.companyId = companyId;
    }

    public Long getContactId() {
        return contactId;
    }

    public void setContactId(Long contactId) {
        this.contactId = contactId;
    }

    public Long getDealId() {
        return dealId;
    }

    public void setDealId(Long dealId) {
        this.dealId = dealId;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public boolean isArchived() {
        return archived;
    }

    public void setArchived(boolean archived) {
        this.archived = archived;
    }

    public long getCreatedMillis() {
        return createdMillis;
    }

    public void setCreatedMillis(long createdMillis) {
        this.createdMillis = createdMillis;
    }

    public long getUpdatedMillis() {
        return updatedMillis;
    }

    public void setUpdatedMillis(long updatedMillis) {
        this.updatedMillis = updatedMillis;
    }
}
