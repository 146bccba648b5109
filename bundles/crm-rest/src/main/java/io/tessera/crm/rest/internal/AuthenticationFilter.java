package io.tessera.crm.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.crm.api.Caller;
import io.tessera.crm.rest.support.Json;
import io.tessera.crm.rest.support.Problem;
import io.tessera.crm.rest.support.RequestAuthentication;
import io.tessera.crm.rest.support.RestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The one place where every request under /api — the core's and every module's — is authenticated (HTTP Basic
 * against Karaf's JAAS realm), size-checked and throttled after failed logins. Resources find the {@link Caller} in
 * the request attribute {@link RestSupport#CALLER_ATTRIBUTE}. Also a {@link RequestAuthentication}: the JAX-RS servlets
 * ask it about a request the whiteboard let through without this filter (see there).
 */
@Component(service = {Filter.class, RequestAuthentication.class}, immediate = true, configurationPid = "io.tessera.crm.rest", property = {
        "osgi.http.whiteboard.filter.pattern=/api/*",
        "osgi.http.whiteboard.filter.name=tessera-authentication"})
@Designate(ocd = RestConfiguration.class)
public class AuthenticationFilter implements Filter, RequestAuthentication {
    private static final String CHALLENGE = "Basic realm=\"Tessera CRM\", charset=\"UTF-8\"";
    private static final List<String> OPEN_PATHS = List.of("/api/v1/health", "/api/v1/openapi.json");

    private final ObjectMapper mapper = Json.newMapper();
    private volatile RestConfiguration config;
    private volatile JaasAuthenticator authenticator;

    @Activate
    @Modified
    void configure(RestConfiguration config) {
        this.config = config;
        this.authenticator = new JaasAuthenticator(config.realm(), config.credentialCacheSeconds(),
                config.failedLoginsPerMinute());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = authenticate((HttpServletRequest) req, (HttpServletResponse) resp);
        if (request != null) {
            chain.doFilter(request, resp);
        }
    }

    @Override
    public HttpServletRequest authenticate(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit = path.startsWith("/api/v1/imports") ? config.maxImportBytes() : config.maxRequestBytes();
        if (request.getContentLengthLong() > limit) {
            problem(response, 413, "Payload too large", "the request body is larger than " + limit + " bytes");
            return null;
        }
        if (OPEN_PATHS.contains(path)) {
            request.setAttribute(PASSED_ATTRIBUTE, Boolean.TRUE);
            return request;
        }
        String[] credentials = basicCredentials(request.getHeader("Authorization"));
        if (credentials == null) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
            problem(response, 401, "Unauthorized", "send HTTP Basic credentials of a CRM user");
            return null;
        }
        JaasAuthenticator.Result result = authenticator.authenticate(credentials[0], credentials[1]);
        switch (result.outcome()) {
            case THROTTLED -> {
                response.setHeader("Retry-After", "60");
                problem(response, 429, "Too many requests", "too many failed logins for this user; wait a minute");
                return null;
            }
            case REJECTED -> {
                response.setHeader("WWW-Authenticate", CHALLENGE);
                problem(response, 401, "Unauthorized", "wrong user name or password");
                return null;
            }
            case ACCEPTED -> {
                Caller caller = result.caller();
                if (!caller.isCrmUser()) {
                    problem(response, 403, "Forbidden", "user " + caller.username()
                            + " has no CRM role (crm-admin, crm-manager or crm-sales)");
                    return null;
                }
                request.setAttribute(RestSupport.CALLER_ATTRIBUTE, caller);
                request.setAttribute(PASSED_ATTRIBUTE, Boolean.TRUE);
                return new AuthenticatedRequest(request, caller);
            }
            default -> throw new IllegalStateException(result.outcome().name());
        }
    }

    static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        String type = "urn:tessera:problem:" + switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 413 -> "too-large";
            case 429 -> "too-many-requests";
            default -> "http-" + status;
        };
        mapper.writeValue(response.getOutputStream(), new Problem(type, title, status, detail, null));
    }

    /** Lets servlet-level code ask the usual questions (user principal, roles) of the authenticated caller. */
    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
        private final Caller caller;

        AuthenticatedRequest(HttpServletRequest request, Caller caller) {
            super(request);
            this.caller = caller;
        }

        @Override
        public Principal getUserPrincipal() {
            return caller::username;
        }

        @Override
        public String getRemoteUser() {
            return caller.username();
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.hasRole(role);
        }

        @Override
        public String getAuthType() {
            return BASIC_AUTH;
        }
    }

    @Override
    public void init(javax.servlet.FilterConfig filterConfig) {
        // nothing to set up: configuration comes from Config Admin
    }

    @Override
    public void destroy() {
        // nothing held
    }
}
