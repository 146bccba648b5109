package io.tessera.crm.rest.imports;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.DealStatus;
import io.tessera.crm.api.imports.ExportFormat;
import io.tessera.crm.api.imports.ExportService;
import io.tessera.crm.rest.support.RestSupport;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

/**
 * Exports ({@link ExportService}): {@code GET /exports/companies}, {@code /exports/contacts} and {@code /exports/deals}
 * with {@code format=csv} (default) or {@code format=xlsx} and the filters of the matching list ({@code q, owner, tag,
 * companyId, archived, sort}; deals {@code q, owner, pipelineId, stageId, status, companyId, contactId, lossReason,
 * archived, sort}); {@code limit} and {@code cursor} are not taken: an export holds every matching record. Answers the
 * file as an attachment named {@code <records>-<yyyy-MM-dd>.<csv|xlsx>}. Only crm-admin and crm-manager (403 for
 * others, before anything is streamed); bad parameters answer 400 naming the parameter. No {@code @Produces}: the
 * response carries its own type (text/csv;charset=UTF-8 or the XLSX type), whatever the client's Accept header.
 */
@Path("/exports")
public class ExportResource {
    private final ExportService exports;

    public ExportResource(ExportService exports) {
        this.exports = exports;
    }

    @GET
    @Path("companies")
    public Response companies(@Context HttpServletRequest rq, @QueryParam("format") String format,
                              @QueryParam("q") String q, @QueryParam("owner") String owner,
                              @QueryParam("tag") String tag, @QueryParam("archived") String archived,
                              @QueryParam("sort") String sort) {
        Caller caller = RestSupport.caller(rq);
        ExportFormat f = format(format);
        RecordQuery query = new RecordQuery(blankToNull(q), blankToNull(owner), blankToNull(tag), null,
                Boolean.TRUE.equals(RestSupport.boolParam("archived", archived)), blankToNull(sort), null);
        exports.checkAccess(caller);
        return file("companies", f, out -> exports.exportCompanies(caller, query, f, out));
    }

    @GET
    @Path("contacts")
    public Response contacts(@Context HttpServletRequest rq, @QueryParam("format") String format,
                             @QueryParam("q") String q, @QueryParam("owner") String owner,
                             @QueryParam("tag") String tag, @QueryParam("companyId") String companyId,
                             @QueryParam("archived") String archived, @QueryParam("sort") String sort) {
        Caller caller = RestSupport.caller(rq);
        ExportFormat f = format(format);
        RecordQuery query = new RecordQuery(blankToNull(q), blankToNull(owner), blankToNull(tag),
                RestSupport.longParam("companyId", companyId),
                Boolean.TRUE.equals(RestSupport.boolParam("archived", archived)), blankToNull(sort), null);
        exports.checkAccess(caller);
        return file("contacts", f, out -> exports.exportContacts(caller, query, f, out));
    }

    @GET
    @Path("deals")
    public Response deals(@Context HttpServletRequest rq, @QueryParam("format") String format,
                          @QueryParam("q") String q, @QueryParam("owner") String owner,
                          @QueryParam("pipelineId") String pipelineId, @QueryParam("stageId") String stageId,
                          @QueryParam("status") String status, @QueryParam("companyId") String companyId,
                          @QueryParam("contactId") String contactId, @QueryParam("lossReason") String lossReason,
                          @QueryParam("archived") String archived, @QueryParam("sort") String sort) {
        Caller caller = RestSupport.caller(rq);
        ExportFormat f = format(format);
        DealQuery query = new DealQuery(blankToNull(q), blankToNull(owner),
                RestSupport.longParam("pipelineId", pipelineId), RestSupport.longParam("stageId", stageId),
                RestSupport.enumParam("status", status, DealStatus.class),
                RestSupport.longParam("companyId", companyId), RestSupport.longParam("contactId", contactId),
                blankToNull(lossReason), Boolean.TRUE.equals(RestSupport.boolParam("archived", archived)),
                blankToNull(sort), null);
        exports.checkAccess(caller);
        return file("deals", f, out -> exports.exportDeals(caller, query, f, out));
    }

    /** {@code csv} (also when absent) or {@code xlsx}, any case; anything else is a 400 naming {@code format}. */
    static ExportFormat format(String value) {
        if (value == null || value.isBlank()) {
            return ExportFormat.CSV;
        }
        try {
            return RestSupport.enumParam("format", value, ExportFormat.class);
        } catch (ValidationException e) {
            throw new ValidationException("format", "must be csv or xlsx");
        }
    }

    private static Response file(String records, ExportFormat format, StreamingOutput body) {
        String name = records + "-" + LocalDate.now(ZoneOffset.UTC) + "." + format.extension();
        return Response.ok(body, format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
