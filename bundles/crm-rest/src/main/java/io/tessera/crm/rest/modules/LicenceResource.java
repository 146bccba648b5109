package io.tessera.crm.rest.modules;

import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.modules.LicenceDto;
import io.tessera.crm.api.modules.LicenceService;
import io.tessera.crm.rest.support.RestSupport;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

/**
 * The installed licence. {@code GET /license} answers it (404 when none is installed); {@code PUT /license} installs
 * one (crm-admin only): the licence text itself as {@code text/plain}, or {@code {"licence":"..."}} as JSON. A
 * tampered, foreign-signed, expired or malformed licence is a 400 naming {@code licence}, and the licence in force
 * stays.
 */
@Path("/license")
@Produces(MediaType.APPLICATION_JSON)
public class LicenceResource {
    /** The JSON body of a PUT. */
    public record LicenceText(String licence) {
    }

    /** 404: no licence is installed. */
    static final class NoLicenceException extends NotFoundException {
        private static final long serialVersionUID = 1L;
        static final String MESSAGE = "no licence is installed";

        NoLicenceException() {
            super("licence", "");
        }

        @Override
        public String getMessage() {
            return MESSAGE;
        }
    }

    private final LicenceService licences;

    public LicenceResource(LicenceService licences) {
        this.licences = licences;
    }

    @GET
    public LicenceDto get(@Context HttpServletRequest request) {
        RestSupport.caller(request);
        return licences.current().orElseThrow(NoLicenceException::new);
    }

    @PUT
    @Consumes(MediaType.TEXT_PLAIN)
    public LicenceDto putText(@Context HttpServletRequest request, String text) {
        return install(request, text);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public LicenceDto putJson(@Context HttpServletRequest request, LicenceText body) {
        return install(request, RestSupport.body(body).licence());
    }

    private LicenceDto install(HttpServletRequest request, String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("licence", "is required: the text of the licence");
        }
        return licences.install(RestSupport.caller(request), text);
    }
}
