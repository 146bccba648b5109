package io.tessera.crm.rest.support;

import com.fasterxml.jackson.jaxrs.cfg.JaxRSFeature;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import java.io.IOException;
import java.util.List;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/**
 * One CXF JAX-RS server as a servlet, with the API's JSON settings and error mapping. Each bundle that serves REST
 * (the core, and each optional module under {@code /api/v1/<module>}) registers its own subclass through the HTTP
 * whiteboard, so a module coming or going never rebuilds the core's server. The servlet keeps a private
 * {@link DestinationRegistry}: Karaf's CXF buses share one by default, which would make two servers on "/" clash
 * and would expose our endpoints through CXF's default /cxf servlet.
 */
public abstract class JaxrsServlet extends CXFNonSpringServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JaxrsServlet.class);
    /** Whiteboard init parameter that hides CXF's generated service list page. */
    public static final String HIDE_SERVICE_LIST = "servlet.init.hide-service-list-page=true";

    private final transient Bus ownBus;
    private final transient Server server;
    private final transient RequestAuthentication authentication;

    /**
     * @param authentication authenticates a request that reached the servlet without passing the /api filter (see
     *                       {@link RequestAuthentication}); without it such a request fails with 500
     */
    protected JaxrsServlet(List<Object> resources, RequestAuthentication authentication) {
        this(new DestinationRegistryImpl(), resources, authentication);
    }

    /** @deprecated without a {@link RequestAuthentication}; use {@link #JaxrsServlet(List, RequestAuthentication)} */
    @Deprecated
    protected JaxrsServlet(List<Object> resources) {
        this(new DestinationRegistryImpl(), resources, null);
    }

    private JaxrsServlet(DestinationRegistry registry, List<Object> resources, RequestAuthentication authentication) {
        super(registry, newBus());
        this.authentication = authentication;
        this.ownBus = getBus();
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(ownBus);
        factory.setAddress("/");
        factory.setDestinationFactory(new HTTPTransportFactory(registry));
        factory.setServiceBeans(resources);
        factory.setProviders(List.of(jsonProvider(), new ProblemMapper()));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(JAXRSServerFactoryBean.class.getClassLoader());
            this.server = factory.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static Bus newBus() {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(BusFactory.class.getClassLoader());
            return BusFactory.newInstance().createBus();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static JacksonJsonProvider jsonProvider() {
        JacksonJsonProvider provider = new JacksonJsonProvider(Json.newMapper());
        provider.disable(JaxRSFeature.ALLOW_EMPTY_INPUT);
        return provider;
    }

    @Override
    public void service(ServletRequest req, ServletResponse res) throws ServletException, IOException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (authentication != null && request.getAttribute(RequestAuthentication.PASSED_ATTRIBUTE) == null) {
            LOG.debug("{} {} reached the servlet without the /api filter; authenticating it here",
                    request.getMethod(), request.getRequestURI());
            request = authentication.authenticate(request, (HttpServletResponse) res);
            if (request == null) {
                return;
            }
        }
        super.service(request, res);
    }

    /** Stops the server; call it when the component is deactivated (the servlet container may have shut the bus). */
    protected void close() {
        server.destroy();
        ownBus.shutdown(true);
    }
}
