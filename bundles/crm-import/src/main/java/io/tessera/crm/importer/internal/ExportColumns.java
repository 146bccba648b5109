package io.tessera.crm.importer.internal;

import io.tessera.crm.api.contacts.Address;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.StageChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The fixed columns of each export (the API records' fields in their order, header = the JSON field name) and the
 * cells of one record. A cell is null, a String, a Long, a BigDecimal or a Boolean; dates and instants are ISO-8601
 * text, lists are joined with "; ".
 */
final class ExportColumns {
    static final String CUSTOM_PREFIX = "custom:";
    static final String LIST_SEPARATOR = "; ";

    static final List<String> COMPANY = List.of("id", "version", "name", "legalName", "taxId", "industry", "website",
            "domain", "phones", "emails", "address.street", "address.city", "address.region", "address.postalCode",
            "address.country", "tags", "owner", "archived", "createdAt", "updatedAt");
    static final List<String> CONTACT = List.of("id", "version", "firstName", "lastName", "position", "phones",
            "emails", "birthday", "notes", "tags", "owner", "source", "companyIds", "companies", "archived",
            "createdAt", "updatedAt");
    static final List<String> DEAL = List.of("id", "version", "title", "pipelineId", "pipeline", "stageId", "stage",
            "status", "amount", "currency", "expectedCloseDate", "owner", "companyId", "company", "contactIds",
            "contacts", "source", "lossReason", "lossComment", "closedAt", "stageHistory", "archived", "createdAt",
            "updatedAt");

    private ExportColumns() {
    }

    static List<Object> company(CompanyDto c) {
        Address a = c.address();
        return cells(c.id(), c.version(), c.name(), c.legalName(), c.taxId(), c.industry(), c.website(), c.domain(),
                join(c.phones()), join(c.emails()), a == null ? null : a.street(), a == null ? null : a.city(),
                a == null ? null : a.region(), a == null ? null : a.postalCode(), a == null ? null : a.country(),
                sortedJoin(c.tags()), c.owner(), c.archived(), iso(c.createdAt()), iso(c.updatedAt()));
    }

    /** {@code names} has read the contact's companies ({@link ExportNames#readCompanies}). */
    static List<Object> contact(ContactDto c, ExportNames names) {
        return cells(c.id(), c.version(), c.firstName(), c.lastName(), c.position(), join(c.phones()),
                join(c.emails()), iso(c.birthday()), c.notes(), sortedJoin(c.tags()), c.owner(), c.source(),
                join(c.companyIds()), join(names.companies(c.companyIds())), c.archived(), iso(c.createdAt()),
                iso(c.updatedAt()));
    }

    /** {@code names} has read the deal's company and contacts. */
    static List<Object> deal(DealDto d, ExportNames names) {
        return cells(d.id(), d.version(), d.title(), d.pipelineId(), names.pipeline(d.pipelineId()), d.stageId(),
                names.stage(d.pipelineId(), d.stageId()), d.status() == null ? null : d.status().name(), d.amount(),
                d.currency(), iso(d.expectedCloseDate()), d.owner(), d.companyId(), names.company(d.companyId()),
                join(d.contactIds()), join(names.contacts(d.contactIds())), d.source(), d.lossReason(),
                d.lossComment(), iso(d.closedAt()), history(d.stageHistory()), d.archived(), iso(d.createdAt()),
                iso(d.updatedAt()));
    }

    /** Custom field values as cells, keyed by field key (values are null, String, Long, BigDecimal or Boolean). */
    static Map<String, Object> custom(Map<String, Object> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((key, value) -> out.put(key, cell(value)));
        }
        return out;
    }

    private static List<Object> cells(Object... values) {
        List<Object> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(cell(v));
        }
        return out;
    }

    /** Integral numbers become Long, other numbers BigDecimal; anything unexpected its text. */
    static Object cell(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof java.math.BigDecimal
                || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof java.math.BigInteger b) {
            return new java.math.BigDecimal(b);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? java.math.BigDecimal.valueOf(d) : Double.toString(d);
        }
        if (v instanceof Collection<?> list) {
            return join(list);
        }
        return v.toString();
    }

    private static String join(Collection<?> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.stream().map(String::valueOf).collect(Collectors.joining(LIST_SEPARATOR));
    }

    private static String sortedJoin(Collection<String> values) {
        return values == null ? null : join(new TreeSet<>(values));
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** "2024-05-01T10:00:00Z ->2 by anna; 2024-05-03T09:00:00Z 2->3 by boris". */
    private static String history(List<StageChange> changes) {
        if (changes == null || changes.isEmpty()) {
            return null;
        }
        return changes.stream()
                .map(c -> iso(c.at()) + " " + (c.fromStageId() == null ? "" : c.fromStageId()) + "->" + c.toStageId()
                        + (c.by() == null ? "" : " by " + c.by()))
                .collect(Collectors.joining(LIST_SEPARATOR));
    }
}
