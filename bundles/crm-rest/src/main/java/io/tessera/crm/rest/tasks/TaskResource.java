package io.tessera.crm.rest.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.api.tasks.TaskInput;
import io.tessera.crm.api.tasks.TaskQuery;
import io.tessera.crm.api.tasks.TaskService;
import io.tessera.crm.api.tasks.TaskStatus;
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

/**
 * {@code /tasks}: list with filters ({@code overdue=true} lists unfinished tasks past their due time), create, read,
 * JSON merge patch, archive ({@code DELETE}) and restore, {@code POST /tasks/{id}/complete} and
 * {@code POST /tasks/{id}/reopen} (optimistic lock through {@code If-Match}; without it the current version).
 */
@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {
    private static final TaskInput EMPTY = new TaskInput(null, null, null, null, null, null, null, null, null, null,
            null);

    private final TaskService tasks;

    public TaskResource(TaskService tasks) {
        this.tasks = tasks;
    }

    /** Sorts: {@code dueAt} (default, tasks without a due time last), {@code -dueAt}, {@code priority},
     * {@code -priority}, {@code createdAt}, {@code -createdAt}. */
    @GET
    public Page<TaskDto> list(@Context HttpServletRequest request, @QueryParam("q") String q,
                              @QueryParam("assignee") String assignee, @QueryParam("status") String status,
                              @QueryParam("overdue") String overdue, @QueryParam("companyId") String companyId,
                              @QueryParam("contactId") String contactId, @QueryParam("dealId") String dealId,
                              @QueryParam("parentId") String parentId, @QueryParam("archived") String archived,
                              @QueryParam("sort") String sort, @QueryParam("limit") String limit,
                              @QueryParam("cursor") String cursor) {
        Boolean archive = RestSupport.boolParam("archived", archived);
        TaskQuery query = new TaskQuery(blankToNull(q), blankToNull(assignee),
                RestSupport.enumParam("status", status, TaskStatus.class),
                RestSupport.boolParam("overdue", overdue),
                RestSupport.longParam("companyId", companyId), RestSupport.longParam("contactId", contactId),
                RestSupport.longParam("dealId", dealId), RestSupport.longParam("parentId", parentId),
                archive != null && archive, blankToNull(sort), RestSupport.paging(limit, cursor));
        return tasks.list(RestSupport.caller(request), query);
    }

    @POST
    public Response create(@Context HttpServletRequest request, @Context UriInfo uri, JsonNode body) {
        TaskInput input = RestSupport.merge(EMPTY, body, TaskInput.class);
        TaskDto created = tasks.create(RestSupport.caller(request), input);
        return RestSupport.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("{id}")
    public Response get(@Context HttpServletRequest request, @PathParam("id") long id) {
        TaskDto t = tasks.get(RestSupport.caller(request), id);
        return RestSupport.ok(t.version(), t);
    }

    /** JSON merge patch over the task's client-settable fields; {@code "status": "DONE"} completes it too. */
    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    public Response patch(@Context HttpServletRequest request, @PathParam("id") long id,
                          @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        Caller caller = RestSupport.caller(request);
        TaskDto current = tasks.get(caller, id);
        long expected = RestSupport.expectedVersion(ifMatch, patch, current.version());
        TaskInput merged = RestSupport.merge(current, patch, TaskInput.class);
        TaskDto updated = tasks.update(caller, id, expected, merged);
        return RestSupport.ok(updated.version(), updated);
    }

    @DELETE
    @Path("{id}")
    public Response archive(@Context HttpServletRequest request, @PathParam("id") long id) {
        TaskDto t = tasks.archive(RestSupport.caller(request), id);
        return RestSupport.ok(t.version(), t);
    }

    @POST
    @Path("{id}/restore")
    @Consumes(MediaType.WILDCARD)
    public Response restore(@Context HttpServletRequest request, @PathParam("id") long id) {
        TaskDto t = tasks.restore(RestSupport.caller(request), id);
        return RestSupport.ok(t.version(), t);
    }

    /** Marks the task DONE (allowed while subtasks are still open); already DONE: unchanged. No body needed. */
    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.WILDCARD)
    public Response complete(@Context HttpServletRequest request, @PathParam("id") long id,
                             @HeaderParam("If-Match") String ifMatch) {
        Caller caller = RestSupport.caller(request);
        long expected = RestSupport.expectedVersion(ifMatch, null, tasks.get(caller, id).version());
        TaskDto t = tasks.complete(caller, id, expected);
        return RestSupport.ok(t.version(), t);
    }

    /** Puts a DONE task back to OPEN; a task that is not DONE is unchanged. No body needed. */
    @POST
    @Path("{id}/reopen")
    @Consumes(MediaType.WILDCARD)
    public Response reopen(@Context HttpServletRequest request, @PathParam("id") long id,
                           @HeaderParam("If-Match") String ifMatch) {
        Caller caller = RestSupport.caller(request);
        long expected = RestSupport.expectedVersion(ifMatch, null, tasks.get(caller, id).version());
        TaskDto t = tasks.reopen(caller, id, expected);
        return RestSupport.ok(t.version(), t);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
