package io.tessera.crm.rest.core;

import io.tessera.crm.api.Page;
import io.tessera.crm.api.security.UserDto;
import io.tessera.crm.api.security.UserService;
import io.tessera.crm.rest.support.RestSupport;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/** The CRM's users (admins only). */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {
    /** The body of a new-user request. */
    public record NewUser(String username, String password, String role) {
    }

    private final UserService users;

    public UserResource(UserService users) {
        this.users = users;
    }

    @GET
    public Page<UserDto> list(@Context HttpServletRequest request) {
        return new Page<>(users.list(RestSupport.caller(request)), null);
    }

    @POST
    public Response add(@Context HttpServletRequest request, @Context UriInfo uri, NewUser json) {
        NewUser body = RestSupport.body(json);
        UserDto user = users.add(RestSupport.caller(request), body.username(), body.password(), body.role());
        return Response.created(uri.getAbsolutePathBuilder().path(user.username()).build()).entity(user).build();
    }
}
