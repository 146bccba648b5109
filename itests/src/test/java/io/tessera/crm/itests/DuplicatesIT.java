package io.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Duplicate cards in the base and merging them, across bundles, in the real distribution. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DuplicatesIT extends TesseraTestSupport {

    @Test
    public void duplicateContactsAreFoundAndMergedWithNothingLost() throws Exception {
        long company = admin("POST", "/companies", "{\"name\":\"Merge Co\"}").json().get("id").asLong();
        long survivor = admin("POST", "/contacts", "{\"firstName\":\"Olga\",\"lastName\":\"Smirnova\","
                + "\"emails\":[\"olga@merge.co\"],\"phones\":[\"+7 912 345-67-89\"],\"position\":\"Buyer\"}")
                .json().get("id").asLong();
        long duplicate = admin("POST", "/contacts", "{\"firstName\":\"Olga\",\"lastName\":\"Smirnova\","
                + "\"emails\":[\"OLGA@merge.co\",\"olga.s@gmail.com\"],\"phones\":[\"8 (912) 345-67-89\"],"
                + "\"position\":\"Head of purchasing\",\"companyIds\":[" + company + "],\"tags\":[\"vip\"]}")
                .json().get("id").asLong();
        long deal = admin("POST", "/deals", "{\"title\":\"Merge deal\",\"contactIds\":[" + duplicate + "]}")
                .json().get("id").asLong();
        long note = admin("POST", "/notes", "{\"text\":\"Met at the fair\",\"contactId\":" + duplicate + "}")
                .json().get("id").asLong();
        long task = admin("POST", "/tasks", "{\"title\":\"Call back\",\"contactId\":" + duplicate + "}")
                .json().get("id").asLong();

        JsonNode groups = admin("GET", "/contacts/duplicates?limit=500", null).json().get("items");
        List<String> rules = new ArrayList<>();
        groups.forEach(g -> {
            List<Long> ids = new ArrayList<>();
            g.get("ids").forEach(id -> ids.add(id.asLong()));
            if (ids.contains(survivor) && ids.contains(duplicate)) {
                rules.add(g.get("rule").asText());
            }
        });
        assertTrue(rules.toString(), rules.contains("EMAIL"));
        assertTrue(rules.toString(), rules.contains("PHONE"));

        Reply merged = admin("POST", "/contacts/" + survivor + "/merge", "{\"mergeId\":" + duplicate + "}");
        assertEquals(merged.toString(), 200, merged.status());
        JsonNode card = merged.json();
        assertTrue(card.toString(), card.get("emails").toString().contains("olga.s@gmail.com"));
        assertEquals(card.toString(), "[" + company + "]", card.get("companyIds").toString());
        assertTrue(card.get("tags").toString().contains("vip"));
        assertEquals("Buyer", card.get("position").asText());

        JsonNode history = admin("GET", "/contacts/" + survivor + "/merge-history", null).json().get("items");
        assertTrue(history.toString(), history.toString().contains("Head of purchasing"));

        assertEquals("[" + survivor + "]", admin("GET", "/deals/" + deal, null).json().get("contactIds").toString());
        String timeline = admin("GET", "/timeline?contactId=" + survivor, null).text();
        assertTrue(timeline, timeline.contains("Met at the fair"));

        JsonNode gone = admin("GET", "/contacts/" + duplicate, null).json();
        assertTrue("the merged card is archived, not deleted", gone.get("archived").asBoolean());
        assertEquals(survivor, admin("GET", "/tasks/" + task, null).json().get("contactId").asLong());

        // restoring the merged card undoes the merge: its deal, task and note come back to it
        assertEquals(200, admin("POST", "/contacts/" + duplicate + "/restore", null).status());
        assertEquals("[" + duplicate + "]", admin("GET", "/deals/" + deal, null).json().get("contactIds").toString());
        assertEquals(duplicate, admin("GET", "/tasks/" + task, null).json().get("contactId").asLong());
        assertEquals(duplicate, admin("GET", "/notes/" + note, null).json().get("contactId").asLong());
        // and what the merge gave the survivor goes back with it
        JsonNode before = admin("GET", "/contacts/" + survivor, null).json();
        assertEquals(before.toString(), "[\"olga@merge.co\"]", before.get("emails").toString());
        assertEquals(before.toString(), "[]", before.get("companyIds").toString());
        assertEquals(before.toString(), "[]", before.get("tags").toString());
        JsonNode restored = admin("GET", "/contacts/" + duplicate, null).json();
        assertTrue(restored.toString(), restored.get("emails").toString().contains("olga.s@gmail.com"));
        assertEquals(restored.toString(), "[" + company + "]", restored.get("companyIds").toString());
        // each card's history is its own again
        String survivorsHistory = admin("GET", "/timeline?contactId=" + survivor, null).text();
        assertFalse(survivorsHistory, survivorsHistory.contains("Met at the fair"));
        String restoredHistory = admin("GET", "/timeline?contactId=" + duplicate, null).text();
        assertTrue(restoredHistory, restoredHistory.contains("Met at the fair"));
        assertTrue(restoredHistory, restoredHistory.contains("Merge deal"));
        Reply again = admin("POST", "/contacts/" + survivor + "/merge", "{\"mergeId\":" + duplicate + "}");
        assertEquals(again.toString(), 200, again.status());
    }
}
