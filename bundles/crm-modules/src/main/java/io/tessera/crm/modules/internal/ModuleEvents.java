package io.tessera.crm.modules.internal;

import static io.tessera.crm.modules.internal.ModuleServiceImpl.DISABLED;
import static io.tessera.crm.modules.internal.ModuleServiceImpl.ENABLED;
import static io.tessera.crm.modules.internal.ModuleServiceImpl.EVENT_ENTITY;
import static io.tessera.crm.modules.internal.ModuleServiceImpl.FAILED;
import static io.tessera.crm.modules.internal.ModuleServiceImpl.FEATURE;
import static io.tessera.crm.modules.internal.ModuleServiceImpl.REASON;
import static io.tessera.crm.modules.internal.ModuleServiceImpl.VERSION;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells of module changes: each is posted as {@code tessera/crm/module/ENABLED|DISABLED|FAILED} and written as one
 * line to the {@code tessera.audit} log.
 */
final class ModuleEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleEvents.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("tessera.audit");

    private final EventAdmin events;

    ModuleEvents(EventAdmin events) {
        this.events = events;
    }

    void enabled(Caller caller, ModuleDescriptor m) {
        post(ENABLED, caller, m, "Module " + m.name() + " " + m.version() + " enabled", null);
        AUDIT.info("{} enabled module {}", caller.username(), m.id());
    }

    void enableFailed(Caller caller, ModuleDescriptor m, String reason) {
        post(FAILED, caller, m, "Module " + m.name() + " could not be enabled: " + reason, reason);
        AUDIT.info("{} could not enable module {}: {}", caller.username(), m.id(), reason);
    }

    void disabled(Caller caller, ModuleDescriptor m) {
        post(DISABLED, caller, m, "Module " + m.name() + " " + m.version() + " disabled", null);
        AUDIT.info("{} disabled module {}", caller.username(), m.id());
    }

    void disableFailed(Caller caller, ModuleDescriptor m, String failure) {
        post(FAILED, caller, m, "Module " + m.name() + " could not be disabled: " + failure, failure);
        AUDIT.info("{} could not disable module {}: {}", caller.username(), m.id(), failure);
    }

    void failureCleared(Caller caller, ModuleDescriptor m) {
        AUDIT.info("{} cleared the failed module {}", caller.username(), m.id());
    }

    private void post(String action, Caller caller, ModuleDescriptor m, String summary, String reason) {
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ENTITY, EVENT_ENTITY);
        props.put(CrmEvents.ID, m.id());
        props.put(CrmEvents.ACTOR, caller.username());
        props.put(CrmEvents.SUMMARY, summary);
        props.put(FEATURE, m.featureName());
        props.put(VERSION, m.version());
        if (reason != null) {
            props.put(REASON, reason);
        }
        props.put(CrmEvents.COMPANY_IDS, List.of());
        props.put(CrmEvents.CONTACT_IDS, List.of());
        props.put(CrmEvents.DEAL_IDS, List.of());
        try {
            events.postEvent(new Event(CrmEvents.topic(EVENT_ENTITY, action), props));
        } catch (RuntimeException e) {
            LOG.warn("Posting the {} event of module {} failed: {}", action, m.id(), e.toString());
        }
    }
}
