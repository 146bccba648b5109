package io.tessera.crm.api.imports;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.deals.DealQuery;
import java.io.OutputStream;

/**
 * Export of companies, contacts and deals to CSV or XLSX ({@link ExportFormat}), with the same filters as the lists.
 *
 * <p><b>Who may export.</b> Bulk download of the base is a right of {@code crm-admin} and {@code crm-manager}; any
 * other caller gets an {@link io.tessera.crm.api.AccessDeniedException} (403) and the refusal is logged to the audit
 * log. The records are read page by page through {@code CompanyService}, {@code ContactService} and
 * {@code DealService} with the caller, so every visibility rule of the lists applies; the filter's {@code paging}
 * is ignored (the export reads every page). Pages are read one after another, not as one snapshot: a record changed
 * during a long export may show its older or its newer state.
 *
 * <p><b>Audit.</b> Every finished export writes one INFO line to the SLF4J logger {@link #AUDIT_LOGGER} (who, what,
 * format, filters, row count) and sends the event {@link #TOPIC_COMPLETED}; a refused or failed export writes a WARN
 * line there.
 *
 * <p><b>Columns.</b> The header row holds the English field names of the API's records, in the records' order, so
 * that an exported file can be imported again: companies {@code id, version, name, legalName, taxId, industry,
 * website, domain, phones, emails, address.street, address.city, address.region, address.postalCode,
 * address.country, tags, owner, archived, createdAt, updatedAt}; contacts {@code id, version, firstName, lastName,
 * position, phones, emails, birthday, notes, tags, owner, source, companyIds, archived, createdAt, updatedAt}; deals
 * {@code id, version, title, pipelineId, stageId, status, amount, currency, expectedCloseDate, owner, companyId,
 * contactIds, source, lossReason, lossComment, closedAt, stageHistory, archived, createdAt, updatedAt}. Companies and
 * contacts then get one column {@code custom:<key>} per custom field key found in any exported row, keys sorted.
 * Lists are joined with {@code "; "} (tags sorted); instants are ISO-8601 in UTC ({@code 2024-05-01T10:15:30Z}),
 * dates ISO-8601 ({@code 2024-05-01}); a missing value is an empty cell. A stage history entry reads
 * {@code <at> <fromStageId>-><toStageId> by <user>} ({@code ->3} for the first stage).
 *
 * <p><b>Streams.</b> Nothing is written to {@code out} until every page has been read, so a refused caller or an
 * invalid filter ({@link io.tessera.crm.api.ValidationException}, e.g. an unknown {@code sort}) leaves it untouched
 * (a REST layer can still answer with an error). {@code out} is flushed, never closed.
 */
public interface ExportService {
    /** The SLF4J logger name of the audit log. */
    String AUDIT_LOGGER = "tessera.audit";
    /** The EventAdmin topic sent after each finished export: {@code tessera/crm/export/COMPLETED}. */
    String TOPIC_COMPLETED = "tessera/crm/export/COMPLETED";
    /**
     * The event's {@code entity} property ({@link io.tessera.crm.api.CrmEvents#ENTITY}); the event also carries
     * {@link io.tessera.crm.api.CrmEvents#ACTOR}, {@link io.tessera.crm.api.CrmEvents#SUMMARY} (e.g. "Exported 120
     * contacts as CSV"), {@link #PROP_RECORDS}, {@link #PROP_FORMAT}, {@link #PROP_ROWS}, {@link #PROP_FILTERS} and
     * empty id lists ({@code companyIds}, {@code contactIds}, {@code dealIds}).
     */
    String ENTITY = "export";
    /** String: {@code companies}, {@code contacts} or {@code deals}. */
    String PROP_RECORDS = "records";
    /** String: {@code CSV} or {@code XLSX}. */
    String PROP_FORMAT = "format";
    /** Long: the number of data rows written. */
    String PROP_ROWS = "rows";
    /** String: the filters as one line, e.g. {@code q="acme", owner="anna", archived=false}. */
    String PROP_FILTERS = "filters";

    /**
     * Throws {@link io.tessera.crm.api.AccessDeniedException} (and logs the refusal to the audit log) unless the
     * caller may export; lets a REST layer refuse with 403 before it commits a streamed response.
     */
    void checkAccess(Caller caller);

    /** Writes the companies matching {@code filter} (null: all live ones) to {@code out}. */
    void exportCompanies(Caller caller, RecordQuery filter, ExportFormat format, OutputStream out);

    /** Writes the contacts matching {@code filter} (null: all live ones) to {@code out}. */
    void exportContacts(Caller caller, RecordQuery filter, ExportFormat format, OutputStream out);

    /** Writes the deals matching {@code filter} (null: all live ones) to {@code out}. */
    void exportDeals(Caller caller, DealQuery filter, ExportFormat format, OutputStream out);
}
