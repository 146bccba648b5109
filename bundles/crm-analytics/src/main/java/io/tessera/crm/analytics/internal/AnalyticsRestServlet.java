package io.tessera.crm.analytics.internal;

import io.tessera.crm.api.deals.PipelineService;
import io.tessera.crm.rest.support.JaxrsServlet;
import io.tessera.crm.rest.support.RequestAuthentication;
import java.time.Clock;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import javax.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The module's own JAX-RS server under /api/v1/analytics, registered through the HTTP whiteboard: it appears when the
 * module starts and vanishes when it stops, without touching the core's servlet. The core's whiteboard filter on
 * /api/* authenticates its requests (and the core's {@link RequestAuthentication} any the filter missed).
 */
@Component(service = Servlet.class, immediate = true, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/v1/analytics/*",
        "osgi.http.whiteboard.servlet.name=tessera-analytics-api",
        JaxrsServlet.HIDE_SERVICE_LIST})
public class AnalyticsRestServlet extends JaxrsServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public AnalyticsRestServlet(@Reference(target = "(osgi.unit.name=crm-analytics)") EntityManagerFactory emf,
                                @Reference PipelineService pipelines,
                                @Reference RequestAuthentication authentication) {
        super(List.of(new AnalyticsResource(new AnalyticsService(new AnalyticsQueries(emf), pipelines,
                Clock.systemUTC()))), authentication);
    }

    @Deactivate
    void stop() {
        close();
    }
}
