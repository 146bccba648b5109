package io.tessera.crm.rest.deals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.api.deals.PipelineInput;
import io.tessera.crm.api.deals.PipelineService;
import io.tessera.crm.rest.support.RestSupport;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/**
 * {@code /pipelines}: everybody reads them; admins and managers create, replace (PUT, stages in order; a stage keeps
 * its deals when its {@code id} is given) and archive them.
 */
@Path("/pipelines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PipelineResource {
    private static final PipelineInput EMPTY = new PipelineInput(null, null);

    private final PipelineService pipelines;

    public PipelineResource(PipelineService pipelines) {
        this.pipelines = pipelines;
    }

    /** The live pipelines, the default one first; not paged (there are few). */
    @GET
    public Page<PipelineDto> list(@Context HttpServletRequest request) {
        return new Page<>(pipelines.list(RestSupport.caller(request)), null);
    }

    @POST
    public Response create(@Context HttpServletRequest request, @Context UriInfo uri, JsonNode body) {
        PipelineInput input = RestSupport.merge(EMPTY, body, PipelineInput.class);
        PipelineDto created = pipelines.create(RestSupport.caller(request), input);
        return RestSupport.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("{id}")
    public Response get(@Context HttpServletRequest request, @PathParam("id") long id) {
        PipelineDto p = pipelines.get(RestSupport.caller(request), id);
        return RestSupport.ok(p.version(), p);
    }

    /** Replaces the pipeline: fields left out are empty. The version comes from If-Match or a {@code version} field. */
    @PUT
    @Path("{id}")
    public Response update(@Context HttpServletRequest request, @PathParam("id") long id,
                           @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Caller caller = RestSupport.caller(request);
        PipelineInput input = RestSupport.merge(EMPTY, body, PipelineInput.class);
        long current = pipelines.get(caller, id).version();
        long expected = RestSupport.expectedVersion(ifMatch, body, current);
        PipelineDto updated = pipelines.update(caller, id, expected, input);
        return RestSupport.ok(updated.version(), updated);
    }

    @DELETE
    @Path("{id}")
    public Response archive(@Context HttpServletRequest request, @PathParam("id") long id) {
        PipelineDto archived = pipelines.archive(RestSupport.caller(request), id);
        return RestSupport.ok(archived.version(), archived);
    }
}
