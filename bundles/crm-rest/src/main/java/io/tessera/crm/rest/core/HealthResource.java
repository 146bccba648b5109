package io.tessera.crm.rest.core;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** Liveness: answers 200 once the core's services are all up (the servlet is only registered then). No login. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    private final Instant startedAt = Instant.now();

    @GET
    public Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "UP");
        health.put("startedAt", startedAt.toString());
        health.put("uptimeSeconds", Duration.between(startedAt, Instant.now()).toSeconds());
        return health;
    }
}
