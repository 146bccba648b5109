package io.tessera.crm.modules.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.modules.internal.CapabilityParser.Clause;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.features.Feature;
import org.junit.Test;

public class CapabilityParserTest {

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    public void theExampleFromTheFeatureXml() {
        List<Clause> clauses = CapabilityParser.parse("tessera.crm.module;id=analytics;name=\"Analytics\";"
                + "description=\"Funnel, forecast, win rate\";paid:Boolean=true;requires:List<String>=\"deals\"");
        assertEquals(1, clauses.size());
        Clause c = clauses.get(0);
        assertEquals("tessera.crm.module", c.namespace());
        assertEquals(map("id", "analytics", "name", "Analytics", "description", "Funnel, forecast, win rate",
                "paid", true, "requires", List.of("deals")), c.attributes());
        assertEquals(Map.of(), c.directives());
    }

    @Test
    public void whitespaceNewlinesAndSeparatorsInsideQuotes() {
        List<Clause> clauses = CapabilityParser.parse("\n   tessera.crm.module ;\n id = telephony ;"
                + " description = \"Calls; recordings, \\\"click to call\\\"\" ;\n"
                + " requires : List < String > = \" contacts , deals \" ; paid:Boolean = FALSE ;\n");
        Clause c = clauses.get(0);
        assertEquals(map("id", "telephony", "description", "Calls; recordings, \"click to call\"",
                "requires", List.of("contacts", "deals"), "paid", false), c.attributes());
    }

    @Test
    public void typesDirectivesAndEscapedCommasInLists() {
        Clause c = CapabilityParser.parse("ns;a:Long=42;b:Double=\"2.5\";v:Version=1.2.3;"
                + "l:List<Long>=\"1,2, 3\";s:List=\"x\\,y,z\";e:List<String>=\"\";mandatory:=\"a,b\";"
                + "effective:=active").get(0);
        assertEquals(map("a", 42L, "b", 2.5d, "v", "1.2.3", "l", List.of(1L, 2L, 3L), "s", List.of("x,y", "z"),
                "e", List.of()), c.attributes());
        assertEquals(Map.of("mandatory", "a,b", "effective", "active"), c.directives());
    }

    @Test
    public void severalClausesAndAnUnquotedList() {
        List<Clause> clauses = CapabilityParser.parse(
                "osgi.service;objectClass:List<String>=\"a.B,c.D\", tessera.crm.module;id=x;requires:List<String>=a,b;"
                        + "name=X , other.ns");
        assertEquals(List.of("osgi.service", "tessera.crm.module", "other.ns"),
                clauses.stream().map(Clause::namespace).toList());
        assertEquals(List.of("a.B", "c.D"), clauses.get(0).attributes().get("objectClass"));
        assertEquals(map("id", "x", "requires", List.of("a", "b"), "name", "X"), clauses.get(1).attributes());
        // "name=X , other.ns": the list ended with the ';', so other.ns is a clause of its own
        assertEquals(Map.of(), clauses.get(2).attributes());

        Clause unquotedTail = CapabilityParser.parse("tessera.crm.module;id=y;requires:List<String>=a,b,c").get(0);
        assertEquals(List.of("a", "b", "c"), unquotedTail.attributes().get("requires"));
        List<Clause> listThenMore = CapabilityParser.parse("tessera.crm.module;requires:List<String>=a, b;id=z,"
                + "osgi.other;x=1");
        assertEquals(List.of("tessera.crm.module", "osgi.other"), listThenMore.stream().map(Clause::namespace).toList());
        assertEquals(map("requires", List.of("a", "b"), "id", "z"), listThenMore.get(0).attributes());
    }

    @Test
    public void blankAndNullAreNoClauses() {
        assertEquals(List.of(), CapabilityParser.parse(null));
        assertEquals(List.of(), CapabilityParser.parse("  \n "));
        assertEquals(List.of("ns"), CapabilityParser.parse("ns;;a=1;").stream().map(Clause::namespace).toList());
    }

    @Test
    public void malformedTextSaysWhatIsWrong() {
        assertEquals("unbalanced quotes in capability: ns;a=\"x",
                assertThrows(IllegalArgumentException.class, () -> CapabilityParser.parse("ns;a=\"x")).getMessage());
        assertEquals("'flag' in capability ns is not key=value",
                assertThrows(IllegalArgumentException.class, () -> CapabilityParser.parse("ns;flag")).getMessage());
        assertEquals("attribute 'paid' of capability ns: 'yes' is not a Boolean",
                assertThrows(IllegalArgumentException.class, () -> CapabilityParser.parse("ns;paid:Boolean=yes"))
                        .getMessage());
        assertEquals("attribute 'n' of capability ns: 'x' is not a Long",
                assertThrows(IllegalArgumentException.class, () -> CapabilityParser.parse("ns;n:Long=x"))
                        .getMessage());
        assertEquals("attribute 'n' of capability ns: 'x' is not a Map (unknown type Map)",
                assertThrows(IllegalArgumentException.class, () -> CapabilityParser.parse("ns;n:Map=x"))
                        .getMessage());
        assertEquals("attribute 'a' is given twice in capability ns",
                assertThrows(IllegalArgumentException.class, () -> CapabilityParser.parse("ns;a=1;a=2"))
                        .getMessage());
        assertEquals("capability 'a=1' does not start with a namespace",
                assertThrows(IllegalArgumentException.class, () -> CapabilityParser.parse("a=1")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CapabilityParser.parse("ns;a=\"x\"y"))
                .getMessage().contains("after its closing quote"));
    }

    // ---- from capability to module

    @Test
    public void aFeatureWithTheCapabilityIsAModule() {
        Feature f = Fakes.feature("crm-analytics", "0.1.0", "Analytics for Tessera",
                "osgi.service;objectClass=foo",
                "tessera.crm.module;id=analytics;name=\"Analytics\";description=\"Funnel, forecast, win rate\";"
                        + "paid:Boolean=true;requires:List<String>=\"deals\"");
        ModuleDescriptor m = ModuleCatalogue.describe(f);
        assertEquals("analytics", m.id());
        assertEquals("Analytics", m.name());
        assertEquals("Funnel, forecast, win rate", m.description());
        assertTrue(m.paid());
        assertEquals(List.of("deals"), m.requires());
        assertEquals("crm-analytics", m.featureName());
        assertEquals("0.1.0", m.version());
    }

    @Test
    public void defaultsNameFromIdDescriptionFromFeatureFreeWithoutPaid() {
        ModuleDescriptor m = ModuleCatalogue.describe(Fakes.feature("acme-fax", "2.0", "Faxes, as in 1995",
                "tessera.crm.module;id=fax;requires=\"contacts, deals,contacts\""));
        assertEquals("fax", m.name());
        assertEquals("Faxes, as in 1995", m.description());
        assertFalse(m.paid());
        assertEquals(List.of("contacts", "deals"), m.requires());
        assertNull(ModuleCatalogue.describe(Fakes.feature("plain", "1.0", "no module", "osgi.service;a=b")));
    }

    @Test
    public void badIdsAndBadPaidAreRefused() {
        assertEquals("attribute 'id' must be a short lower-case name ([a-z0-9][a-z0-9_-]{0,63}), is missing",
                assertThrows(IllegalArgumentException.class, () -> ModuleCatalogue.describe(
                        Fakes.feature("f", "1", null, "tessera.crm.module;name=X"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModuleCatalogue.describe(
                Fakes.feature("f", "1", null, "tessera.crm.module;id=\"../etc\"")));
        assertEquals("attribute 'paid' must be true or false, is 'maybe'",
                assertThrows(IllegalArgumentException.class, () -> ModuleCatalogue.describe(
                        Fakes.feature("f", "1", null, "tessera.crm.module;id=f;paid=maybe"))).getMessage());
    }

    @Test
    public void versionsCompareAsOsgiVersions() {
        assertTrue(ModuleCatalogue.compareVersions("1.10.0", "1.9.0") > 0);
        assertTrue(ModuleCatalogue.compareVersions("0.2.0-SNAPSHOT", "0.1.0") > 0);
        assertEquals(0, ModuleCatalogue.compareVersions("1.0", "1.0.0"));
    }
}
