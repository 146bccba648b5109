package io.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.security.UserService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * The core end to end in the real distribution: REST over real HTTP, the OSGi services, the console.
 * One Karaf per class (each boot costs ~20 s), so related checks share it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreFlowIT extends TesseraTestSupport {
    @Inject
    @Filter(timeout = 120_000)
    protected CompanyService companyService;

    @Inject
    @Filter(timeout = 120_000)
    protected UserService userService;

    @Inject
    protected org.osgi.framework.BundleContext bundleContext;

    private void ensureUser(String name, String role) {
        Caller admin = Caller.of(ADMIN, Roles.ADMIN);
        if (!userService.exists(name)) {
            userService.add(admin, name, name + "-password", role);
        }
    }

    @javax.inject.Inject
    private org.osgi.framework.BundleContext context;

    /** See etc/custom.properties: Derby's dynamic import of javax.naming once failed during a boot-time refresh. */
    @Test
    public void javaxNamingComesFromTheBootClassPath() {
        String delegated = context.getProperty("org.osgi.framework.bootdelegation");
        assertTrue(delegated, delegated.contains("javax.naming.*"));
    }

    @Test
    public void healthAnswersWithoutLoginAndTheRestNeedsOne() throws Exception {
        Reply health = get("/health", null, null);
        assertEquals(200, health.status());
        assertEquals("UP", health.json().get("status").asText());

        Reply anonymous = get("/companies", null, null);
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.header("Content-Type").startsWith("application/problem+json"));
        assertNotNull(anonymous.header("WWW-Authenticate"));
        assertEquals(401, get("/companies", ADMIN, "wrong").status());
        assertEquals(401, get("/companies", "karaf", "karaf").status());
    }

    @Test
    public void salesFlowFromCompanyToDealTaskAndTimeline() throws Exception {
        Reply company = admin("POST", "/companies", "{\"name\":\"Acme Kitchens\",\"website\":\"https://www.acme-kitchens.com\","
                + "\"phones\":[\"+7 912 345-67-89\"],\"emails\":[\"Office@Acme-Kitchens.com\"],\"tags\":[\"vip\"],"
                + "\"customFields\":{\"segment\":\"retail\",\"employees\":40}}");
        assertEquals(company.toString(), 201, company.status());
        long companyId = company.json().get("id").asLong();
        assertTrue(company.header("Location").endsWith("/api/v1/companies/" + companyId));
        assertEquals("\"0\"".replace("0", company.json().get("version").asText()), company.header("ETag"));
        assertEquals("acme-kitchens.com", company.json().get("domain").asText());

        Reply contact = admin("POST", "/contacts", "{\"firstName\":\"Ivan\",\"lastName\":\"Petrov\",\"position\":\"CEO\","
                + "\"emails\":[\"ivan@acme-kitchens.com\"],\"companyIds\":[" + companyId + "]}");
        assertEquals(contact.toString(), 201, contact.status());
        long contactId = contact.json().get("id").asLong();

        JsonNode pipelines = admin("GET", "/pipelines", null).json().get("items");
        JsonNode sales = pipelines.get(0);
        assertEquals("Sales", sales.get("name").asText());
        long measurements = -1;
        for (JsonNode stage : sales.get("stages")) {
            if (stage.get("name").asText().equals("Measurements")) {
                measurements = stage.get("id").asLong();
            }
        }
        assertTrue("the default pipeline has a Measurements stage", measurements > 0);

        Reply deal = admin("POST", "/deals", "{\"title\":\"Kitchen for Acme\",\"amount\":125000.50,\"currency\":\"RUB\","
                + "\"companyId\":" + companyId + ",\"contactIds\":[" + contactId + "]}");
        assertEquals(deal.toString(), 201, deal.status());
        long dealId = deal.json().get("id").asLong();
        assertEquals("OPEN", deal.json().get("status").asText());
        assertEquals(0, deal.json().get("amount").decimalValue().compareTo(new java.math.BigDecimal("125000.50")));

        Reply moved = send("POST", "/deals/" + dealId + "/stage", ADMIN, ADMIN_PASSWORD,
                "{\"stageId\":" + measurements + "}", Map.of("If-Match", deal.header("ETag")));
        assertEquals(moved.toString(), 200, moved.status());
        assertEquals(measurements, moved.json().get("stageId").asLong());
        assertEquals(2, moved.json().get("stageHistory").size());

        JsonNode tasks = admin("GET", "/tasks?dealId=" + dealId, null).json().get("items");
        assertEquals(tasks.toString(), 1, tasks.size());
        assertEquals("Visit the client", tasks.get(0).get("title").asText());
        assertEquals(ADMIN, tasks.get(0).get("assignee").asText());
        assertEquals(companyId, tasks.get(0).get("companyId").asLong());

        Reply note = admin("POST", "/notes", "{\"text\":\"Wants oak fronts\",\"dealId\":" + dealId + "}");
        assertEquals(note.toString(), 201, note.status());

        JsonNode history = admin("GET", "/timeline?dealId=" + dealId, null).json().get("items");
        List<String> kinds = new ArrayList<>();
        history.forEach(entry -> kinds.add(entry.get("kind").asText()));
        assertEquals("newest first", "note/CREATED", kinds.get(0));
        assertTrue(kinds.toString(), kinds.contains("deal/STAGE_CHANGED"));
        assertTrue(kinds.toString(), kinds.contains("task/CREATED"));
        assertTrue(kinds.toString(), kinds.contains("deal/CREATED"));

        JsonNode companyHistory = admin("GET", "/timeline?companyId=" + companyId, null).json().get("items");
        List<String> companyKinds = new ArrayList<>();
        companyHistory.forEach(entry -> companyKinds.add(entry.get("kind").asText()));
        assertTrue(companyKinds.toString(), companyKinds.containsAll(
                List.of("company/CREATED", "contact/CREATED", "deal/CREATED", "deal/STAGE_CHANGED")));
    }

    @Test
    public void reminderFiresAnOsgiEventAtItsTime() throws Exception {
        java.util.concurrent.BlockingQueue<org.osgi.service.event.Event> reminders =
                new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put(org.osgi.service.event.EventConstants.EVENT_TOPIC, "tessera/crm/task/REMINDER");
        org.osgi.framework.ServiceRegistration<org.osgi.service.event.EventHandler> listener = bundleContext
                .registerService(org.osgi.service.event.EventHandler.class, reminders::add, props);
        try {
            java.time.Instant remindAt = java.time.Instant.now().plusSeconds(2);
            Reply task = admin("POST", "/tasks", "{\"title\":\"Call Ivan back\",\"remindAt\":\"" + remindAt
                    + "\",\"dueAt\":\"" + remindAt.plusSeconds(3600) + "\"}");
            assertEquals(task.toString(), 201, task.status());
            long id = task.json().get("id").asLong();

            org.osgi.service.event.Event reminder = reminders.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            assertNotNull("no reminder event within 30 s", reminder);
            assertEquals(id, ((Number) reminder.getProperty("id")).longValue());
            assertEquals(ADMIN, reminder.getProperty("owner"));
            assertTrue("fired at its time, not before", java.time.Instant.now().isAfter(remindAt.minusMillis(50)));
            assertEquals("fires once", null, reminders.poll(3, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            listener.unregister();
        }
    }

    /**
     * etc/org.apache.felix.eventadmin.impl.EventAdmin.cfg turns the handler timeout off, so a synchronous event's
     * handlers run on the sender's thread (with Felix's default they run on an EventAdmin thread while the sender
     * waits, and a handler slower than 5 s once is never called again).
     */
    @Test
    public void synchronousEventsRunTheirHandlersOnTheSendersThread() throws Exception {
        String topic = "tessera/itest/SYNC";
        List<Thread> ranOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put(org.osgi.service.event.EventConstants.EVENT_TOPIC, topic);
        org.osgi.framework.ServiceRegistration<org.osgi.service.event.EventHandler> handler = bundleContext
                .registerService(org.osgi.service.event.EventHandler.class, event -> ranOn.add(Thread.currentThread()),
                        props);
        org.osgi.framework.ServiceReference<org.osgi.service.event.EventAdmin> ref =
                bundleContext.getServiceReference(org.osgi.service.event.EventAdmin.class);
        try {
            org.osgi.service.event.EventAdmin events = bundleContext.getService(ref);
            events.sendEvent(new org.osgi.service.event.Event(topic, Map.of()));
            events.sendEvent(new org.osgi.service.event.Event(topic, Map.of()));
            assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), ranOn);
        } finally {
            bundleContext.ungetService(ref);
            handler.unregister();
        }
    }

    @Test
    public void staleIfMatchIsRefusedWith412AndNothingChanges() throws Exception {
        Reply created = admin("POST", "/companies", "{\"name\":\"Versioned Ltd\"}");
        long id = created.json().get("id").asLong();
        String etag = created.header("ETag");

        Reply first = send("PATCH", "/companies/" + id, ADMIN, ADMIN_PASSWORD, "{\"industry\":\"Furniture\"}",
                Map.of("If-Match", etag, "Content-Type", "application/merge-patch+json"));
        assertEquals(first.toString(), 200, first.status());

        Reply stale = send("PATCH", "/companies/" + id, ADMIN, ADMIN_PASSWORD, "{\"industry\":\"Steel\"}",
                Map.of("If-Match", etag, "Content-Type", "application/merge-patch+json"));
        assertEquals(stale.toString(), 412, stale.status());
        assertTrue(stale.header("Content-Type").startsWith("application/problem+json"));
        assertEquals("Furniture", admin("GET", "/companies/" + id, null).json().get("industry").asText());
    }

    @Test
    public void salesUserSeesOnlyOwnRecordsInRestAndServices() throws Exception {
        ensureUser("anna", Roles.SALES);
        ensureUser("boris", Roles.SALES);
        Reply annas = send("POST", "/companies", "anna", "anna-password", "{\"name\":\"Anna's client\"}", Map.of());
        assertEquals(annas.toString(), 201, annas.status());
        assertEquals("anna", annas.json().get("owner").asText());
        long id = annas.json().get("id").asLong();

        Reply borisGet = get("/companies/" + id, "boris", "boris-password");
        assertEquals(borisGet.toString(), 404, borisGet.status());
        Reply borisPatch = send("PATCH", "/companies/" + id, "boris", "boris-password", "{\"name\":\"Mine now\"}",
                Map.of());
        assertEquals(404, borisPatch.status());
        Reply borisDelete = send("DELETE", "/companies/" + id, "boris", "boris-password", null, Map.of());
        assertEquals(404, borisDelete.status());
        JsonNode borisList = get("/companies?limit=500", "boris", "boris-password").json().get("items");
        borisList.forEach(c -> assertEquals("boris", c.get("owner").asText()));
        assertEquals(200, get("/companies/" + id, "anna", "anna-password").status());

        // The same rule holds for another bundle calling the OSGi service directly.
        Caller boris = Caller.of("boris", Roles.SALES);
        try {
            companyService.get(boris, id);
            throw new AssertionError("boris must not see anna's company");
        } catch (io.tessera.crm.api.NotFoundException expected) {
            // as a missing record
        }
        List<CompanyDto> borisSees = companyService.list(boris, RecordQuery.all()).items();
        assertFalse(borisSees.stream().anyMatch(c -> c.id() == id));
        CompanyDto viaService = companyService.create(boris, new CompanyInput("Boris via OSGi", null, null, null,
                null, List.of(), List.of(), null, Set.of(), Map.of(), null));
        assertEquals("boris", viaService.owner());
    }

    @Test
    public void reassignMovesEverythingOfOneUserInOneCall() throws Exception {
        ensureUser("leaving", Roles.SALES);
        ensureUser("staying", Roles.SALES);
        String pw = "leaving-password";
        long company = send("POST", "/companies", "leaving", pw, "{\"name\":\"Leaving's client\"}", Map.of())
                .json().get("id").asLong();
        send("POST", "/contacts", "leaving", pw, "{\"lastName\":\"Sidorov\",\"companyIds\":[" + company + "]}", Map.of());
        send("POST", "/deals", "leaving", pw, "{\"title\":\"Leaving's deal\",\"companyId\":" + company + "}", Map.of());
        send("POST", "/tasks", "leaving", pw, "{\"title\":\"Call back\"}", Map.of());

        Reply result = admin("POST", "/owners/reassign", "{\"from\":\"leaving\",\"to\":\"staying\"}");
        assertEquals(result.toString(), 200, result.status());
        JsonNode counts = result.json().get("counts");
        assertEquals(1, counts.get("companies").asInt());
        assertEquals(1, counts.get("contacts").asInt());
        assertEquals(1, counts.get("deals").asInt());
        assertEquals(1, counts.get("tasks").asInt());
        assertEquals(4, result.json().get("total").asInt());

        assertEquals(404, get("/companies/" + company, "leaving", pw).status());
        assertEquals("staying", get("/companies/" + company, "staying", "staying-password").json()
                .get("owner").asText());

        Reply bySales = send("POST", "/owners/reassign", "staying", "staying-password",
                "{\"from\":\"staying\",\"to\":\"leaving\"}", Map.of());
        assertEquals(403, bySales.status());
    }

    @Test
    public void archiveHidesFromListsAndRestoreBringsBack() throws Exception {
        long id = admin("POST", "/contacts", "{\"firstName\":\"Archie\",\"lastName\":\"Vanishing\"}").json()
                .get("id").asLong();
        assertEquals(200, admin("DELETE", "/contacts/" + id, null).status());
        assertFalse(admin("GET", "/contacts?q=Vanishing", null).text().contains("\"id\":" + id + ","));
        Reply archived = admin("GET", "/contacts/" + id, null);
        assertTrue(archived.json().get("archived").asBoolean());
        assertEquals(200, admin("POST", "/contacts/" + id + "/restore", null).status());
        assertEquals(1, admin("GET", "/contacts?q=Vanishing", null).json().get("items").size());
    }

    @Test
    public void pagingWalksTheWholeListOnce() throws Exception {
        for (int i = 0; i < 7; i++) {
            admin("POST", "/companies", "{\"name\":\"Paged " + i + "\",\"tags\":[\"paging\"]}");
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = admin("GET", "/companies?tag=paging&limit=3&sort=name"
                    + (cursor == null ? "" : "&cursor=" + cursor), null).json();
            page.get("items").forEach(c -> seen.add(c.get("name").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertEquals(List.of("Paged 0", "Paged 1", "Paged 2", "Paged 3", "Paged 4", "Paged 5", "Paged 6"), seen);
    }

    @Test
    public void consoleCommandsWork() throws Exception {
        admin("POST", "/contacts", "{\"firstName\":\"Console\",\"lastName\":\"Visible\",\"emails\":[\"cv@example.com\"]}");
        String contacts = console("crm:contacts Visible", ADMIN, Roles.ADMIN, "admin");
        assertTrue(contacts, contacts.contains("Console Visible"));
        assertTrue(contacts, contacts.contains("cv@example.com"));

        String added = console("crm:user-add --password console-pass-1 console-user crm-manager", ADMIN, Roles.ADMIN,
                "admin");
        assertTrue(added, userService.exists("console-user"));
        String users = console("crm:users", ADMIN, Roles.ADMIN, "admin");
        assertTrue(users, users.contains("console-user"));
        assertTrue(users, users.contains("crm-manager"));

        String denied = console("crm:users", "anna", Roles.SALES);
        assertFalse(denied, denied.contains("console-user"));
        assertTrue(denied, denied.contains("Command not found"));
    }

    @Test
    public void sshConsoleRunsCrmCommandsWithinTheUsersRights() throws Exception {
        ensureUser("anna", Roles.SALES);
        admin("POST", "/contacts", "{\"firstName\":\"Over\",\"lastName\":\"Ssh\",\"emails\":[\"ssh@example.com\"]}");

        String asAdmin = ssh(ADMIN, ADMIN_PASSWORD, "crm:contacts Ssh");
        assertTrue(asAdmin, asAdmin.contains("ssh@example.com"));

        String annaContacts = ssh("anna", "anna-password", "crm:contacts Ssh");
        assertFalse("anna does not own that contact: " + annaContacts, annaContacts.contains("ssh@example.com"));
        String annaUsers = ssh("anna", "anna-password", "crm:users");
        assertTrue(annaUsers, annaUsers.contains("Command not found"));
    }
}
