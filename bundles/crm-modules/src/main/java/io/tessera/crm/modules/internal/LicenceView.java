package io.tessera.crm.modules.internal;

import io.tessera.crm.api.modules.LicenceDto;
import io.tessera.crm.api.modules.LicenceService;
import io.tessera.crm.api.modules.ModuleState;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the licence in force says about modules. Made once per request, so that a request asks the licence service
 * at most once per module and sees one licence throughout.
 */
final class LicenceView {
    private static final Logger LOG = LoggerFactory.getLogger(LicenceView.class);

    private final LicenceService service;
    private final LicenceDto licence;
    private final LocalDate today;
    private final Map<String, Boolean> covered = new HashMap<>();

    LicenceView(LicenceService service, LicenceDto licence, LocalDate today) {
        this.service = service;
        this.licence = licence;
        this.today = today;
    }

    /** The licence as seen once per request. */
    static LicenceView of(LicenceService service, Clock clock) {
        if (service == null) {
            return new LicenceView(null, null, LocalDate.now(clock));
        }
        Optional<LicenceDto> current;
        try {
            current = service.current();
        } catch (RuntimeException e) {
            LOG.warn("The licence service failed; paid modules count as not licensed: {}", e.toString());
            return new LicenceView(null, null, LocalDate.now(clock));
        }
        return new LicenceView(service, current.orElse(null), LocalDate.now(clock));
    }

    boolean covers(String id) {
        if (service == null) {
            return false;
        }
        return covered.computeIfAbsent(id, k -> {
            try {
                return service.covers(k);
            } catch (RuntimeException e) {
                LOG.warn("The licence service failed on module {}; counted as not licensed: {}", k, e.toString());
                return false;
            }
        });
    }

    /** What a paid module's entry says about the licence. */
    List<String> warnings(ModuleDescriptor m, ModuleState state) {
        if (licence == null || licence.validUntil() == null || !names(m.id())) {
            return List.of();
        }
        LocalDate until = licence.validUntil();
        long days = ChronoUnit.DAYS.between(today, until);
        if (today.isAfter(until)) {
            return state == ModuleState.ENABLED
                    ? List.of("licence expired on " + until + "; the module is disabled at the next licence check"
                    + " (its data is kept)")
                    : List.of("licence expired on " + until);
        }
        if (licence.valid() && days <= ModuleServiceImpl.EXPIRY_WARNING_DAYS) {
            return List.of("licence expires on " + until + " (" + (days == 0 ? "today" : days == 1
                    ? "in 1 day" : "in " + days + " days") + "); renew it to keep this module");
        }
        return List.of();
    }

    private boolean names(String id) {
        return licence.modules() != null && licence.modules().contains(id);
    }
}
