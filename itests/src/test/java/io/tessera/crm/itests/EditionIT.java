package io.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The starter edition (editions/starter.edition, built by ./edition) has the core and no optional module. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EditionIT extends TesseraTestSupport {

    @Override
    protected String distributionProperty() {
        return "tessera.starter.edition";
    }

    @Test
    public void analyticsIsAbsentFromTheStarterEditionAndCannotBeEnabled() throws Exception {
        String catalogue = admin("GET", "/modules", null).text();
        assertFalse(catalogue, catalogue.contains("analytics"));
        Reply enable = admin("POST", "/modules/analytics/enable", null);
        assertEquals(enable.toString(), 404, enable.status());
        assertEquals(404, admin("GET", "/analytics/funnel", null).status());
        assertEquals(201, admin("POST", "/companies", "{\"name\":\"Starter client\"}").status());
    }
}
