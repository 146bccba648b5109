package io.tessera.crm.rest.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Roles;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.Test;

/** The servlet's own check for requests the whiteboard let through without the /api filter. */
public class JaxrsServletTest {
    private final List<String> asked = new ArrayList<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private final List<String> calls = new ArrayList<>();

    @javax.ws.rs.Path("/ping")
    public static final class Ping {
        @javax.ws.rs.GET
        public String ping() {
            return "pong";
        }
    }

    private static final class EmptyServlet extends JaxrsServlet {
        private static final long serialVersionUID = 1L;

        EmptyServlet(RequestAuthentication authentication) {
            super(List.of(new Ping()), authentication);
        }
    }

    /** A request that records what is asked of it; attributes work, everything else answers null. */
    private HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> method.getReturnType() == boolean.class ? false
                                : method.getReturnType() == int.class || method.getReturnType() == long.class ? 0
                                : null;
                    };
                });
    }

    private static HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(JaxrsServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> null);
    }

    @Test
    public void aRequestWithoutTheFiltersMarkIsAuthenticatedByTheServletAndStopsWhenRefused() throws Exception {
        EmptyServlet servlet = new EmptyServlet((req, resp) -> {
            asked.add("authenticate");
            calls.add("<authenticate>");
            return null; // refused: the problem response was written
        });
        try {
            calls.clear();
            servlet.service(request(), response());
            assertEquals(List.of("authenticate"), asked);
            assertEquals("nothing was asked of the request after the refusal: " + calls, "<authenticate>",
                    calls.get(calls.size() - 1));
        } finally {
            servlet.close();
        }
    }

    @Test
    public void aRequestTheFilterAuthenticatedIsNotAuthenticatedAgain() throws Exception {
        EmptyServlet servlet = new EmptyServlet((req, resp) -> {
            throw new AssertionError("asked again");
        });
        try {
            attributes.put(RestSupport.CALLER_ATTRIBUTE, Caller.of("anna", Roles.SALES));
            attributes.put(RequestAuthentication.PASSED_ATTRIBUTE, Boolean.TRUE);
            calls.clear();
            try {
                servlet.service(request(), response());
            } catch (RuntimeException | javax.servlet.ServletException ignored) {
                // the empty server may fail on a request that answers null everywhere; only the guard is checked
            }
            assertEquals(List.of(), asked);
            assertTrue("the request went on to CXF: " + calls, calls.size() > 1);
        } finally {
            servlet.close();
        }
    }
}
