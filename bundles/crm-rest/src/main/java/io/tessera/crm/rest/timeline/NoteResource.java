package io.tessera.crm.rest.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.timeline.NoteDto;
import io.tessera.crm.api.timeline.NoteInput;
import io.tessera.crm.api.timeline.NoteService;
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
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/**
 * {@code /notes}: create ({@code {"text", "companyId", "contactId", "dealId"}}, at least one id), read, JSON merge
 * patch (If-Match or a {@code version} field for optimistic locking), archive ({@code DELETE}) and restore. A note
 * shows in the timeline of every record it names.
 */
@Path("/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {
    private static final NoteInput EMPTY = new NoteInput(null, null, null, null);

    private final NoteService notes;

    public NoteResource(NoteService notes) {
        this.notes = notes;
    }

    @POST
    public Response create(@Context HttpServletRequest request, @Context UriInfo uri, JsonNode body) {
        NoteInput input = RestSupport.merge(EMPTY, body, NoteInput.class);
        NoteDto created = notes.create(RestSupport.caller(request), input);
        return RestSupport.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("{id}")
    public Response get(@Context HttpServletRequest request, @PathParam("id") long id) {
        NoteDto note = notes.get(RestSupport.caller(request), id);
        return RestSupport.ok(note.version(), note);
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    public Response patch(@Context HttpServletRequest request, @PathParam("id") long id,
                          @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        Caller caller = RestSupport.caller(request);
        NoteDto current = notes.get(caller, id);
        long expected = RestSupport.expectedVersion(ifMatch, patch, current.version());
        NoteInput merged = RestSupport.merge(current, patch, NoteInput.class);
        NoteDto updated = notes.update(caller, id, expected, merged);
        return RestSupport.ok(updated.version(), updated);
    }

    @DELETE
    @Path("{id}")
    public Response archive(@Context HttpServletRequest request, @PathParam("id") long id) {
        NoteDto note = notes.archive(RestSupport.caller(request), id);
        return RestSupport.ok(note.version(), note);
    }

    @POST
    @Path("{id}/restore")
    public Response restore(@Context HttpServletRequest request, @PathParam("id") long id) {
        NoteDto note = notes.restore(RestSupport.caller(request), id);
        return RestSupport.ok(note.version(), note);
    }
}
