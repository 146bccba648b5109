package io.tessera.crm.rest.modules;

import io.tessera.crm.api.Page;
import io.tessera.crm.api.modules.ModuleDto;
import io.tessera.crm.api.modules.ModuleService;
import io.tessera.crm.rest.support.RestSupport;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

/**
 * {@code /modules}: the catalogue of optional modules with their states, and turning one on or off in the running
 * server ({@code POST /modules/{id}/enable|disable}, crm-admin only; no body). A paid module without a licence for
 * it answers 403 naming the licence needed; an unknown id 404; a module still needed by another enabled one 409.
 * Enabling answers the module as it is afterwards: {@code state} ENABLED, or FAILED with the {@code reason};
 * modules brought along because it requires them are named in {@code warnings}.
 */
@Path("/modules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class ModuleResource {
    private final ModuleService modules;

    public ModuleResource(ModuleService modules) {
        this.modules = modules;
    }

    @GET
    public Page<ModuleDto> list(@Context HttpServletRequest request) {
        return new Page<>(modules.list(RestSupport.caller(request)), null);
    }

    @GET
    @Path("{id}")
    public ModuleDto get(@Context HttpServletRequest request, @PathParam("id") String id) {
        return modules.get(RestSupport.caller(request), id);
    }

    @POST
    @Path("{id}/enable")
    public ModuleDto enable(@Context HttpServletRequest request, @PathParam("id") String id) {
        return modules.enable(RestSupport.caller(request), id);
    }

    @POST
    @Path("{id}/disable")
    public ModuleDto disable(@Context HttpServletRequest request, @PathParam("id") String id) {
        return modules.disable(RestSupport.caller(request), id);
    }
}
