package io.tessera.crm.contacts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class MatchKeysTest {
    @Test
    public void phonesCompareTheLastTenDigits() {
        assertEquals("9123456789", MatchKeys.phone("8 (912) 345-67-89"));
        assertEquals("9123456789", MatchKeys.phone("+7 912 3456789"));
        assertEquals("9123456789", MatchKeys.phone("79123456789"));
        assertEquals("4951234", MatchKeys.phone("495-12-34"));
        assertEquals("", MatchKeys.phone("101"));
        assertEquals("", MatchKeys.phone(null));
    }

    @Test
    public void personNamesIgnoreCaseSpacingOrderAndYo() {
        assertEquals("ivan petrov", MatchKeys.personName(" Ivan ", "  PETROV"));
        assertEquals("ivan petrov", MatchKeys.personName("Petrov Ivan", null));
        assertEquals("иванов петр", MatchKeys.personName("Пётр", "Иванов"));
        assertNull(MatchKeys.personName(" ", null));
    }

    @Test
    public void companyNamesDropLegalFormsAndPunctuation() {
        assertEquals("ромашка", MatchKeys.companyName("ООО «Ромашка»"));
        assertEquals("ромашка", MatchKeys.companyName("\"Ромашка\", ООО"));
        assertEquals("acme", MatchKeys.companyName("Acme, Inc."));
        assertEquals("acme kitchens", MatchKeys.companyName("ACME   Kitchens LLC"));
        assertEquals("llc", MatchKeys.companyName("LLC"));
        assertEquals("azərsun", MatchKeys.companyName("Azərsun MMC"));
        assertNull(MatchKeys.companyName("  "));
    }

    @Test
    public void taxIdsKeepLettersAndDigits() {
        assertEquals("7701234567", MatchKeys.taxId("77-01 234567"));
        assertEquals("DE123", MatchKeys.taxId("de 123"));
        assertNull(MatchKeys.taxId(" - "));
    }
}
