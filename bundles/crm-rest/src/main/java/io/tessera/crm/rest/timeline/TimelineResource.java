package io.tessera.crm.rest.timeline;

import io.tessera.crm.api.Page;
import io.tessera.crm.api.timeline.TimelineEntryDto;
import io.tessera.crm.api.timeline.TimelineQuery;
import io.tessera.crm.api.timeline.TimelineService;
import io.tessera.crm.rest.support.RestSupport;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

/**
 * {@code GET /timeline?companyId=|contactId=|dealId=&limit=&cursor=}: the history of one record, newest first.
 * Exactly one id (else 400 naming the fields); a record the caller may not see answers 404.
 */
@Path("/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {
    private final TimelineService timeline;

    public TimelineResource(TimelineService timeline) {
        this.timeline = timeline;
    }

    @GET
    public Page<TimelineEntryDto> history(@Context HttpServletRequest request,
                                          @QueryParam("companyId") String companyId,
                                          @QueryParam("contactId") String contactId,
                                          @QueryParam("dealId") String dealId,
                                          @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        TimelineQuery query = new TimelineQuery(RestSupport.longParam("companyId", companyId),
                RestSupport.longParam("contactId", contactId), RestSupport.longParam("dealId", dealId),
                RestSupport.paging(limit, cursor));
        return timeline.history(RestSupport.caller(request), query);
    }
}
