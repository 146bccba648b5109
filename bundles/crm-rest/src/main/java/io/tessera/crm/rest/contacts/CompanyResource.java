package io.tessera.crm.rest.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.DuplicateGroup;
import io.tessera.crm.api.contacts.DuplicateService;
import io.tessera.crm.api.contacts.MergeRecord;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.rest.support.RestSupport;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/** Companies: list, create, get, merge-patch, archive (DELETE) and restore. */
@Path("/companies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompanyResource {
    private final CompanyService companies;
    private final DuplicateService duplicates;

    public CompanyResource(CompanyService companies, DuplicateService duplicates) {
        this.companies = companies;
        this.duplicates = duplicates;
    }

    @GET
    public Page<CompanyDto> list(@Context HttpServletRequest rq, @QueryParam("q") String q,
                                 @QueryParam("owner") String owner, @QueryParam("tag") String tag,
                                 @QueryParam("archived") String archived, @QueryParam("sort") String sort,
                                 @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Boolean inArchive = RestSupport.boolParam("archived", archived);
        RecordQuery query = new RecordQuery(q, owner, tag, null, Boolean.TRUE.equals(inArchive), sort,
                RestSupport.paging(limit, cursor));
        return companies.list(RestSupport.caller(rq), query);
    }

    @POST
    public Response create(@Context HttpServletRequest rq, @Context UriInfo uri, CompanyInput input) {
        CompanyDto created = companies.create(RestSupport.caller(rq), input);
        return RestSupport.created(uri, created.id(), created.version(), created);
    }

    /**
     * Groups of live companies that look like the same company, with the rule and the reason; only groups whose
     * every member the caller may see. Paged like every list.
     */
    @GET
    @Path("duplicates")
    public Page<DuplicateGroup> duplicates(@Context HttpServletRequest rq, @QueryParam("limit") String limit,
                                           @QueryParam("cursor") String cursor) {
        return duplicates.companyDuplicates(RestSupport.caller(rq), RestSupport.paging(limit, cursor));
    }

    /**
     * Merges {@code {"mergeId": m}} into this company (the survivor): nothing is lost, conflicting values go to
     * the merge history, the merged card is archived (restorable). {@code If-Match} (optional) checks the survivor's
     * version. Answers the survivor with its new ETag.
     */
    @POST
    @Path("{id}/merge")
    public Response merge(@Context HttpServletRequest rq, @PathParam("id") long id,
                          @HeaderParam("If-Match") String ifMatch, MergeRequest body) {
        long mergeId = Merging.mergeId(body);
        CompanyDto survivor = duplicates.mergeCompanies(RestSupport.caller(rq), id, mergeId,
                Merging.expectedVersion(ifMatch));
        return RestSupport.ok(survivor.version(), survivor);
    }

    /** The merges this company took part in (as survivor or as merged card), oldest first, with their conflicts. */
    @GET
    @Path("{id}/merge-history")
    public Page<MergeRecord> mergeHistory(@Context HttpServletRequest rq, @PathParam("id") long id) {
        return new Page<>(duplicates.companyMergeHistory(RestSupport.caller(rq), id), null);
    }

    @GET
    @Path("{id}")
    public Response get(@Context HttpServletRequest rq, @PathParam("id") long id) {
        CompanyDto company = companies.get(RestSupport.caller(rq), id);
        return RestSupport.ok(company.version(), company);
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    public Response patch(@Context HttpServletRequest rq, @PathParam("id") long id,
                          @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        Caller caller = RestSupport.caller(rq);
        CompanyDto current = companies.get(caller, id);
        long expected = RestSupport.expectedVersion(ifMatch, patch, current.version());
        CompanyInput input = RestSupport.merge(current, patch, CompanyInput.class);
        CompanyDto updated = companies.update(caller, id, expected, input);
        return RestSupport.ok(updated.version(), updated);
    }

    @DELETE
    @Path("{id}")
    public Response archive(@Context HttpServletRequest rq, @PathParam("id") long id) {
        CompanyDto archived = companies.archive(RestSupport.caller(rq), id);
        return RestSupport.ok(archived.version(), archived);
    }

    @POST
    @Path("{id}/restore")
    public Response restore(@Context HttpServletRequest rq, @PathParam("id") long id) {
        CompanyDto restored = companies.restore(RestSupport.caller(rq), id);
        return RestSupport.ok(restored.version(), restored);
    }
}
