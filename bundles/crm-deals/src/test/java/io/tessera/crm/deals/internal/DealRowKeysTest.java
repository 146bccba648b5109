package io.tessera.crm.deals.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.api.deals.PipelineInput;
import io.tessera.crm.api.deals.StageInput;
import io.tessera.crm.api.deals.StageKind;
import io.tessera.crm.api.deals.TaskTemplate;
import io.tessera.crm.api.tasks.Priority;
import io.tessera.crm.support.testing.TestDatabase;
import java.util.List;
import java.util.Set;
import javax.persistence.EntityManager;
import org.junit.Test;

public class DealRowKeysTest extends DealsFixture {

    @Test
    public void aNewDatabaseIndexesTheOwnedRowsByTheirOwnerAndHasNoForeignKeys() {
        assertEquals(0, TestDatabase.foreignKeys(emf));
        assertEquals(Set.of("DEAL_DEAL_CONTACT_OWNER_IX", "DEAL_STAGE_TASK_OWNER_IX"), ownerIndexes());
        assertEquals(0, DealRowKeys.drop(emf));
    }

    @Test
    public void theForeignKeysAnEarlierVersionMadeAreReplacedByIndexesWithTheRowsKept() {
        PipelineDto onboarding = pipelines.create(ADMIN, new PipelineInput("Onboarding", List.of(
                new StageInput(null, "Call", 20, StageKind.OPEN,
                        List.of(new TaskTemplate("Call the client", "Within a day", 24, Priority.HIGH))),
                won(), lost())));
        DealDto kitchen = deals.create(ANNA, withLinks(deal("Kitchen"), 1L, List.of(11L, 12L)));
        // the schema of an earlier version: a foreign key to the owner and no index of ours
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.createNativeQuery("DROP INDEX DEAL_DEAL_CONTACT_OWNER_IX").executeUpdate();
            em.createNativeQuery("ALTER TABLE DEAL_DEAL_CONTACT ADD CONSTRAINT DEALDEALCONTACTFK"
                    + " FOREIGN KEY (DEAL_ID) REFERENCES DEAL_DEAL (ID)").executeUpdate();
            em.createNativeQuery("DROP INDEX DEAL_STAGE_TASK_OWNER_IX").executeUpdate();
            em.createNativeQuery("ALTER TABLE DEAL_STAGE_TASK ADD CONSTRAINT DEALSTAGETASKFK"
                    + " FOREIGN KEY (STAGE_ID) REFERENCES DEAL_STAGE (ID)").executeUpdate();
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        assertEquals(2, TestDatabase.foreignKeys(emf));

        assertEquals(2, DealRowKeys.drop(emf));

        assertEquals(0, TestDatabase.foreignKeys(emf));
        assertEquals(Set.of("DEAL_DEAL_CONTACT_OWNER_IX", "DEAL_STAGE_TASK_OWNER_IX"), ownerIndexes());
        assertEquals(kitchen, deals.get(ANNA, kitchen.id()));
        assertEquals(onboarding, pipelines.get(ADMIN, onboarding.id()));
        assertEquals(0, DealRowKeys.drop(emf));
    }

    private Set<String> ownerIndexes() {
        Set<String> found = new java.util.HashSet<>(TestDatabase.indexes(emf, "%_OWNER_IX"));
        found.remove("DEAL_DEAL_OWNER_IX");
        return found;
    }
}
