package io.tessera.crm.importer.internal;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.DealService;
import io.tessera.crm.api.deals.PipelineService;
import io.tessera.crm.api.imports.ExportFormat;
import io.tessera.crm.api.imports.ExportService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports through the list methods of the contacts and deals services (so the caller's visibility applies), 500
 * records a page, with the names of the records they link to ({@link ExportNames}). The rows go to an
 * {@link ExportSpool} first: the custom field columns are known only after the last page, and a refused or invalid
 * request must not have written anything. Then the spool is written out in the requested format, the audit line
 * logged and {@link ExportService#TOPIC_COMPLETED} sent.
 */
@Component(service = ExportService.class)
public class ExportServiceImpl implements ExportService {
    static final int PAGE = Paging.MAX_LIMIT;
    private static final Logger AUDIT = LoggerFactory.getLogger(AUDIT_LOGGER);

    private final CompanyService companies;
    private final ContactService contacts;
    private final ContactBatchService batch;
    private final DealService deals;
    private final PipelineService pipelines;
    private final EventAdmin events;

    @Activate
    public ExportServiceImpl(@Reference CompanyService companies, @Reference ContactService contacts,
                             @Reference ContactBatchService batch, @Reference DealService deals,
                             @Reference PipelineService pipelines, @Reference EventAdmin events) {
        this.companies = companies;
        this.contacts = contacts;
        this.batch = batch;
        this.deals = deals;
        this.pipelines = pipelines;
        this.events = events;
    }

    @Override
    public void checkAccess(Caller caller) {
        Objects.requireNonNull(caller, "caller");
        if (!caller.seesAll()) {
            AUDIT.warn("export refused: user={} roles={}", clean(caller.username()), new TreeSet<>(caller.roles()));
            throw new AccessDeniedException("exporting needs the role crm-admin or crm-manager");
        }
    }

    @Override
    public void exportCompanies(Caller caller, RecordQuery filter, ExportFormat format, OutputStream out) {
        checkAccess(caller);
        RecordQuery f = filter == null ? RecordQuery.all() : filter;
        run(caller, "companies", "Companies", describe(f, false), format, out, ExportColumns.COMPANY, true,
                spool -> {
                    String cursor = null;
                    do {
                        Page<CompanyDto> page = companies.list(caller, new RecordQuery(f.q(), f.owner(), f.tag(),
                                f.companyId(), f.archived(), f.sort(), new Paging(PAGE, cursor)));
                        for (CompanyDto c : page.items()) {
                            spool.add(ExportColumns.company(c), ExportColumns.custom(c.customFields()));
                        }
                        cursor = nextCursor(cursor, page);
                    } while (cursor != null);
                    return null;
                });
    }

    @Override
    public void exportContacts(Caller caller, RecordQuery filter, ExportFormat format, OutputStream out) {
        checkAccess(caller);
        RecordQuery f = filter == null ? RecordQuery.all() : filter;
        run(caller, "contacts", "Contacts", describe(f, true), format, out, ExportColumns.CONTACT, true,
                spool -> {
                    ExportNames names = new ExportNames(caller, batch, pipelines);
                    String cursor = null;
                    do {
                        Page<ContactDto> page = contacts.list(caller, new RecordQuery(f.q(), f.owner(), f.tag(),
                                f.companyId(), f.archived(), f.sort(), new Paging(PAGE, cursor)));
                        names.readCompanies(page.items().stream().flatMap(c -> c.companyIds().stream()).toList());
                        for (ContactDto c : page.items()) {
                            spool.add(ExportColumns.contact(c, names), ExportColumns.custom(c.customFields()));
                        }
                        cursor = nextCursor(cursor, page);
                    } while (cursor != null);
                    return null;
                });
    }

    @Override
    public void exportDeals(Caller caller, DealQuery filter, ExportFormat format, OutputStream out) {
        checkAccess(caller);
        DealQuery f = filter == null ? DealQuery.all() : filter;
        run(caller, "deals", "Deals", describe(f), format, out, ExportColumns.DEAL, false, spool -> {
            ExportNames names = new ExportNames(caller, batch, pipelines);
            String cursor = null;
            do {
                Page<DealDto> page = deals.list(caller, new DealQuery(f.q(), f.owner(), f.pipelineId(),
                        f.stageId(), f.status(), f.companyId(), f.contactId(), f.lossReason(), f.archived(), f.sort(),
                        new Paging(PAGE, cursor)));
                names.readCompanies(page.items().stream().map(DealDto::companyId).toList());
                names.readContacts(page.items().stream().flatMap(d -> d.contactIds().stream()).toList());
                for (DealDto d : page.items()) {
                    spool.add(ExportColumns.deal(d, names), Map.of());
                }
                cursor = nextCursor(cursor, page);
            } while (cursor != null);
            return null;
        });
    }

    private static String nextCursor(String current, Page<?> page) {
        String next = page.nextCursor();
        if (next != null && next.equals(current)) {
            throw new IllegalStateException("the list answered the same cursor again: " + next);
        }
        return next;
    }

    private void run(Caller caller, String records, String sheet, String filters, ExportFormat format,
                     OutputStream out, List<String> columns, boolean withCustom, Function<ExportSpool, Void> read) {
        if (format == null) {
            throw new ValidationException("format", "is required (CSV or XLSX)");
        }
        Objects.requireNonNull(out, "out");
        long written = 0;
        try (ExportSpool spool = new ExportSpool()) {
            // 1. read every page (errors such as an unknown sort surface here, before anything is written)
            read.apply(spool);
            // 2. write the file
            List<String> custom = withCustom ? spool.customKeys() : List.of();
            List<String> header = new ArrayList<>(columns);
            custom.forEach(key -> header.add(ExportColumns.CUSTOM_PREFIX + key));
            long[] count = {0};
            try (ExportWriter writer = ExportWriter.of(format, out, sheet)) {
                writer.header(header);
                spool.replay(row -> {
                    List<Object> cells = new ArrayList<>(header.size());
                    cells.addAll(row.cells());
                    for (String key : custom) {
                        cells.add(row.custom().get(key));
                    }
                    writer.row(cells);
                    count[0]++;
                });
                writer.finish();
            }
            written = count[0];
        } catch (IOException e) {
            audit(false, caller, records, format, filters, written, e);
            throw new UncheckedIOException("the export could not be written", e);
        } catch (RuntimeException e) {
            audit(false, caller, records, format, filters, written, e);
            throw e;
        }
        audit(true, caller, records, format, filters, written, null);
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ENTITY, ENTITY);
        props.put(CrmEvents.ACTOR, caller.username());
        props.put(CrmEvents.SUMMARY, "Exported " + written + " " + records + " as " + format);
        props.put(PROP_RECORDS, records);
        props.put(PROP_FORMAT, format.name());
        props.put(PROP_ROWS, written);
        props.put(PROP_FILTERS, filters);
        props.put(CrmEvents.COMPANY_IDS, List.of());
        props.put(CrmEvents.CONTACT_IDS, List.of());
        props.put(CrmEvents.DEAL_IDS, List.of());
        events.sendEvent(new Event(TOPIC_COMPLETED, props));
    }

    private static void audit(boolean ok, Caller caller, String records, ExportFormat format, String filters,
                              long rows, Exception failure) {
        if (ok) {
            AUDIT.info("export {}: user={} roles={} format={} rows={} filters=[{}]", records,
                    clean(caller.username()), new TreeSet<>(caller.roles()), format, rows, filters);
        } else {
            AUDIT.warn("export {} failed: user={} roles={} format={} rowsWritten={} filters=[{}] error={}", records,
                    clean(caller.username()), new TreeSet<>(caller.roles()), format, rows, filters,
                    clean(String.valueOf(failure)));
        }
    }

    static String describe(RecordQuery f, boolean contacts) {
        StringJoiner j = new StringJoiner(", ");
        text(j, "q", f.q());
        text(j, "owner", f.owner());
        text(j, "tag", f.tag());
        if (contacts && f.companyId() != null) {
            j.add("companyId=" + f.companyId());
        }
        j.add("archived=" + f.archived());
        text(j, "sort", f.sort());
        return j.toString();
    }

    static String describe(DealQuery f) {
        StringJoiner j = new StringJoiner(", ");
        text(j, "q", f.q());
        text(j, "owner", f.owner());
        number(j, "pipelineId", f.pipelineId());
        number(j, "stageId", f.stageId());
        if (f.status() != null) {
            j.add("status=" + f.status());
        }
        number(j, "companyId", f.companyId());
        number(j, "contactId", f.contactId());
        text(j, "lossReason", f.lossReason());
        j.add("archived=" + f.archived());
        text(j, "sort", f.sort());
        return j.toString();
    }

    private static void text(StringJoiner j, String name, String value) {
        if (value != null && !value.isBlank()) {
            j.add(name + "=\"" + clean(value).replace("\"", "\\\"") + "\"");
        }
    }

    private static void number(StringJoiner j, String name, Long value) {
        if (value != null) {
            j.add(name + "=" + value);
        }
    }

    /** One log line stays one line: control characters are escaped, over-long values cut. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), 200) + 8);
        for (int i = 0; i < s.length() && i < 200; i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(ch)) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        if (s.length() > 200) {
            b.append('…');
        }
        return b.toString();
    }
}
