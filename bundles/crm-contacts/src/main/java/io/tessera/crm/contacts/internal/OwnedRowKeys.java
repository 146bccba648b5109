package io.tessera.crm.contacts.internal;

import io.tessera.crm.support.jpa.OwnedRows;
import java.util.List;
import javax.persistence.EntityManagerFactory;

/**
 * The rows a contact or company owns (phones, e-mails, tags, custom fields, a contact's company links) and those a
 * merge owns (its conflicts, additions and moved contacts) are indexed by the owner's id but carry no foreign key to
 * it ({@link OwnedRows}): only this bundle writes them, in the owner's own transaction (through JPA or
 * {@link NewRecordRows}). Inserting an import's contacts with their phone, e-mail and tag rows took a fifth less time
 * without the keys. The merge's rows have none for another reason: EclipseLink's create-or-extend adds every key its
 * mapping declares on every start and, the key being there already, logged a warning with a stack trace for each.
 */
final class OwnedRowKeys {
    static final List<OwnedRows.Table> TABLES = List.of(
            contactRows("CON_CONTACT_PHONE"), contactRows("CON_CONTACT_EMAIL"), contactRows("CON_CONTACT_TAG"),
            contactRows("CON_CONTACT_FIELD"), contactRows("CON_CONTACT_COMPANY"),
            companyRows("CON_COMPANY_PHONE"), companyRows("CON_COMPANY_EMAIL"), companyRows("CON_COMPANY_TAG"),
            companyRows("CON_COMPANY_FIELD"),
            mergeRows("CON_MERGE_CONFLICT"), mergeRows("CON_MERGE_ADDED"), mergeRows("CON_MERGE_MOVED_CONTACT"));

    private OwnedRowKeys() {
    }

    /** Drops the keys an earlier version made; returns how many. */
    static int drop(EntityManagerFactory emf) {
        return OwnedRows.dropForeignKeys(emf, TABLES);
    }

    private static OwnedRows.Table contactRows(String table) {
        return new OwnedRows.Table(table, "CONTACT_ID", table + "_OWNER_IX");
    }

    private static OwnedRows.Table companyRows(String table) {
        return new OwnedRows.Table(table, "COMPANY_ID", table + "_OWNER_IX");
    }

    private static OwnedRows.Table mergeRows(String table) {
        return new OwnedRows.Table(table, "MERGE_ID", table + "_OWNER_IX");
    }
}
