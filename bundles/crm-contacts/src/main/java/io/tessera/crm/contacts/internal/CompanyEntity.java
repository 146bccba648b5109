package io.tessera.crm.contacts.internal;

import java.sql.Timestamp;
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
import javax.persistence.Embedded;
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
 * A company; never leaves the bundle (see {@link Mapping}). The rows it owns (phones, e-mails, tags, fields) are indexed
 * by its id but carry no foreign key to it: see {@link OwnedRowKeys}.
 */
@Entity
@Table(name = "CON_COMPANY", indexes = {
        @Index(name = "CON_COMPANY_OWNER_IX", columnList = "OWNER, ARCHIVED"),
        @Index(name = "CON_COMPANY_LIST_IX", columnList = "ARCHIVED, SORT_KEY, ID"),
        @Index(name = "CON_COMPANY_NAME_KEY_IX", columnList = "NAME_KEY"),
        @Index(name = "CON_COMPANY_TAX_KEY_IX", columnList = "TAX_KEY"),
        @Index(name = "CON_COMPANY_DOMAIN_IX", columnList = "WEB_DOMAIN")})
@TableGenerator(name = "CON_COMPANY_GEN", table = "CON_IDS", pkColumnValue = "company", allocationSize = 500)
public class CompanyEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "CON_COMPANY_GEN")
    @Column(name = "ID")
    Long id;

    @Version
    @Column(name = "VERSION")
    long version;

    @Column(name = "NAME", length = 200, nullable = false)
    String name;
    /** lower-cased name, for case-insensitive sorting. */
    @Column(name = "SORT_KEY", length = 200, nullable = false)
    String sortKey;
    /** {@link MatchKeys#companyName}, for the duplicate rule "same name". */
    @Column(name = "NAME_KEY", length = 200)
    String nameKey;
    @Column(name = "LEGAL_NAME", length = 200)
    String legalName;
    @Column(name = "TAX_ID", length = 32)
    String taxId;
    /** {@link MatchKeys#taxId}, for the duplicate rule "same tax id". */
    @Column(name = "TAX_KEY", length = 32)
    String taxKey;
    @Column(name = "INDUSTRY", length = 100)
    String industry;
    @Column(name = "WEBSITE", length = 300)
    String website;
    @Column(name = "WEB_DOMAIN", length = 300)
    String domain;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CON_COMPANY_PHONE", joinColumns = @JoinColumn(name = "COMPANY_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = @Index(name = "CON_COMPANY_PHONE_OWNER_IX", columnList = "COMPANY_ID"))
    @OrderColumn(name = "POS")
    List<PhoneEmbeddable> phones = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CON_COMPANY_EMAIL", joinColumns = @JoinColumn(name = "COMPANY_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = @Index(name = "CON_COMPANY_EMAIL_OWNER_IX", columnList = "COMPANY_ID"))
    @OrderColumn(name = "POS")
    @Column(name = "EMAIL", length = 254, nullable = false)
    List<String> emails = new ArrayList<>();

    @Embedded
    AddressEmbeddable address;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CON_COMPANY_TAG", joinColumns = @JoinColumn(name = "COMPANY_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = @Index(name = "CON_COMPANY_TAG_OWNER_IX", columnList = "COMPANY_ID"))
    @Column(name = "TAG", length = 50, nullable = false)
    Set<String> tags = new HashSet<>();

    /** Values carry a type prefix, see {@link CustomFields}. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CON_COMPANY_FIELD", joinColumns = @JoinColumn(name = "COMPANY_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = @Index(name = "CON_COMPANY_FIELD_OWNER_IX", columnList = "COMPANY_ID"))
    @MapKeyColumn(name = "FIELD_KEY", length = 64)
    @Column(name = "FIELD_VALUE", length = 1010)
    Map<String, String> customFields = new HashMap<>();

    @Column(name = "OWNER", length = 100, nullable = false)
    String owner;
    @Column(name = "ARCHIVED", nullable = false)
    boolean archived;
    /** The company this one was merged into (it is archived then); null otherwise. */
    @Column(name = "MERGED_INTO")
    Long mergedInto;
    @Column(name = "CREATED_AT", nullable = false)
    Timestamp createdAt;
    @Column(name = "UPDATED_AT", nullable = false)
    Timestamp updatedAt;
}
