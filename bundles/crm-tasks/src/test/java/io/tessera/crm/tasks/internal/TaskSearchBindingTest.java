package io.tessera.crm.tasks.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.Paging;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.api.tasks.TaskQuery;
import io.tessera.crm.support.testing.TestDatabase;
import java.util.List;
import org.junit.Test;

/** A text search's value reaches Derby as a parameter (eclipselink.jdbc.allow-partial-bind-parameters). */
public class TaskSearchBindingTest extends TasksFixture {
    private List<String> found(String q) {
        return tasks.list(ANNA, new TaskQuery(q, null, null, null, null, null, null, null, false, null,
                Paging.FIRST)).items().stream().map(TaskDto::title).toList();
    }

    @Test
    public void aTextSearchIsSentWithItsValueBoundSoDerbyCompilesItOnce() {
        tasks.create(ANNA, task("Call Zebra").build());
        tasks.create(ANNA, task("Visit").description("Bring the Okapi brochure").build());

        assertEquals(List.of("Call Zebra"), found("zebr"));
        assertEquals(List.of("Visit"), found("okap"));

        TestDatabase.assertSearchesWereBound(emf, "zebr", "okap");
    }
}
