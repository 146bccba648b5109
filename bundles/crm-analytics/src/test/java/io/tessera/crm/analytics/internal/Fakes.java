package io.tessera.crm.analytics.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.DealStatus;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.api.deals.PipelineInput;
import io.tessera.crm.api.deals.PipelineService;
import io.tessera.crm.api.deals.StageChange;
import io.tessera.crm.api.deals.StageDto;
import io.tessera.crm.api.deals.StageKind;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.api.tasks.TaskInput;
import io.tessera.crm.api.tasks.TaskQuery;
import io.tessera.crm.api.tasks.TaskService;
import io.tessera.crm.api.tasks.TaskStatus;
import io.tessera.crm.support.testing.FakeDeals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.osgi.service.event.Event;

/** In-memory stand-ins for the core's services, and helpers to build the hand-computed data set. */
final class Fakes {
    private Fakes() {
    }

    static final long SALES = 1;
    static final long PARTNERS = 2;

    /** Pipeline 1 "Sales": Lead 11 (10%), Meeting 12 (40%), Proposal 13 (70%), Won 14, Lost 15. Pipeline 2 "Partners": Intro 21 (20%), Won 22, Lost 23. */
    static final class Pipelines implements PipelineService {
        final Map<Long, PipelineDto> byId = new TreeMap<>();

        Pipelines() {
            byId.put(SALES, new PipelineDto(SALES, 1, "Sales", true, List.of(
                    stage(11, SALES, "Lead", 0, 10, StageKind.OPEN),
                    stage(12, SALES, "Meeting", 1, 40, StageKind.OPEN),
                    stage(13, SALES, "Proposal", 2, 70, StageKind.OPEN),
                    stage(14, SALES, "Won", 3, 100, StageKind.WON),
                    stage(15, SALES, "Lost", 4, 0, StageKind.LOST)), false));
            byId.put(PARTNERS, new PipelineDto(PARTNERS, 1, "Partners", false, List.of(
                    stage(21, PARTNERS, "Intro", 0, 20, StageKind.OPEN),
                    stage(22, PARTNERS, "Won", 1, 100, StageKind.WON),
                    stage(23, PARTNERS, "Lost", 2, 0, StageKind.LOST)), false));
        }

        private static StageDto stage(long id, long pipeline, String name, int position, int probability,
                                      StageKind kind) {
            return new StageDto(id, pipeline, name, position, probability, kind, List.of());
        }

        StageKind kind(long stageId) {
            return byId.values().stream().flatMap(p -> p.stages().stream()).filter(s -> s.id() == stageId)
                    .findFirst().orElseThrow().kind();
        }

        @Override
        public List<PipelineDto> list(Caller caller) {
            return List.copyOf(byId.values());
        }

        @Override
        public PipelineDto get(Caller caller, long id) {
            PipelineDto p = byId.get(id);
            if (p == null) {
                throw new NotFoundException("pipeline", id);
            }
            return p;
        }

        @Override
        public PipelineDto create(Caller caller, PipelineInput input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PipelineDto update(Caller caller, long id, long expectedVersion, PipelineInput input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PipelineDto archive(Caller caller, long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StageDto stage(long stageId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> lossReasons() {
            return List.of("Too expensive", "No budget");
        }
    }

    /** Pages by position in id order; the cursor is the next index. */
    static <T> Page<T> page(List<T> all, Predicate<T> filter, int limit, String cursor) {
        List<T> matching = all.stream().filter(filter).toList();
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(matching.size(), from + limit);
        return new Page<>(matching.subList(from, to), to < matching.size() ? Integer.toString(to) : null);
    }

    /** The shared fake with the records given whole, and the paged listing the projection's start-up sync reads. */
    static final class Deals extends FakeDeals {
        int listCalls;

        void put(DealDto d) {
            byId.put(d.id(), d);
        }

        @Override
        public Page<DealDto> list(Caller caller, DealQuery query) {
            listCalls++;
            return page(new ArrayList<>(byId.values()), d -> d.archived() == query.archived(),
                    query.paging().limit(), query.paging().cursor());
        }
    }

    static final class Tasks implements TaskService {
        final Map<Long, TaskDto> byId = new TreeMap<>();

        void put(TaskDto t) {
            byId.put(t.id(), t);
        }

        @Override
        public TaskDto get(Caller caller, long id) {
            TaskDto t = byId.get(id);
            if (t == null) {
                throw new NotFoundException("task", id);
            }
            return t;
        }

        @Override
        public Page<TaskDto> list(Caller caller, TaskQuery query) {
            return page(new ArrayList<>(byId.values()), t -> t.archived() == query.archived(),
                    query.paging().limit(), query.paging().cursor());
        }

        @Override
        public TaskDto create(Caller caller, TaskInput input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TaskDto update(Caller caller, long id, long expectedVersion, TaskInput input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TaskDto complete(Caller caller, long id, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TaskDto reopen(Caller caller, long id, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TaskDto archive(Caller caller, long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TaskDto restore(Caller caller, long id) {
            throw new UnsupportedOperationException();
        }
    }

    /** Runs every job at once in the caller's thread, so tests see the projection updated when the event returns. */
    static final class DirectExecutor extends AbstractExecutorService {
        private boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    /**
     * A deal whose history is given as stageId, ISO instant pairs; status and closedAt follow from the last stage,
     * createdAt is the first entry.
     */
    static DealDto deal(Pipelines pipelines, long id, long version, String owner, String source, String amount,
                        String currency, String expectedClose, String lossReason, boolean archived,
                        Object... history) {
        List<StageChange> changes = new ArrayList<>();
        Long from = null;
        for (int i = 0; i < history.length; i += 2) {
            long stage = ((Number) history[i]).longValue();
            long pipeline = stage / 10;
            changes.add(new StageChange(from, stage, pipeline, Instant.parse((String) history[i + 1]), owner));
            from = stage;
        }
        StageChange last = changes.get(changes.size() - 1);
        StageKind kind = pipelines.kind(last.toStageId());
        DealStatus status = kind == StageKind.WON ? DealStatus.WON
                : kind == StageKind.LOST ? DealStatus.LOST : DealStatus.OPEN;
        return new DealDto(id, version, "Deal " + id, last.pipelineId(), last.toStageId(), status,
                amount == null ? null : new BigDecimal(amount), currency,
                expectedClose == null ? null : LocalDate.parse(expectedClose), owner, null, List.of(), source,
                status == DealStatus.LOST ? lossReason : null, null, status == DealStatus.OPEN ? null : last.at(),
                List.copyOf(changes), archived, changes.get(0).at(), last.at());
    }

    static TaskDto task(long id, long version, String assignee, String dueAt, TaskStatus status, boolean archived) {
        Instant due = dueAt == null ? null : Instant.parse(dueAt);
        return new TaskDto(id, version, "Task " + id, null, due, null, assignee, null, status, null, List.of(), null,
                null, null, false, null, "admin", archived, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    static Event event(String entity, String action, long id) {
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ENTITY, entity);
        props.put(CrmEvents.ID, id);
        props.put(CrmEvents.ACTOR, "anna");
        return new Event(CrmEvents.topic(entity, action), props);
    }
}
