package io.tessera.crm.rest.core;

import io.tessera.crm.api.owners.OwnerService;
import io.tessera.crm.api.owners.ReassignResult;
import io.tessera.crm.support.validation.Checks;
import io.tessera.crm.rest.support.RestSupport;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

/** Moving every record of a departing user to a colleague in one call. */
@Path("/owners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OwnerResource {
    /** The body of a reassign request. */
    public record ReassignRequest(String from, String to) {
    }

    private final OwnerService owners;

    public OwnerResource(OwnerService owners) {
        this.owners = owners;
    }

    @POST
    @Path("/reassign")
    public ReassignResult reassign(@Context HttpServletRequest request, ReassignRequest json) {
        ReassignRequest body = RestSupport.body(json);
        new Checks().required("from", body.from()).required("to", body.to())
                .check(body.from() == null || !body.from().equals(body.to()), "to", "must differ from 'from'")
                .throwIfAny();
        return owners.reassign(RestSupport.caller(request), body.from(), body.to());
    }
}
