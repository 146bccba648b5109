package io.tessera.crm.modules.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmException;
import io.tessera.crm.api.modules.LicenceDto;
import io.tessera.crm.api.modules.LicenceService;
import io.tessera.crm.api.modules.ModuleDto;
import io.tessera.crm.api.modules.ModuleService;
import io.tessera.crm.api.modules.ModuleState;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the licence at activation and then every day shortly after midnight (server time), on one thread of its
 * own that sleeps in between:
 * <ul>
 *   <li>expired (past its {@code validUntil}, or no longer valid): every enabled paid module is disabled, and so is
 *   every enabled module that requires one of them (dependents first); their data stays. Logged at WARN.</li>
 *   <li>expiring within {@value ModuleServiceImpl#EXPIRY_WARNING_DAYS} days: logged at WARN, once a day. (The
 *   modules' own {@code warnings} say so on every read, see {@link ModuleServiceImpl}.)</li>
 * </ul>
 * Without a licence service there is nothing to check, and the component does not run.
 */
@Component(immediate = true, service = {})
public class LicenceExpiryWatch {
    /** The daily check runs at this time of day. */
    static final LocalTime DAILY_AT = LocalTime.of(0, 5);
    static final Duration RETRY = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(LicenceExpiryWatch.class);

    /** What one check did. */
    record Outcome(boolean expired, List<String> disabled, boolean warned) {
    }

    private final ModuleService modules;
    private final LicenceService licences;
    private final Clock clock;
    private ScheduledThreadPoolExecutor executor;
    /** The day the last "expires soon" WARN was written (only touched by {@link #check()}, one thread). */
    private volatile LocalDate warnedOn;

    @Activate
    public LicenceExpiryWatch(@Reference ModuleService modules, @Reference LicenceService licences) {
        this(modules, licences, Clock.systemDefaultZone());
        start();
    }

    LicenceExpiryWatch(ModuleService modules, LicenceService licences, Clock clock) {
        this.modules = modules;
        this.licences = licences;
        this.clock = clock;
    }

    private void start() {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tessera-licence-expiry");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.execute(this::checkAndReschedule);
    }

    @Deactivate
    public void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkAndReschedule() {
        Duration delay;
        try {
            check();
            delay = untilNextRun();
        } catch (RuntimeException e) {
            if (executor.isShutdown()) {
                return;
            }
            LOG.warn("The licence check failed; trying again in {}", RETRY, e);
            delay = RETRY;
        }
        try {
            executor.schedule(this::checkAndReschedule, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // deactivated meanwhile
        }
    }

    /** Time from now to the next {@link #DAILY_AT} (tomorrow's when today's has passed). */
    Duration untilNextRun() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime next = now.toLocalDate().atTime(DAILY_AT).atZone(clock.getZone());
        if (!next.isAfter(now)) {
            next = now.toLocalDate().plusDays(1).atTime(DAILY_AT).atZone(clock.getZone());
        }
        return Duration.between(now, next);
    }

    /** One check, as described on the class. */
    Outcome check() {
        Optional<LicenceDto> current = licences.current();
        if (current.isEmpty()) {
            return new Outcome(false, List.of(), false);
        }
        LicenceDto licence = current.get();
        LocalDate today = LocalDate.now(clock);
        LocalDate until = licence.validUntil();
        boolean expired = !licence.valid() || (until != null && today.isAfter(until));
        if (expired) {
            return new Outcome(true, disablePaid(licence), false);
        }
        if (until == null) {
            return new Outcome(false, List.of(), false);
        }
        long days = ChronoUnit.DAYS.between(today, until);
        if (days <= ModuleServiceImpl.EXPIRY_WARNING_DAYS && !today.equals(warnedOn)) {
            List<String> paid = modules.list(Caller.SYSTEM).stream().filter(ModuleDto::paid).map(ModuleDto::id)
                    .collect(Collectors.toList());
            LOG.warn("The licence {} ({}) expires on {} ({}); then the paid modules are disabled (their data is kept):"
                    + " {}. Install a renewed licence with crm:license-install or PUT /api/v1/license.",
                    licence.id(), licence.customer(), until, days == 0 ? "today" : "in " + days + " days",
                    paid.isEmpty() ? "none" : String.join(", ", paid));
            warnedOn = today;
            return new Outcome(false, List.of(), true);
        }
        return new Outcome(false, List.of(), false);
    }

    /** Disables the enabled paid modules and their enabled dependents, dependents first; the ids disabled. */
    private List<String> disablePaid(LicenceDto licence) {
        List<ModuleDto> all = modules.list(Caller.SYSTEM);
        Map<String, ModuleDto> byId = all.stream().collect(Collectors.toMap(ModuleDto::id, Function.identity()));
        Set<String> doomed = new LinkedHashSet<>();
        all.stream().filter(m -> m.paid() && isOn(m)).forEach(m -> doomed.add(m.id()));
        boolean grew = true;
        while (grew) { // enabled modules that need a doomed one go too
            grew = false;
            for (ModuleDto m : all) {
                if (isOn(m) && !doomed.contains(m.id()) && m.requires().stream().anyMatch(doomed::contains)) {
                    doomed.add(m.id());
                    grew = true;
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (String id : doomed) {
            placeDependentsFirst(id, doomed, all, placed, order);
        }
        List<String> disabled = new ArrayList<>();
        for (String id : order) {
            try {
                ModuleDto after = modules.disable(Caller.SYSTEM, id);
                if (after.state() == ModuleState.ENABLED || after.state() == ModuleState.FAILED) {
                    LOG.warn("The licence {} has expired, but module {} could not be disabled: {}", licence.id(), id,
                            after.reason());
                } else {
                    disabled.add(id);
                }
            } catch (CrmException | IllegalStateException e) {
                LOG.warn("The licence {} has expired, but module {} could not be disabled: {}", licence.id(), id,
                        e.getMessage());
            }
        }
        if (!disabled.isEmpty()) {
            LOG.warn("The licence {} ({}) expired on {}: disabled module(s) {} (their data is kept; install a renewed"
                    + " licence and enable them again)", licence.id(), licence.customer(), licence.validUntil(),
                    String.join(", ", disabled));
        } else if (byId.values().stream().anyMatch(ModuleDto::paid)) {
            LOG.debug("The licence {} has expired; no paid module was enabled", licence.id());
        }
        return disabled;
    }

    private static void placeDependentsFirst(String id, Set<String> doomed, List<ModuleDto> all, Set<String> placed,
                                             List<String> order) {
        if (!placed.add(id)) {
            return;
        }
        for (ModuleDto m : all) {
            if (doomed.contains(m.id()) && m.requires().contains(id)) {
                placeDependentsFirst(m.id(), doomed, all, placed, order);
            }
        }
        order.add(id);
    }

    private static boolean isOn(ModuleDto m) {
        return m.state() == ModuleState.ENABLED;
    }
}
