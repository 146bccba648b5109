package io.tessera.crm.rest.imports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportRowResult;
import io.tessera.crm.api.imports.ImportService;
import io.tessera.crm.rest.support.RestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;
import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;

/**
 * Imports: {@code POST /imports} either as multipart/form-data (part {@code file}, optional part {@code options} with
 * the {@link ImportOptions} JSON) or with the raw file as the body (text/csv, the XLSX type or
 * application/octet-stream) and the options as query parameters ({@code fileName, entity, mode, dryRun, delimiter,
 * encoding, region}). Answers 202 with the job and its Location; {@code GET /imports/{id}} shows progress,
 * {@code GET /imports/{id}/rows} the report, {@code POST /imports/{id}/cancel} stops it after the rows it is writing,
 * {@code POST /imports/{id}/undo} reverts it (202, in the background).
 */
@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** How long a cancel waits for the import to stop: a buffer of 500 contacts takes under a second to write. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ImportService imports;

    public ImportResource(ImportService imports) {
        this.imports = imports;
    }

    @POST
    @Consumes({"text/csv", "text/plain", XLSX, MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(@Context HttpServletRequest rq, @Context UriInfo uri, @QueryParam("fileName") String fileName,
                           @QueryParam("entity") String entity, @QueryParam("mode") String mode,
                           @QueryParam("dryRun") String dryRun, @QueryParam("delimiter") String delimiter,
                           @QueryParam("encoding") String encoding, @QueryParam("region") String region,
                           InputStream body) {
        String name = fileName;
        if (name == null && rq.getContentType() != null && rq.getContentType().startsWith(XLSX)) {
            name = "upload.xlsx";
        }
        ImportOptions options = new ImportOptions(
                RestSupport.enumParam("entity", entity, ImportOptions.Entity.class),
                RestSupport.enumParam("mode", mode, ImportOptions.Mode.class),
                RestSupport.boolParam("dryRun", dryRun), Map.of(), delimiter, encoding, region);
        return accepted(uri, imports.start(RestSupport.caller(rq), name, body, options));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadForm(@Context HttpServletRequest rq, @Context UriInfo uri, MultipartBody body)
            throws IOException {
        Attachment file = body.getAttachment("file");
        if (file == null) {
            throw new ValidationException("file", "is required (a multipart part named 'file')");
        }
        ImportOptions options = ImportOptions.defaults();
        Attachment opts = body.getAttachment("options");
        if (opts != null) {
            try (InputStream in = opts.getDataHandler().getInputStream()) {
                options = JSON.readValue(in, ImportOptions.class);
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new ValidationException("options", "is not valid import options JSON: "
                        + e.getOriginalMessage());
            }
        }
        String name = file.getContentDisposition() == null ? null
                : file.getContentDisposition().getParameter("filename");
        try (InputStream in = file.getDataHandler().getInputStream()) {
            return accepted(uri, imports.start(RestSupport.caller(rq), name, in, options));
        }
    }

    private static Response accepted(UriInfo uri, ImportDto job) {
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(String.valueOf(job.id())).build())
                .build();
    }

    /** The caller's imports (an admin's: everyone's), newest first: where to find the one to follow or undo. */
    @GET
    public Page<ImportDto> list(@Context HttpServletRequest rq, @QueryParam("limit") String limit,
                                @QueryParam("cursor") String cursor) {
        return imports.list(RestSupport.caller(rq), RestSupport.paging(limit, cursor));
    }

    @GET
    @Path("{id}")
    public ImportDto get(@Context HttpServletRequest rq, @PathParam("id") long id) {
        return imports.get(RestSupport.caller(rq), id);
    }

    /** {@code ?outcome=REJECTED} (repeated or comma-separated for several) keeps only the rows with those outcomes. */
    @GET
    @Path("{id}/rows")
    public Page<ImportRowResult> rows(@Context HttpServletRequest rq, @PathParam("id") long id,
                                      @QueryParam("outcome") List<String> outcome,
                                      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Set<ImportRowResult.Outcome> outcomes = EnumSet.noneOf(ImportRowResult.Outcome.class);
        for (String values : outcome) {
            for (String value : values.split(",")) {
                if (!value.isBlank()) {
                    outcomes.add(RestSupport.enumParam("outcome", value, ImportRowResult.Outcome.class));
                }
            }
        }
        return imports.report(RestSupport.caller(rq), id, outcomes, RestSupport.paging(limit, cursor));
    }

    /** The rejected rows as a CSV file to correct and import again ({@link ImportService#writeRejectedRows}). */
    @GET
    @Path("{id}/rejected")
    @Produces("text/csv")
    public Response rejectedRows(@Context HttpServletRequest rq, @PathParam("id") long id) {
        Caller caller = RestSupport.caller(rq);
        imports.get(caller, id); // a job the caller may not see is a 404 before any byte is sent
        StreamingOutput body = out -> imports.writeRejectedRows(caller, id, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-rejected.csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /**
     * Cancels a queued or running import and waits a little for it to stop after the buffer of rows it is writing:
     * 200 with the job once it is CANCELLED, 202 with it while it is still writing ({@code GET /imports/{id}} follows
     * it). A finished import or one being undone is a 409.
     */
    @POST
    @Path("{id}/cancel")
    public Response cancel(@Context HttpServletRequest rq, @Context UriInfo uri, @PathParam("id") long id) {
        Caller caller = RestSupport.caller(rq);
        imports.cancel(caller, id);
        ImportDto job = imports.await(caller, id, CANCEL_WAIT);
        if (job.status().finished()) {
            return Response.ok(job).build();
        }
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("imports").path(String.valueOf(id))
                .build()).build();
    }

    /** 202 with the job (status UNDOING): the undo runs in the background, {@code GET /imports/{id}} follows it. */
    @POST
    @Path("{id}/undo")
    public Response undo(@Context HttpServletRequest rq, @Context UriInfo uri, @PathParam("id") long id) {
        ImportDto job = imports.undo(RestSupport.caller(rq), id);
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("imports").path(String.valueOf(id))
                .build()).build();
    }
}
