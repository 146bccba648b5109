package io.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A corpus of broken requests against the real server: each must get a 4xx problem+json naming the field at fault
 * (where there is one), none a 500, and the stored data must be exactly as before.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BadInputIT extends TesseraTestSupport {

    private record Case(String method, String path, String body, int status, String field) {
    }

    @Test
    public void brokenRequestsAreRefusedClearlyAndChangeNothing() throws Exception {
        JsonNode company = admin("POST", "/companies", "{\"name\":\"Stable Co\",\"emails\":[\"a@stable.co\"]}").json();
        long companyId = company.get("id").asLong();
        JsonNode deal = admin("POST", "/deals", "{\"title\":\"Stable deal\",\"amount\":100,\"currency\":\"EUR\","
                + "\"companyId\":" + companyId + "}").json();
        long dealId = deal.get("id").asLong();
        long otherPipelineStage = otherPipelineStage();
        String before = snapshot(companyId, dealId);

        String longName = "x".repeat(5000);
        List<Case> corpus = List.of(
                new Case("POST", "/companies", "{\"name\":", 400, "body"),
                new Case("POST", "/companies", "not json at all", 400, "body"),
                new Case("POST", "/companies", "", 400, "body"),
                new Case("POST", "/companies", "[1,2]", 400, "body"),
                new Case("POST", "/companies", "{\"name\":\"A\",\"hacker\":true}", 400, "hacker"),
                new Case("POST", "/companies", "{\"name\":\"A\",\"id\":99}", 400, "id"),
                new Case("POST", "/companies", "{\"name\":12}", 400, "name"),
                new Case("POST", "/companies", "{\"name\":\"A\",\"phones\":\"123\"}", 400, "phones"),
                new Case("POST", "/companies", "{}", 400, "name"),
                new Case("POST", "/companies", "{\"name\":\"" + longName + "\"}", 400, "name"),
                new Case("POST", "/companies", "{\"name\":\"A\",\"emails\":[\"not-an-email\"]}", 400, "emails[0]"),
                new Case("POST", "/contacts", "{\"lastName\":\"X\",\"companyIds\":[987654321]}", 400, "companyIds[0]"),
                new Case("POST", "/contacts", "{\"lastName\":\"X\",\"birthday\":\"yesterday\"}", 400, "birthday"),
                new Case("POST", "/deals", "{\"title\":\"T\",\"amount\":10,\"currency\":\"XYZ\"}", 400, "currency"),
                new Case("POST", "/deals", "{\"title\":\"T\",\"amount\":\"ten\",\"currency\":\"EUR\"}", 400, "amount"),
                new Case("POST", "/deals", "{\"title\":\"T\",\"amount\":-5,\"currency\":\"EUR\"}", 400, "amount"),
                new Case("POST", "/deals", "{\"title\":\"T\",\"companyId\":987654321}", 400, "companyId"),
                new Case("POST", "/deals", "{\"title\":\"T\",\"pipelineId\":" + defaultPipeline() + ",\"stageId\":"
                        + otherPipelineStage + "}", 400, "stageId"),
                new Case("POST", "/tasks", "{\"title\":\"T\",\"dealId\":987654321}", 400, "dealId"),
                new Case("POST", "/tasks", "{\"title\":\"T\",\"priority\":\"CRITICAL\"}", 400, "priority"),
                new Case("POST", "/tasks", "{\"title\":\"T\",\"dueAt\":\"tomorrow\"}", 400, "dueAt"),
                new Case("POST", "/notes", "{\"text\":\"orphan\"}", 400, null),
                new Case("GET", "/companies?limit=100000", null, 400, "limit"),
                new Case("GET", "/companies?limit=abc", null, 400, "limit"),
                new Case("GET", "/companies?cursor=garbage", null, 400, "cursor"),
                new Case("GET", "/companies?sort=password", null, 400, "sort"),
                new Case("GET", "/tasks?overdue=maybe", null, 400, "overdue"),
                new Case("GET", "/timeline", null, 400, null),
                new Case("GET", "/companies/987654321", null, 404, null),
                new Case("GET", "/no-such-resource", null, 404, null),
                new Case("PUT", "/companies/" + companyId, "{\"name\":\"B\"}", 405, null),
                new Case("PATCH", "/companies/" + companyId, "{\"name\":null}", 400, "name"),
                new Case("PATCH", "/companies/" + companyId, "{\"owner\":\"nobody-here\"}", 400, "owner"),
                new Case("PATCH", "/companies/" + companyId, "{\"createdAt\":\"2020-01-01T00:00:00Z\"}", 400, "createdAt"),
                new Case("PATCH", "/companies/" + companyId, "{\"name\":\"C\",\"version\":\"x\"}", 400, "version"),
                new Case("PATCH", "/deals/" + dealId, "{\"currency\":\"usd\"}", 400, "currency"),
                new Case("PATCH", "/deals/" + dealId, "{\"stageId\":987654321}", 400, "stageId"),
                new Case("POST", "/owners/reassign", "{\"from\":\"admin\"}", 400, "to"),
                new Case("POST", "/owners/reassign", "null", 400, "body"),
                new Case("POST", "/users", "null", 400, "body"),
                new Case("POST", "/users", "{\"username\":\"Bad Name\",\"password\":\"short\",\"role\":\"boss\"}", 400,
                        "password"),
                new Case("POST", "/companies", "null", 400, "body"),
                new Case("POST", "/companies", "{\"name\":\"A\",\"customFields\":{\"k\":[1]}}", 400, "customFields.k"),
                new Case("POST", "/pipelines", "{\"name\":\"P\",\"stages\":[]}", 400, "stages"),
                new Case("POST", "/companies", "x", 415, null));

        List<String> failures = new ArrayList<>();
        for (Case c : corpus) {
            String type = c.status() == 415 ? "text/plain" : "application/json";
            Reply reply = send(c.method(), c.path(), ADMIN, ADMIN_PASSWORD, c.body(),
                    c.body() == null ? Map.of() : Map.of("Content-Type", type));
            String label = c.method() + " " + c.path() + " " + (c.body() == null ? ""
                    : c.body().substring(0, Math.min(60, c.body().length())));
            if (reply.status() != c.status()) {
                failures.add(label + " -> " + reply);
                continue;
            }
            if (!String.valueOf(reply.header("Content-Type")).startsWith("application/problem+json")) {
                failures.add(label + " -> no problem+json: " + reply.header("Content-Type"));
                continue;
            }
            JsonNode problem = reply.json();
            if (problem.get("status").asInt() != c.status() || problem.get("detail").asText().contains("Exception")) {
                failures.add(label + " -> bad problem body " + problem);
            }
            if (c.field() != null && !namesField(problem, c.field())) {
                failures.add(label + " -> does not name field " + c.field() + ": " + problem);
            }
        }
        assertTrue(String.join("\n", failures), failures.isEmpty());
        assertEquals("nothing stored was changed", before, snapshot(companyId, dealId));
    }

    private static boolean namesField(JsonNode problem, String field) {
        for (JsonNode error : problem.get("errors")) {
            if (error.get("field").asText().equals(field)) {
                return true;
            }
        }
        return false;
    }

    private String snapshot(long companyId, long dealId) throws Exception {
        return admin("GET", "/companies/" + companyId, null).text() + admin("GET", "/deals/" + dealId, null).text()
                + admin("GET", "/companies?limit=500", null).json().get("items").size()
                + admin("GET", "/deals?limit=500", null).json().get("items").size()
                + admin("GET", "/tasks?limit=500", null).json().get("items").size();
    }

    private long defaultPipeline() throws Exception {
        return admin("GET", "/pipelines", null).json().get("items").get(0).get("id").asLong();
    }

    private long otherPipelineStage() throws Exception {
        JsonNode pipelines = admin("GET", "/pipelines", null).json().get("items");
        for (JsonNode p : pipelines) {
            if (p.get("name").asText().equals("Service")) {
                return p.get("stages").get(0).get("id").asLong();
            }
        }
        Reply created = admin("POST", "/pipelines", "{\"name\":\"Service\",\"stages\":[{\"name\":\"Request\","
                + "\"probability\":30},{\"name\":\"Done\",\"kind\":\"WON\"},{\"name\":\"Dropped\",\"kind\":\"LOST\"}]}");
        assertEquals(created.toString(), 201, created.status());
        return created.json().get("stages").get(0).get("id").asLong();
    }
}
