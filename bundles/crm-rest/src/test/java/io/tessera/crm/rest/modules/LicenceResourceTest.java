package io.tessera.crm.rest.modules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.fail;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.modules.LicenceDto;
import io.tessera.crm.api.modules.LicenceService;
import io.tessera.crm.rest.support.RestSupport;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import org.junit.Test;

public class LicenceResourceTest {
    private static final Caller ADMIN = Caller.of("anna", Roles.ADMIN);
    private static final LicenceDto DTO = new LicenceDto("L1", "Acme", List.of("analytics"), LocalDate.of(2027, 12, 31),
            25, Instant.parse("2026-11-23T10:00:00Z"), "k1", true, List.of());

    /** Records installs; answers DTO. */
    static final class Licences implements LicenceService {
        Optional<LicenceDto> current = Optional.empty();
        final List<String> installed = new ArrayList<>();
        final List<Caller> callers = new ArrayList<>();

        @Override
        public Optional<LicenceDto> current() {
            return current;
        }

        @Override
        public LicenceDto install(Caller caller, String licenceText) {
            callers.add(caller);
            installed.add(licenceText);
            return DTO;
        }

        @Override
        public boolean covers(String moduleId) {
            return false;
        }
    }

    private static HttpServletRequest request(Caller caller) {
        return (HttpServletRequest) Proxy.newProxyInstance(LicenceResourceTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getAttribute") && RestSupport.CALLER_ATTRIBUTE.equals(args[0])) {
                        return caller;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    public void getAnswersTheLicenceOr404() {
        Licences service = new Licences();
        LicenceResource resource = new LicenceResource(service);
        try {
            resource.get(request(ADMIN));
            fail();
        } catch (NotFoundException e) {
            assertEquals("no licence is installed", e.getMessage());
        }
        service.current = Optional.of(DTO);
        assertSame(DTO, resource.get(request(Caller.of("sam", Roles.SALES))));
    }

    @Test
    public void putInstallsTextOrJsonAsTheCaller() {
        Licences service = new Licences();
        LicenceResource resource = new LicenceResource(service);
        assertSame(DTO, resource.putText(request(ADMIN), "id=1\n"));
        assertSame(DTO, resource.putJson(request(ADMIN), new LicenceResource.LicenceText("id=2\n")));
        assertEquals(List.of("id=1\n", "id=2\n"), service.installed);
        assertEquals(List.of(ADMIN, ADMIN), service.callers);
    }

    @Test
    public void emptyBodiesAre400NamingLicence() {
        LicenceResource resource = new LicenceResource(new Licences());
        for (Runnable put : List.<Runnable>of(() -> resource.putText(request(ADMIN), ""),
                () -> resource.putText(request(ADMIN), null),
                () -> resource.putJson(request(ADMIN), new LicenceResource.LicenceText(" ")))) {
            try {
                put.run();
                fail();
            } catch (ValidationException e) {
                assertEquals(List.of(new FieldError("licence", "is required: the text of the licence")), e.errors());
            }
        }
        try {
            resource.putJson(request(ADMIN), null);
            fail();
        } catch (ValidationException e) {
            assertEquals(List.of(new FieldError("body", "is required")), e.errors());
        }
    }
}
