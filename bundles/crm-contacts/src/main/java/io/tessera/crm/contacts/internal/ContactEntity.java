package io.tessera.crm.contacts.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import javax.persistence.MapKeyColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * A contact (person); never leaves the bundle (see {@link Mapping}). The rows it owns (phones, e-mails, tags, fields,
 * company links) are indexed by its id but carry no foreign key to it: see {@link OwnedRowKeys}.
 */
@Entity
@Table(name = "CON_CONTACT", indexes = {
        @Index(name = "CON_CONTACT_OWNER_IX", columnList = "OWNER, ARCHIVED"),
        @Index(name = "CON_CONTACT_LIST_IX", columnList = "ARCHIVED, SORT_KEY, ID")})
@TableGenerator(name = "CON_CONTACT_GEN", table = "CON_IDS", pkColumnValue = "contact", allocationSize = 500)
public class ContactEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "CON_CONTACT_GEN")
    @Column(name = "ID")
    Long id;

    @Version
    @Column(name = "VERSION")
    long version;

    @Column(name = "FIRST_NAME", length = 100)
    String firstName;
    @Column(name = "LAST_NAME", length = 100)
    String lastName;
    /** lower-cased "last first" (or the first name alone), for sorting by last name. */
    @Column(name = "SORT_KEY", length = 210, nullable = false)
    String sortKey;
    /** lower-cased "first last", for searching. */
    @Column(name = "SEARCH_NAME", length = 210, nullable = false)
    String searchName;
    /**
     * {@link MatchKeys#personName}, for the duplicate rule "same name in the same company"; not indexed: compared
     * among the contacts of one company (see {@link RetiredIndexes}).
     */
    @Column(name = "NAME_KEY", length = 210)
    String nameKey;
    @Column(name = "JOB_POSITION", length = 200)
    String position;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CON_CONTACT_PHONE", joinColumns = @JoinColumn(name = "CONTACT_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = {@Index(name = "CON_CONTACT_PHONE_OWNER_IX", columnList = "CONTACT_ID"),
                    @Index(name = "CON_CONTACT_PHONE_KEY_IX", columnList = "MATCH_KEY")})
    @OrderColumn(name = "POS")
    List<PhoneEmbeddable> phones = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CON_CONTACT_EMAIL", joinColumns = @JoinColumn(name = "CONTACT_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = {@Index(name = "CON_CONTACT_EMAIL_OWNER_IX", columnList = "CONTACT_ID"),
                    @Index(name = "CON_CONTACT_EMAIL_IX", columnList = "EMAIL")})
    @OrderColumn(name = "POS")
    @Column(name = "EMAIL", length = 254, nullable = false)
    List<String> emails = new ArrayList<>();

    @Column(name = "BIRTHDAY")
    LocalDate birthday;
    @Column(name = "NOTES", length = 10000)
    String notes;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CON_CONTACT_TAG", joinColumns = @JoinColumn(name = "CONTACT_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = @Index(name = "CON_CONTACT_TAG_OWNER_IX", columnList = "CONTACT_ID"))
    @Column(name = "TAG", length = 50, nullable = false)
    Set<String> tags = new HashSet<>();

    /** Values carry a type prefix, see {@link CustomFields}. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CON_CONTACT_FIELD", joinColumns = @JoinColumn(name = "CONTACT_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = @Index(name = "CON_CONTACT_FIELD_OWNER_IX", columnList = "CONTACT_ID"))
    @MapKeyColumn(name = "FIELD_KEY", length = 64)
    @Column(name = "FIELD_VALUE", length = 1010)
    Map<String, String> customFields = new HashMap<>();

    @Column(name = "OWNER", length = 100, nullable = false)
    String owner;
    @Column(name = "SOURCE", length = 100)
    String source;

    /** Links to companies of this bundle (many-to-many through CON_CONTACT_COMPANY), in the order given. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CON_CONTACT_COMPANY", joinColumns = @JoinColumn(name = "CONTACT_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = {@Index(name = "CON_CONTACT_COMPANY_OWNER_IX", columnList = "CONTACT_ID"),
                    @Index(name = "CON_CONTACT_COMPANY_IX", columnList = "COMPANY_ID")})
    @OrderColumn(name = "POS")
    @Column(name = "COMPANY_ID", nullable = false)
    List<Long> companyIds = new ArrayList<>();

    @Column(name = "ARCHIVED", nullable = false)
    boolean archived;
    /** The contact this one was merged into (it is archived then); null otherwise. */
    @Column(name = "MERGED_INTO")
    Long mergedInto;
    @Column(name = "CREATED_AT", nullable = false)
    Timestamp createdAt;
    @Column(name = "UPDATED_AT", nullable = false)
    Timestamp updatedAt;
}
