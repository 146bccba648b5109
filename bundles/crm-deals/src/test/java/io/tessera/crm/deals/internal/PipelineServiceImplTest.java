package io.tessera.crm.deals.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.api.deals.PipelineInput;
import io.tessera.crm.api.deals.StageDto;
import io.tessera.crm.api.deals.StageInput;
import io.tessera.crm.api.deals.StageKind;
import io.tessera.crm.api.deals.TaskTemplate;
import io.tessera.crm.api.tasks.Priority;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.Test;

public class PipelineServiceImplTest extends DealsFixture {

    private PipelineInput simple(String name) {
        return new PipelineInput(name, List.of(open("Lead", 10), open("Offer", 50), won(), lost()));
    }

    @Test
    public void defaultSalesPipelineIsCreatedOnFirstActivation() {
        List<PipelineDto> all = pipelines.list(ANNA);
        assertEquals(1, all.size());
        PipelineDto sales = all.get(0);
        assertEquals("Sales", sales.name());
        assertTrue(sales.defaultPipeline());
        assertFalse(sales.archived());
        assertEquals(List.of("New", "Qualification", "Measurements", "Proposal", "Negotiation", "Won", "Lost"),
                sales.stages().stream().map(StageDto::name).toList());
        assertEquals(List.of(10, 20, 40, 60, 80, 100, 0),
                sales.stages().stream().map(StageDto::probability).toList());
        assertEquals(List.of(StageKind.OPEN, StageKind.OPEN, StageKind.OPEN, StageKind.OPEN, StageKind.OPEN,
                StageKind.WON, StageKind.LOST), sales.stages().stream().map(StageDto::kind).toList());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), sales.stages().stream().map(StageDto::position).toList());
        StageDto measurements = sales.stages().get(2);
        assertEquals(List.of(new TaskTemplate("Visit the client", null, 24, Priority.HIGH)),
                measurements.taskTemplates());
        assertEquals(List.of(), sales.stages().get(0).taskTemplates());
        for (StageDto s : sales.stages()) {
            assertEquals(sales.id(), s.pipelineId());
        }
    }

    @Test
    public void defaultPipelineCreationIsIdempotent() {
        PipelineServiceImpl second = new PipelineServiceImpl(emf, events, config());
        second.ensureDefaultPipeline();
        new PipelineServiceImpl(emf, events, config());
        assertEquals(1, second.list(ADMIN).size());
        assertEquals(7, second.list(ADMIN).get(0).stages().size());
    }

    @Test
    public void noDefaultPipelineWhenPipelinesExistButTheMarkerIsMissing() {
        // Simulates a database of an older version: pipelines exist, so nothing is added.
        pipelines.create(ADMIN, simple("Projects"));
        emfWrite("DELETE FROM DealSettingEntity s");
        new PipelineServiceImpl(emf, events, config());
        assertEquals(2, pipelines.list(ADMIN).size());
    }

    private void emfWrite(String jpql) {
        var em = emf.createEntityManager();
        em.getTransaction().begin();
        em.createQuery(jpql).executeUpdate();
        em.getTransaction().commit();
        em.close();
    }

    @Test
    public void lossReasonsDefaultAndConfigured() {
        assertEquals(List.of("Too expensive", "Chose a competitor", "No budget", "No response", "Not a fit", "Other"),
                pipelines.lossReasons());
        PipelineServiceImpl configured = new PipelineServiceImpl(emf, events,
                config(" Too expensive ; Wrong timing;;Other", "Other", "Lost, to a friend"));
        assertEquals(List.of("Too expensive", "Wrong timing", "Other", "Lost, to a friend"),
                configured.lossReasons());
        configured.modified(config("A;B"));
        assertEquals(List.of("A", "B"), configured.lossReasons());
        configured.modified(config(" ; "));
        assertEquals(Arrays.asList(DealsConfiguration.DEFAULT_LOSS_REASONS), configured.lossReasons());
        assertEquals(Arrays.asList(DealsConfiguration.DEFAULT_LOSS_REASONS),
                PipelineServiceImpl.parseLossReasons(null));
    }

    @Test
    public void createKeepsStagesInOrderAndFillsDefaults() {
        PipelineDto p = pipelines.create(MANAGER, new PipelineInput(" Projects ", List.of(
                new StageInput(null, "Lead", 5, null, null),
                new StageInput(null, "Site visit", 30, StageKind.OPEN,
                        List.of(new TaskTemplate("Measure", "Bring the laser", 48, null))),
                new StageInput(null, "Signed", null, StageKind.WON, List.of()),
                new StageInput(null, "Dropped", null, StageKind.LOST, List.of()))));
        assertEquals("Projects", p.name());
        assertFalse(p.defaultPipeline());
        assertEquals(List.of("Lead", "Site visit", "Signed", "Dropped"),
                p.stages().stream().map(StageDto::name).toList());
        assertEquals(List.of(5, 30, 100, 0), p.stages().stream().map(StageDto::probability).toList());
        assertEquals(List.of(new TaskTemplate("Measure", "Bring the laser", 48, Priority.NORMAL)),
                p.stages().get(1).taskTemplates());
        assertEquals(p, pipelines.get(ANNA, p.id()));
        assertEquals(2, pipelines.list(ANNA).size());
        assertEquals("Sales", pipelines.list(ANNA).get(0).name());
        assertEquals(p.stages().get(1), pipelines.stage(p.stages().get(1).id()));
        assertEquals(CrmEvents.topic(CrmEvents.PIPELINE, CrmEvents.CREATED), events.topics().get(0));
    }

    @Test
    public void onlyAdminsAndManagersChangePipelines() {
        assertThrows(AccessDeniedException.class, () -> pipelines.create(ANNA, simple("Mine")));
        PipelineDto sales = sales();
        assertThrows(AccessDeniedException.class,
                () -> pipelines.update(ANNA, sales.id(), sales.version(), simple("Mine")));
        assertThrows(AccessDeniedException.class, () -> pipelines.archive(BEN, sales.id()));
        assertEquals(1, pipelines.list(ADMIN).size());
    }

    @Test
    public void validationCorpus() {
        assertFields(() -> pipelines.create(ADMIN, new PipelineInput(null, List.of(open("A", 1), won(), lost()))),
                "name");
        assertFields(() -> pipelines.create(ADMIN, new PipelineInput("x".repeat(101),
                List.of(open("A", 1), won(), lost()))), "name");
        assertFields(() -> pipelines.create(ADMIN, new PipelineInput("P", null)),
                "stages", "stages", "stages");
        assertFields(() -> pipelines.create(ADMIN, new PipelineInput("P", List.of(won(), lost()))), "stages");
        assertFields(() -> pipelines.create(ADMIN, new PipelineInput("P", List.of(open("A", 1), lost()))),
                "stages");
        assertFields(() -> pipelines.create(ADMIN, new PipelineInput("P", List.of(open("A", 1), won()))),
                "stages");
        assertFields(() -> pipelines.create(ADMIN, new PipelineInput("P",
                List.of(open("A", 1), won(), new StageInput(null, "Won again", null, StageKind.WON, null), lost()))),
                "stages");
        // Order: OPEN stages first, then WON, then LOST.
        assertFields(() -> pipelines.create(ADMIN, new PipelineInput("P", List.of(open("A", 1), lost(), won()))),
                "stages[1].kind");
        assertFields(() -> pipelines.create(ADMIN,
                new PipelineInput("P", List.of(open("A", 1), won(), open("B", 2), lost()))), "stages[1].kind");
        assertFields(() -> pipelines.create(ADMIN, new PipelineInput("P", List.of(won(), open("A", 1), lost()))),
                "stages[0].kind");
        // Stage fields.
        assertFields(() -> pipelines.create(ADMIN, new PipelineInput("P", List.of(
                        new StageInput(null, " ", 10, null, null),
                        new StageInput(null, "B", null, null, null),
                        new StageInput(null, "C", 101, null, null),
                        new StageInput(null, "D".repeat(101), -1, null, null),
                        open("b", 3), won(), lost()))),
                "stages[0].name", "stages[1].probability", "stages[2].probability", "stages[3].name",
                "stages[3].probability", "stages[4].name");
        assertFields(() -> pipelines.create(ADMIN, new PipelineInput("P", Arrays.asList(open("A", 1), null,
                won(), lost()))), "stages[1]");
        // Task templates.
        assertFields(() -> pipelines.create(ADMIN, new PipelineInput("P", List.of(
                        new StageInput(null, "A", 10, null, Arrays.asList(
                                new TaskTemplate(null, null, 1, null),
                                new TaskTemplate("t".repeat(201), null, 8761, Priority.LOW),
                                new TaskTemplate("ok", "d".repeat(10001), -1, null),
                                null)),
                        new StageInput(null, "B", 10, null, List.of(new TaskTemplate("fine", null, 8760, null))),
                        won(), lost()))),
                "stages[0].taskTemplates[0].title", "stages[0].taskTemplates[1].title",
                "stages[0].taskTemplates[1].dueInHours", "stages[0].taskTemplates[2].description",
                "stages[0].taskTemplates[2].dueInHours", "stages[0].taskTemplates[3]");
        // An id that is not a stage of this pipeline (on create nothing is).
        assertFields(() -> pipelines.create(ADMIN, new PipelineInput("P", List.of(
                new StageInput(sales().stages().get(0).id(), "A", 1, null, null), won(), lost()))), "stages[0].id");
        assertFields(() -> pipelines.create(ADMIN, new PipelineInput("P", Collections.nCopies(51, open("A", 1)))),
                "stages", "stages[1].name", "stages[2].name", "stages[3].name", "stages[4].name", "stages[5].name",
                "stages[6].name", "stages[7].name", "stages[8].name", "stages[9].name", "stages[10].name",
                "stages[11].name", "stages[12].name", "stages[13].name", "stages[14].name", "stages[15].name",
                "stages[16].name", "stages[17].name", "stages[18].name", "stages[19].name", "stages[20].name",
                "stages[21].name", "stages[22].name", "stages[23].name", "stages[24].name", "stages[25].name",
                "stages[26].name", "stages[27].name", "stages[28].name", "stages[29].name", "stages[30].name",
                "stages[31].name", "stages[32].name", "stages[33].name", "stages[34].name", "stages[35].name",
                "stages[36].name", "stages[37].name", "stages[38].name", "stages[39].name", "stages[40].name",
                "stages[41].name", "stages[42].name", "stages[43].name", "stages[44].name", "stages[45].name",
                "stages[46].name", "stages[47].name", "stages[48].name", "stages[49].name", "stages[50].name",
                "stages", "stages");
        assertThrows(ValidationException.class, () -> pipelines.create(ADMIN, null));
        assertEquals(1, pipelines.list(ADMIN).size());
    }

    @Test
    public void namesAreUniqueAmongLivePipelines() {
        assertThrows(ConflictException.class, () -> pipelines.create(ADMIN, simple("sales")));
        PipelineDto projects = pipelines.create(ADMIN, simple("Projects"));
        assertThrows(ConflictException.class, () -> pipelines.create(ADMIN, simple(" PROJECTS ")));
        PipelineDto other = pipelines.create(ADMIN, simple("Other"));
        assertThrows(ConflictException.class,
                () -> pipelines.update(ADMIN, other.id(), other.version(), simple("Projects")));
        pipelines.archive(ADMIN, projects.id());
        PipelineDto again = pipelines.create(ADMIN, simple("Projects"));
        assertNotEquals(projects.id(), again.id());
        // Renaming to its own name (other case) is fine.
        PipelineDto renamed = pipelines.update(ADMIN, again.id(), again.version(),
                new PipelineInput("projects", stagesOf(again)));
        assertEquals("projects", renamed.name());
    }

    private static List<StageInput> stagesOf(PipelineDto p) {
        List<StageInput> in = new ArrayList<>();
        for (StageDto s : p.stages()) {
            in.add(new StageInput(s.id(), s.name(), s.probability(), s.kind(), s.taskTemplates()));
        }
        return in;
    }

    @Test
    public void updateKeepsGivenStagesReordersAddsAndRemoves() {
        PipelineDto p = pipelines.create(ADMIN, new PipelineInput("Projects",
                List.of(open("A", 10), open("B", 20), open("C", 30), won(), lost())));
        StageDto a = p.stages().get(0);
        StageDto b = p.stages().get(1);
        StageDto c = p.stages().get(2);
        events.clear();
        PipelineDto updated = pipelines.update(ADMIN, p.id(), p.version(), new PipelineInput("Projects 2", List.of(
                new StageInput(c.id(), "C first", 15, null, null),
                new StageInput(a.id(), "A", 25, null, List.of(new TaskTemplate("Call", null, 2, Priority.URGENT))),
                open("New one", 50),
                new StageInput(p.stages().get(3).id(), "Won", null, StageKind.WON, null),
                new StageInput(p.stages().get(4).id(), "Lost", 0, StageKind.LOST, null))));
        assertEquals("Projects 2", updated.name());
        assertTrue(updated.version() > p.version());
        assertEquals(List.of(c.id(), a.id()), updated.stages().subList(0, 2).stream().map(StageDto::id).toList());
        assertEquals(List.of("C first", "A", "New one", "Won", "Lost"),
                updated.stages().stream().map(StageDto::name).toList());
        assertEquals(List.of(0, 1, 2, 3, 4), updated.stages().stream().map(StageDto::position).toList());
        assertEquals(List.of(15, 25, 50, 100, 0), updated.stages().stream().map(StageDto::probability).toList());
        assertEquals(List.of(new TaskTemplate("Call", null, 2, Priority.URGENT)), updated.stages().get(1).taskTemplates());
        assertEquals(updated, pipelines.get(MANAGER, p.id()));
        assertThrows(NotFoundException.class, () -> pipelines.stage(b.id()));
        assertEquals(List.of(CrmEvents.topic(CrmEvents.PIPELINE, CrmEvents.UPDATED)), events.topics());
    }

    @Test
    public void updateWithStaleVersionFails() {
        PipelineDto sales = sales();
        PipelineDto renamed = pipelines.update(ADMIN, sales.id(), sales.version(),
                new PipelineInput("Sales 2", stagesOf(sales)));
        assertThrows(StaleVersionException.class, () -> pipelines.update(ADMIN, sales.id(), sales.version(),
                new PipelineInput("Sales 3", stagesOf(sales))));
        assertEquals("Sales 2", pipelines.get(ADMIN, sales.id()).name());
        assertThrows(NotFoundException.class, () -> pipelines.update(ADMIN, 9999, 0, simple("X")));
        assertTrue(renamed.defaultPipeline());
    }

    @Test
    public void removingAStageThatHoldsLiveDealsIsAConflict() {
        PipelineDto sales = sales();
        StageDto qualification = stage(sales, "Qualification");
        DealDto d = deals.create(ADMIN, withStage(deal("Kitchen"), null, qualification.id()));
        List<StageInput> without = new ArrayList<>(stagesOf(sales));
        without.remove(1);
        ConflictException e = assertThrows(ConflictException.class,
                () -> pipelines.update(ADMIN, sales.id(), sales.version(), new PipelineInput("Sales", without)));
        assertTrue(e.getMessage(), e.getMessage().contains("Qualification"));
        assertEquals(7, pipelines.get(ADMIN, sales.id()).stages().size());
        assertEquals(qualification.id(), d.stageId());
        // Archived deals do not hold a stage.
        deals.archive(ADMIN, d.id());
        PipelineDto updated = pipelines.update(ADMIN, sales.id(), sales.version(), new PipelineInput("Sales", without));
        assertEquals(6, updated.stages().size());
        // ... but they cannot come back into a removed stage.
        assertThrows(ConflictException.class, () -> deals.restore(ADMIN, d.id()));
    }

    @Test
    public void changingTheKindOfAStageWithDealsIsAConflict() {
        PipelineDto p = pipelines.create(ADMIN, new PipelineInput("Projects",
                List.of(open("A", 10), open("B", 20), won(), lost())));
        deals.create(ADMIN, withStage(deal("X"), null, p.stages().get(1).id()));
        List<StageInput> in = List.of(
                new StageInput(p.stages().get(0).id(), "A", 10, null, null),
                new StageInput(p.stages().get(1).id(), "B", null, StageKind.WON, null),
                new StageInput(p.stages().get(3).id(), "Lost", null, StageKind.LOST, null));
        assertThrows(ConflictException.class, () -> pipelines.update(ADMIN, p.id(), p.version(),
                new PipelineInput("Projects", in)));
    }

    @Test
    public void archiveRules() {
        PipelineDto sales = sales();
        assertThrows(ConflictException.class, () -> pipelines.archive(ADMIN, sales.id()));
        PipelineDto p = pipelines.create(ADMIN, simple("Projects"));
        DealDto d = deals.create(ADMIN, withStage(deal("X"), p.id(), null));
        assertThrows(ConflictException.class, () -> pipelines.archive(MANAGER, p.id()));
        deals.moveToStage(ADMIN, d.id(), d.version(), p.stages().get(2).id(), null, null); // won
        PipelineDto archived = pipelines.archive(MANAGER, p.id());
        assertTrue(archived.archived());
        assertEquals(List.of("Sales"), pipelines.list(ANNA).stream().map(PipelineDto::name).toList());
        assertTrue(pipelines.get(ANNA, p.id()).archived());
        // Idempotent; an archived pipeline cannot be changed any more.
        assertEquals(archived, pipelines.archive(MANAGER, p.id()));
        assertThrows(ConflictException.class, () -> pipelines.update(ADMIN, p.id(), archived.version(),
                simple("Projects")));
        assertThrows(NotFoundException.class, () -> pipelines.archive(ADMIN, 4242));
        assertThrows(NotFoundException.class, () -> pipelines.get(ANNA, 4242));
        assertThrows(NotFoundException.class, () -> pipelines.stage(4242));
    }
}
