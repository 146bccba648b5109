package io.tessera.crm.rest.modules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.modules.LicenceRequiredException;
import io.tessera.crm.api.modules.ModuleDto;
import io.tessera.crm.api.modules.ModuleService;
import io.tessera.crm.api.modules.ModuleState;
import io.tessera.crm.rest.support.Json;
import io.tessera.crm.rest.support.RestSupport;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import org.junit.Test;

public class ModuleResourceTest {
    static final Caller ADMIN = Caller.of("admin", "crm-admin");
    static final ModuleDto ANALYTICS = new ModuleDto("analytics", "crm-analytics", "Analytics",
            "Funnel, forecast, win rate", "0.1.0", true, true, ModuleState.ENABLED, null,
            Instant.parse("2026-11-20T09:00:00Z"), List.of("deals"), List.of());

    private static HttpServletRequest request(Caller caller) {
        return (HttpServletRequest) Proxy.newProxyInstance(ModuleResourceTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getAttribute") && RestSupport.CALLER_ATTRIBUTE.equals(args[0])) {
                        return caller;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static final class Modules implements ModuleService {
        final List<String> calls = new ArrayList<>();

        @Override
        public List<ModuleDto> list(Caller caller) {
            calls.add("list " + caller.username());
            return List.of(ANALYTICS);
        }

        @Override
        public ModuleDto get(Caller caller, String id) {
            calls.add("get " + caller.username() + " " + id);
            return ANALYTICS;
        }

        @Override
        public ModuleDto enable(Caller caller, String id) {
            calls.add("enable " + caller.username() + " " + id);
            if (id.equals("documents")) {
                throw new LicenceRequiredException(id, "module 'documents' needs a licence that names it");
            }
            return ANALYTICS;
        }

        @Override
        public ModuleDto disable(Caller caller, String id) {
            calls.add("disable " + caller.username() + " " + id);
            return ANALYTICS;
        }
    }

    @Test
    public void theListIsItemsAsJson() throws Exception {
        Modules service = new Modules();
        ModuleResource resource = new ModuleResource(service);
        ObjectMapper mapper = Json.newMapper();
        assertEquals("{\"items\":[{\"id\":\"analytics\",\"feature\":\"crm-analytics\",\"name\":\"Analytics\","
                + "\"description\":\"Funnel, forecast, win rate\",\"version\":\"0.1.0\",\"paid\":true,"
                + "\"licensed\":true,\"state\":\"enabled\",\"reason\":null,\"since\":\"2026-11-20T09:00:00Z\","
                + "\"requires\":[\"deals\"],\"warnings\":[]}],\"nextCursor\":null}",
                mapper.writeValueAsString(resource.list(request(ADMIN))));
        assertEquals(List.of("list admin"), service.calls);
    }

    @Test
    public void getEnableAndDisablePassTheCallerAndId() {
        Modules service = new Modules();
        ModuleResource resource = new ModuleResource(service);
        HttpServletRequest rq = request(ADMIN);
        assertEquals(ANALYTICS, resource.get(rq, "analytics"));
        assertEquals(ANALYTICS, resource.enable(rq, "analytics"));
        assertEquals(ANALYTICS, resource.disable(rq, "analytics"));
        assertEquals("module 'documents' needs a licence that names it",
                assertThrows(LicenceRequiredException.class, () -> resource.enable(rq, "documents")).getMessage());
        assertEquals(List.of("get admin analytics", "enable admin analytics", "disable admin analytics",
                "enable admin documents"), service.calls);
    }
}
