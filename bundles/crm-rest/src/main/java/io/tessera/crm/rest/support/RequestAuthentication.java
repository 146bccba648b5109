package io.tessera.crm.rest.support;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * What the /api filter does before a request goes on: size limits, HTTP Basic against the CRM's realm, the login
 * throttle. {@link JaxrsServlet} asks it too when a request reaches the servlet without the filter's mark: the HTTP
 * whiteboard rebuilds a context's filter mappings when another servlet of the context comes or goes (an optional
 * module starting or stopping), and a request arriving in that moment can pass no filter at all.
 */
public interface RequestAuthentication {
    /** Request attribute (Boolean.TRUE) on every request {@link #authenticate} let on, open paths included. */
    String PASSED_ATTRIBUTE = "io.tessera.crm.authentication.passed";

    /**
     * The request to go on with (marked with {@link #PASSED_ATTRIBUTE}, and carrying the
     * {@link RestSupport#CALLER_ATTRIBUTE} unless it is an open path such as /health), or null when the request was
     * answered here (401, 403, 413 or 429 with a problem body).
     */
    HttpServletRequest authenticate(HttpServletRequest request, HttpServletResponse response) throws IOException;
}
