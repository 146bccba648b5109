package io.tessera.crm.analytics.internal;

import io.tessera.crm.analytics.internal.Reports.Forecast;
import io.tessera.crm.analytics.internal.Reports.Funnel;
import io.tessera.crm.analytics.internal.Reports.LossReasons;
import io.tessera.crm.analytics.internal.Reports.Managers;
import io.tessera.crm.analytics.internal.Reports.Sources;
import io.tessera.crm.analytics.internal.Reports.WinRate;
import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.api.deals.PipelineService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures for a caller: checks who asks (crm-admin and crm-manager only: the figures are the whole team's, so a
 * crm-sales caller gets 403), resolves the pipeline (default: the default pipeline) and the period (ISO dates,
 * [from, to) in UTC; default the last 90 days including today).
 */
final class AnalyticsService {
    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 3660;

    private final AnalyticsQueries queries;
    private final PipelineService pipelines;
    private final Clock clock;

    AnalyticsService(AnalyticsQueries queries, PipelineService pipelines, Clock clock) {
        this.queries = queries;
        this.pipelines = pipelines;
        this.clock = clock;
    }

    /** What the request asked for, checked. */
    record Scope(PipelineDto pipeline, LocalDate from, LocalDate to) {
    }

    Scope scope(Caller caller, Long pipelineId, String from, String to, boolean defaultPeriod) {
        if (!caller.seesAll()) {
            throw new AccessDeniedException("analytics shows the whole team's figures: it is for crm-admin and crm-manager");
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (defaultPeriod) {
            if (toDate == null) {
                toDate = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
            }
            if (fromDate == null) {
                fromDate = toDate.minusDays(DEFAULT_DAYS);
            }
        }
        if (fromDate != null && toDate != null) {
            if (!fromDate.isBefore(toDate)) {
                throw new ValidationException("to", "must be after from");
            }
            if (fromDate.plusDays(MAX_DAYS).isBefore(toDate)) {
                throw new ValidationException("to", "the period may span at most " + MAX_DAYS + " days");
            }
        }
        return new Scope(pipeline(caller, pipelineId), fromDate, toDate);
    }

    private PipelineDto pipeline(Caller caller, Long id) {
        if (id != null) {
            return pipelines.get(caller, id);
        }
        return pipelines.list(caller).stream().filter(PipelineDto::defaultPipeline).findFirst()
                .orElseThrow(() -> new ValidationException("pipelineId", "there is no default pipeline; name one"));
    }

    private static LocalDate date(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date such as 2026-11-23"));
            return null;
        }
    }

    Funnel funnel(Caller caller, Long pipelineId, String from, String to) {
        Scope s = scope(caller, pipelineId, from, to, true);
        return queries.funnel(s.pipeline(), s.from(), s.to());
    }

    WinRate winRate(Caller caller, Long pipelineId, String from, String to) {
        Scope s = scope(caller, pipelineId, from, to, true);
        return queries.winRate(s.pipeline(), s.from(), s.to());
    }

    LossReasons lossReasons(Caller caller, Long pipelineId, String from, String to) {
        Scope s = scope(caller, pipelineId, from, to, true);
        return queries.lossReasons(s.pipeline(), s.from(), s.to());
    }

    Managers managers(Caller caller, Long pipelineId, String from, String to) {
        Scope s = scope(caller, pipelineId, from, to, true);
        return queries.managers(s.pipeline(), s.from(), s.to(), clock.instant());
    }

    Forecast forecast(Caller caller, Long pipelineId, String from, String to) {
        Scope s = scope(caller, pipelineId, from, to, false);
        return queries.forecast(s.pipeline(), s.from(), s.to());
    }

    Sources sources(Caller caller, Long pipelineId, String from, String to) {
        Scope s = scope(caller, pipelineId, from, to, true);
        return queries.sources(s.pipeline(), s.from(), s.to());
    }
}
