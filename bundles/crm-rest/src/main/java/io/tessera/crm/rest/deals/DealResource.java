package io.tessera.crm.rest.deals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealInput;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.DealService;
import io.tessera.crm.api.deals.DealStatus;
import io.tessera.crm.api.deals.PipelineService;
import io.tessera.crm.rest.support.RestSupport;
import java.util.List;
import java.util.Map;
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

/**
 * {@code /deals}: list with filters, create, read, JSON merge patch, archive ({@code DELETE}) and restore, stage moves
 * ({@code POST /deals/{id}/stage}) and the configured loss reasons ({@code GET /deals/loss-reasons}).
 */
@Path("/deals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DealResource {
    /** The body of {@code POST /deals/{id}/stage}; a {@code version} field may stand in for If-Match. */
    public record StageMove(Long stageId, String lossReason, String lossComment) {
    }

    private static final DealInput EMPTY = new DealInput(null, null, null, null, null, null, null, null, null, null,
            null, null);
    private static final StageMove NO_MOVE = new StageMove(null, null, null);

    private final DealService deals;
    private final PipelineService pipelines;

    public DealResource(DealService deals, PipelineService pipelines) {
        this.deals = deals;
        this.pipelines = pipelines;
    }

    /** Without the PipelineService {@code GET /deals/loss-reasons} answers 404; prefer the two-argument form. */
    public DealResource(DealService deals) {
        this(deals, null);
    }

    @GET
    public Page<DealDto> list(@Context HttpServletRequest request, @QueryParam("q") String q,
                              @QueryParam("owner") String owner, @QueryParam("pipelineId") String pipelineId,
                              @QueryParam("stageId") String stageId, @QueryParam("status") String status,
                              @QueryParam("companyId") String companyId, @QueryParam("contactId") String contactId,
                              @QueryParam("lossReason") String lossReason, @QueryParam("archived") String archived,
                              @QueryParam("sort") String sort, @QueryParam("limit") String limit,
                              @QueryParam("cursor") String cursor) {
        Boolean archive = RestSupport.boolParam("archived", archived);
        DealQuery query = new DealQuery(blankToNull(q), blankToNull(owner),
                RestSupport.longParam("pipelineId", pipelineId), RestSupport.longParam("stageId", stageId),
                RestSupport.enumParam("status", status, DealStatus.class),
                RestSupport.longParam("companyId", companyId), RestSupport.longParam("contactId", contactId),
                blankToNull(lossReason), archive != null && archive, blankToNull(sort),
                RestSupport.paging(limit, cursor));
        return deals.list(RestSupport.caller(request), query);
    }

    @GET
    @Path("loss-reasons")
    public Map<String, List<String>> lossReasons() {
        if (pipelines == null) {
            throw new NotFoundException("resource", "loss-reasons");
        }
        return Map.of("items", pipelines.lossReasons());
    }

    @POST
    public Response create(@Context HttpServletRequest request, @Context UriInfo uri, JsonNode body) {
        DealInput input = RestSupport.merge(EMPTY, body, DealInput.class);
        DealDto created = deals.create(RestSupport.caller(request), input);
        return RestSupport.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("{id}")
    public Response get(@Context HttpServletRequest request, @PathParam("id") long id) {
        DealDto d = deals.get(RestSupport.caller(request), id);
        return RestSupport.ok(d.version(), d);
    }

    /**
     * JSON merge patch over the deal's client-settable fields. Changing {@code stageId} alone lets the stage decide
     * the pipeline (so a deal can move to another pipeline); changing {@code pipelineId} alone puts the deal into
     * that pipeline's first open stage.
     */
    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    public Response patch(@Context HttpServletRequest request, @PathParam("id") long id,
                          @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        Caller caller = RestSupport.caller(request);
        DealDto current = deals.get(caller, id);
        long expected = RestSupport.expectedVersion(ifMatch, patch, current.version());
        DealInput merged = RestSupport.merge(current, patch, DealInput.class);
        boolean stageGiven = patch.has("stageId");
        boolean pipelineGiven = patch.has("pipelineId");
        if (stageGiven && !pipelineGiven) {
            merged = withPlace(merged, null, merged.stageId());
        } else if (pipelineGiven && !stageGiven) {
            merged = withPlace(merged, merged.pipelineId(), null);
        }
        DealDto updated = deals.update(caller, id, expected, merged);
        return RestSupport.ok(updated.version(), updated);
    }

    @DELETE
    @Path("{id}")
    public Response archive(@Context HttpServletRequest request, @PathParam("id") long id) {
        DealDto d = deals.archive(RestSupport.caller(request), id);
        return RestSupport.ok(d.version(), d);
    }

    @POST
    @Path("{id}/restore")
    public Response restore(@Context HttpServletRequest request, @PathParam("id") long id) {
        DealDto d = deals.restore(RestSupport.caller(request), id);
        return RestSupport.ok(d.version(), d);
    }

    /** Moves the deal into a stage (of any pipeline); a LOST stage needs {@code lossReason}. */
    @POST
    @Path("{id}/stage")
    public Response moveToStage(@Context HttpServletRequest request, @PathParam("id") long id,
                                @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Caller caller = RestSupport.caller(request);
        StageMove move = RestSupport.merge(NO_MOVE, body, StageMove.class);
        if (move.stageId() == null) {
            throw new ValidationException("stageId", "is required");
        }
        long current = deals.get(caller, id).version();
        long expected = RestSupport.expectedVersion(ifMatch, body, current);
        DealDto moved = deals.moveToStage(caller, id, expected, move.stageId(), move.lossReason(),
                move.lossComment());
        return RestSupport.ok(moved.version(), moved);
    }

    private static DealInput withPlace(DealInput in, Long pipelineId, Long stageId) {
        return new DealInput(in.title(), pipelineId, stageId, in.amount(), in.currency(), in.expectedCloseDate(),
                in.owner(), in.companyId(), in.contactIds(), in.source(), in.lossReason(), in.lossComment());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
