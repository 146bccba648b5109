package io.tessera.crm.importer.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.api.deals.PipelineService;
import io.tessera.crm.api.deals.StageDto;
import io.tessera.crm.api.deals.StageKind;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.Test;

public class FollowUpStagesTest {
    private static final Caller ADMIN = Caller.of("admin", Roles.ADMIN);

    private static StageDto stage(long id, long pipeline, String name, int position, StageKind kind) {
        return new StageDto(id, pipeline, name, position, 10, kind, List.of());
    }

    private static FollowUps.Stages stagesOf(PipelineDto... pipelines) {
        PipelineService service = (PipelineService) Proxy.newProxyInstance(FollowUpStagesTest.class.getClassLoader(),
                new Class<?>[] {PipelineService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("list")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return List.of(pipelines);
                });
        return new FollowUps(null, null, service).stages(ADMIN);
    }

    @Test
    public void aNamedStageIsLookedUpInTheDefaultPipelineFirstAndARowNamingNoStageLeavesItToTheDealService() {
        PipelineDto other = new PipelineDto(1, 1, "Partners", false, List.of(
                stage(11, 1, "Lead", 0, StageKind.OPEN), stage(12, 1, "Proposal", 1, StageKind.OPEN),
                stage(13, 1, "Won", 2, StageKind.WON)), false);
        PipelineDto archived = new PipelineDto(2, 1, "Old", false, List.of(
                stage(21, 2, "Archived stage", 0, StageKind.OPEN)), true);
        PipelineDto sales = new PipelineDto(3, 1, "Sales", true, List.of(
                stage(33, 3, "Won", 3, StageKind.WON), stage(32, 3, "Proposal", 2, StageKind.OPEN),
                stage(31, 3, "Qualified", 1, StageKind.OPEN)), false);
        FollowUps.Stages stages = stagesOf(other, archived, sales);

        assertNull(stages.idOf(null));
        assertEquals(Long.valueOf(32), stages.idOf("proposal"));
        assertEquals(Long.valueOf(32), stages.idOf("PROPOSAL"));
        assertEquals(Long.valueOf(11), stages.idOf("Lead"));
        assertNull(stages.idOf("Archived stage"));
        assertNull(stages.idOf("Negotiation"));
    }

    @Test
    public void withoutThePipelineServiceNoStageIsKnown() {
        assertNull(new FollowUps(null, null, null).stages(ADMIN).idOf("Lead"));
    }
}
