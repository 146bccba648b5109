package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.contacts.Address;
import io.tessera.crm.support.jpa.BulkInsert;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;

/**
 * Writes new contacts and companies as JDBC batches grouped by table (see {@link BulkInsert}): the bulk create path
 * of {@link ContactBatchServiceImpl}. The SQL mirrors the mappings of {@link ContactEntity} and
 * {@link CompanyEntity}; {@code ContactBatchServiceImplTest} reads records written here back through JPA and compares
 * them with records created by the single-record services, so a mapping change that is not mirrored here fails it.
 */
final class NewRecordRows {
    /** EclipseLink starts {@code @Version} counters at 1. */
    static final long FIRST_VERSION = 1;
    private static final Short LIVE = 0;

    private static final String CONTACT = "INSERT INTO CON_CONTACT (ID, VERSION, FIRST_NAME, LAST_NAME, SORT_KEY, "
            + "SEARCH_NAME, NAME_KEY, JOB_POSITION, BIRTHDAY, NOTES, OWNER, SOURCE, ARCHIVED, MERGED_INTO, CREATED_AT, "
            + "UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String CONTACT_PHONE =
            "INSERT INTO CON_CONTACT_PHONE (CONTACT_ID, POS, PHONE, DIGITS, MATCH_KEY) VALUES (?, ?, ?, ?, ?)";
    private static final String CONTACT_EMAIL = "INSERT INTO CON_CONTACT_EMAIL (CONTACT_ID, POS, EMAIL) VALUES (?, ?, ?)";
    private static final String CONTACT_TAG = "INSERT INTO CON_CONTACT_TAG (CONTACT_ID, TAG) VALUES (?, ?)";
    private static final String CONTACT_FIELD =
            "INSERT INTO CON_CONTACT_FIELD (CONTACT_ID, FIELD_KEY, FIELD_VALUE) VALUES (?, ?, ?)";
    private static final String CONTACT_COMPANY =
            "INSERT INTO CON_CONTACT_COMPANY (CONTACT_ID, POS, COMPANY_ID) VALUES (?, ?, ?)";

    private static final String COMPANY = "INSERT INTO CON_COMPANY (ID, VERSION, NAME, SORT_KEY, NAME_KEY, LEGAL_NAME, "
            + "TAX_ID, TAX_KEY, INDUSTRY, WEBSITE, WEB_DOMAIN, ADDR_STREET, ADDR_CITY, ADDR_REGION, ADDR_POSTAL_CODE, "
            + "ADDR_COUNTRY, OWNER, ARCHIVED, MERGED_INTO, CREATED_AT, UPDATED_AT) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COMPANY_PHONE =
            "INSERT INTO CON_COMPANY_PHONE (COMPANY_ID, POS, PHONE, DIGITS, MATCH_KEY) VALUES (?, ?, ?, ?, ?)";
    private static final String COMPANY_EMAIL = "INSERT INTO CON_COMPANY_EMAIL (COMPANY_ID, POS, EMAIL) VALUES (?, ?, ?)";
    private static final String COMPANY_TAG = "INSERT INTO CON_COMPANY_TAG (COMPANY_ID, TAG) VALUES (?, ?)";
    private static final String COMPANY_FIELD =
            "INSERT INTO CON_COMPANY_FIELD (COMPANY_ID, FIELD_KEY, FIELD_VALUE) VALUES (?, ?, ?)";

    private NewRecordRows() {
    }

    /** Gives the (new, unpersisted) contacts their ids and version and writes them with their collections. */
    static void insertContacts(EntityManager em, List<ContactEntity> contacts) {
        long[] ids = BulkInsert.nextIds(em, ContactEntity.class, contacts.size());
        try (BulkInsert rows = new BulkInsert(em)) {
            for (int i = 0; i < contacts.size(); i++) {
                ContactEntity e = contacts.get(i);
                e.id = ids[i];
                e.version = FIRST_VERSION;
                rows.add(CONTACT, e.id, e.version, e.firstName, e.lastName, e.sortKey, e.searchName, e.nameKey,
                        e.position, e.birthday == null ? null : Date.valueOf(e.birthday), e.notes, e.owner, e.source,
                        LIVE, null, e.createdAt, e.updatedAt);
                phones(rows, CONTACT_PHONE, e.id, e.phones);
                for (int k = 0; k < e.emails.size(); k++) {
                    rows.add(CONTACT_EMAIL, e.id, k, e.emails.get(k));
                }
                for (String tag : e.tags) {
                    rows.add(CONTACT_TAG, e.id, tag);
                }
                fields(rows, CONTACT_FIELD, e.id, e.customFields);
                for (int k = 0; k < e.companyIds.size(); k++) {
                    rows.add(CONTACT_COMPANY, e.id, k, e.companyIds.get(k));
                }
            }
            rows.execute();
        }
    }

    /** Gives the (new, unpersisted) companies their ids and version and writes them with their collections. */
    static void insertCompanies(EntityManager em, List<CompanyEntity> companies) {
        long[] ids = BulkInsert.nextIds(em, CompanyEntity.class, companies.size());
        try (BulkInsert rows = new BulkInsert(em)) {
            for (int i = 0; i < companies.size(); i++) {
                CompanyEntity e = companies.get(i);
                e.id = ids[i];
                e.version = FIRST_VERSION;
                Address a = e.address == null ? null : e.address.toAddress();
                rows.add(COMPANY, e.id, e.version, e.name, e.sortKey, e.nameKey, e.legalName, e.taxId, e.taxKey,
                        e.industry, e.website, e.domain, a == null ? null : a.street(), a == null ? null : a.city(),
                        a == null ? null : a.region(), a == null ? null : a.postalCode(),
                        a == null ? null : a.country(), e.owner, LIVE, null, e.createdAt, e.updatedAt);
                phones(rows, COMPANY_PHONE, e.id, e.phones);
                for (int k = 0; k < e.emails.size(); k++) {
                    rows.add(COMPANY_EMAIL, e.id, k, e.emails.get(k));
                }
                for (String tag : e.tags) {
                    rows.add(COMPANY_TAG, e.id, tag);
                }
                fields(rows, COMPANY_FIELD, e.id, e.customFields);
            }
            rows.execute();
        }
    }

    private static void phones(BulkInsert rows, String sql, long owner, List<PhoneEmbeddable> phones) {
        for (int k = 0; k < phones.size(); k++) {
            PhoneEmbeddable p = phones.get(k);
            rows.add(sql, owner, k, p.number(), p.digits(), p.matchKey());
        }
    }

    private static void fields(BulkInsert rows, String sql, long owner, Map<String, String> fields) {
        for (Map.Entry<String, String> f : fields.entrySet()) {
            rows.add(sql, owner, f.getKey(), f.getValue());
        }
    }
}
