package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.ADMIN;
import static io.tessera.crm.contacts.internal.Fixtures.IVAN;
import static io.tessera.crm.contacts.internal.Fixtures.MANAGER;
import static io.tessera.crm.contacts.internal.Fixtures.OLGA;
import static io.tessera.crm.contacts.internal.Fixtures.assertFields;
import static io.tessera.crm.contacts.internal.Fixtures.expect;
import static io.tessera.crm.contacts.internal.Fixtures.validationErrors;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.Address;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.contacts.internal.Fixtures.Users;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;
import org.osgi.service.event.Event;

public class CompanyServiceImplTest extends CompanyTestBase {
    private static CompanyInput full() {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("employees", 120);
        custom.put("rating", 4.5);
        custom.put("partner", true);
        custom.put("segment", "SMB");
        custom.put("note", null);
        return new CompanyInput(" Acme ", "Acme LLC", "7701234567", "Manufacturing", "https://www.Acme.com/x",
                List.of("+7 (912) 345-67-89", " 8 800 555 35 35 "), List.of(" Info@Acme.COM ", "sales@acme.com"),
                new Address("Lenina 1", "Perm", null, "614000", "RU"), Set.of(" VIP ", "Retail"), custom, null);
    }

    private static CompanyInput withPhones(CompanyDto c, List<String> phones) {
        return new CompanyInput(c.name(), c.legalName(), c.taxId(), c.industry(), c.website(), phones, c.emails(),
                c.address(), c.tags(), c.customFields(), c.owner());
    }

    @Test
    public void createStoresEveryFieldCleanedUp() {
        CompanyDto c = companies.create(IVAN, full());
        assertTrue(c.id() > 0);
        assertEquals(1L, c.version());
        assertEquals("Acme", c.name());
        assertEquals("Acme LLC", c.legalName());
        assertEquals("7701234567", c.taxId());
        assertEquals("Manufacturing", c.industry());
        assertEquals("https://www.Acme.com/x", c.website());
        assertEquals("acme.com", c.domain());
        assertEquals(List.of("+7 (912) 345-67-89", "8 800 555 35 35"), c.phones());
        assertEquals(List.of("info@acme.com", "sales@acme.com"), c.emails());
        assertEquals(new Address("Lenina 1", "Perm", null, "614000", "RU"), c.address());
        assertEquals(Set.of("vip", "retail"), c.tags());
        assertEquals("ivan", c.owner());
        assertFalse(c.archived());
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), c.createdAt());
        assertEquals(c.createdAt(), c.updatedAt());

        CompanyDto read = companies.get(IVAN, c.id());
        assertEquals(c, read);
    }

    @Test
    public void customFieldsComeBackWithTheirTypes() {
        CompanyDto c = companies.create(IVAN, full());
        Map<String, Object> cf = companies.get(IVAN, c.id()).customFields();
        assertEquals(5, cf.size());
        assertEquals(120L, cf.get("employees"));
        assertEquals(Long.class, cf.get("employees").getClass());
        assertEquals(new BigDecimal("4.5"), cf.get("rating"));
        assertEquals(Boolean.TRUE, cf.get("partner"));
        assertEquals("SMB", cf.get("segment"));
        assertTrue(cf.containsKey("note"));
        assertNull(cf.get("note"));
    }

    @Test
    public void createSendsEventAfterCommit() {
        CompanyDto c = companies.create(IVAN, input("Acme"));
        assertEquals(1, events.events.size());
        Event e = events.last();
        assertEquals("tessera/crm/company/CREATED", e.getTopic());
        assertEquals("company", e.getProperty(CrmEvents.ENTITY));
        assertEquals(c.id(), e.getProperty(CrmEvents.ID));
        assertEquals("ivan", e.getProperty(CrmEvents.ACTOR));
        assertEquals("ivan", e.getProperty(CrmEvents.OWNER));
        assertEquals("Company 'Acme' created", e.getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(c.id()), e.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(), e.getProperty(CrmEvents.CONTACT_IDS));
        assertEquals(List.of(), e.getProperty(CrmEvents.DEAL_IDS));
    }

    @Test
    public void validationCorpusNamesEveryField() {
        Map<String, Object> badCustom = new HashMap<>();
        badCustom.put("list", List.of("a"));
        badCustom.put("bad key!", 1);
        CompanyInput bad = new CompanyInput(" ", "l".repeat(201), "t".repeat(33), "i".repeat(101),
                "https://" + "w".repeat(300) + ".com", List.of("+7 912", "abc"), List.of("x@y.z", "nope"),
                new Address(null, "c".repeat(101), null, null, null), Set.of("t".repeat(51)), badCustom, "nobody");
        assertFields(() -> companies.create(ADMIN, bad), "name", "legalName", "taxId", "industry", "website",
                "phones[1]", "emails[1]", "address.city", "tags[0]", "customFields.list", "customFields.bad key!",
                "owner");
        assertEquals(0, companies.list(ADMIN, RecordQuery.all()).items().size());
        assertTrue(events.events.isEmpty());
    }

    @Test
    public void nameIsRequiredAndLimited() {
        assertEquals(List.of("name: is required"), validationErrors(() -> companies.create(IVAN, input(null))));
        assertEquals(List.of("name: is required"), validationErrors(() -> companies.create(IVAN, input("   "))));
        assertEquals(List.of("name: is longer than 200 characters"),
                validationErrors(() -> companies.create(IVAN, input("n".repeat(201)))));
        assertEquals("n".repeat(200), companies.create(IVAN, input("n".repeat(200))).name());
    }

    @Test
    public void badWebsiteIsAnError() {
        CompanyInput in = new CompanyInput("Acme", null, null, null, "javascript:alert(1)", null, null, null, null,
                null, null);
        assertEquals(List.of("website: is not a web address"), validationErrors(() -> companies.create(IVAN, in)));
    }

    @Test
    public void nullInputIsAValidationError() {
        assertFields(() -> companies.create(IVAN, null), "body");
    }

    @Test
    public void ownerMustExistAndSalesMayOnlyOwnThemselves() {
        assertEquals(List.of("owner: no such user"),
                validationErrors(() -> companies.create(MANAGER, input("A", "ghost"))));
        assertEquals(List.of("owner: you may only give records to yourself"),
                validationErrors(() -> companies.create(IVAN, input("A", "olga"))));
        assertEquals("olga", companies.create(MANAGER, input("A", "olga")).owner());
        assertEquals("ivan", companies.create(IVAN, input("B", "ivan")).owner());
        assertEquals("boss", companies.create(MANAGER, input("C")).owner());
    }

    @Test
    public void salesSeeOnlyTheirOwnCompanies() {
        CompanyDto ivans = companies.create(IVAN, input("Ivan's"));
        CompanyDto olgas = companies.create(OLGA, input("Olga's"));
        expect(NotFoundException.class, () -> companies.get(IVAN, olgas.id()));
        expect(NotFoundException.class, () -> companies.update(IVAN, olgas.id(), 1, input("X")));
        expect(NotFoundException.class, () -> companies.archive(IVAN, olgas.id()));
        expect(NotFoundException.class, () -> companies.restore(IVAN, olgas.id()));
        expect(NotFoundException.class, () -> companies.get(IVAN, 999_999));
        assertEquals(List.of("Ivan's"), names(companies.list(IVAN, RecordQuery.all())));
        assertEquals(List.of(), names(companies.list(IVAN,
                new RecordQuery(null, "olga", null, null, false, null, null))));
        assertEquals(List.of("Ivan's", "Olga's"), names(companies.list(MANAGER, RecordQuery.all())));
        assertEquals(List.of("Olga's"), names(companies.list(ADMIN,
                new RecordQuery(null, "olga", null, null, false, null, null))));
        assertEquals("Ivan's", companies.get(MANAGER, ivans.id()).name());
    }

    @Test
    public void updateReplacesFieldsAndNamesTheChangesInTheEvent() {
        CompanyDto c = companies.create(IVAN, full());
        events.clear();
        clock.advance(Duration.ofMinutes(5));
        CompanyInput changed = new CompanyInput("Acme", "Acme LLC", "7701234567", "Manufacturing",
                "https://www.Acme.com/x", List.of("+7 999 000-00-00"), List.of("info@acme.com", "sales@acme.com"),
                new Address("Lenina 1", "Perm", null, "614000", "RU"), Set.of("vip", "retail"), c.customFields(),
                null);
        CompanyDto u = companies.update(IVAN, c.id(), c.version(), changed);
        assertEquals(2L, u.version());
        assertEquals(List.of("+7 999 000-00-00"), u.phones());
        assertEquals(c.createdAt(), u.createdAt());
        assertEquals(Instant.parse("2026-03-01T10:05:00Z"), u.updatedAt());
        Event e = events.last();
        assertEquals("tessera/crm/company/UPDATED", e.getTopic());
        assertEquals("Company 'Acme' updated (phones)", e.getProperty(CrmEvents.SUMMARY));

        CompanyInput more = new CompanyInput("Acme Corp", null, "7701234567", "Manufacturing", null,
                List.of("+7 999 000-00-00"), List.of(), null, Set.of("vip"), Map.of("segment", "SMB"), "ivan");
        CompanyDto v = companies.update(IVAN, c.id(), u.version(), more);
        assertEquals(3L, v.version());
        assertNull(v.website());
        assertNull(v.domain());
        assertNull(v.address());
        assertEquals(Map.of("segment", "SMB"), v.customFields());
        assertEquals("Company 'Acme Corp' updated (address, customFields, emails, legalName, name, tags, website)",
                events.last().getProperty(CrmEvents.SUMMARY));
        assertEquals(v, companies.get(IVAN, c.id()));
    }

    @Test
    public void updateWithoutChangesKeepsVersionAndSendsNothing() {
        CompanyDto c = companies.create(IVAN, full());
        events.clear();
        CompanyDto same = companies.update(IVAN, c.id(), c.version(), withPhones(c, c.phones()));
        assertEquals(c.version(), same.version());
        assertEquals(c, same);
        assertTrue(events.events.isEmpty());
    }

    @Test
    public void staleVersionIsRefused() {
        CompanyDto c = companies.create(IVAN, input("Acme"));
        companies.update(IVAN, c.id(), 1, input("Acme 2"));
        StaleVersionException e = expect(StaleVersionException.class,
                () -> companies.update(IVAN, c.id(), 1, input("Acme 3")));
        assertEquals(2L, e.currentVersion());
        assertEquals("Acme 2", companies.get(IVAN, c.id()).name());
    }

    @Test
    public void failedUpdateWritesNothing() {
        CompanyDto c = companies.create(IVAN, input("Acme"));
        events.clear();
        assertFields(() -> companies.update(IVAN, c.id(), 1,
                new CompanyInput("Acme 2", null, null, null, null, List.of("zz"), null, null, null, null, null)),
                "phones[0]");
        CompanyDto stored = companies.get(IVAN, c.id());
        assertEquals("Acme", stored.name());
        assertEquals(1L, stored.version());
        assertTrue(events.events.isEmpty());
    }

    @Test
    public void salesCannotGiveACompanyAwayButManagersCan() {
        CompanyDto c = companies.create(IVAN, input("Acme"));
        assertEquals(List.of("owner: you may only give records to yourself"),
                validationErrors(() -> companies.update(IVAN, c.id(), 1, input("Acme", "olga"))));
        CompanyDto moved = companies.update(MANAGER, c.id(), 1, input("Acme", "olga"));
        assertEquals("olga", moved.owner());
        assertEquals("olga", events.last().getProperty(CrmEvents.OWNER));
        assertEquals("Company 'Acme' updated (owner)", events.last().getProperty(CrmEvents.SUMMARY));
        expect(NotFoundException.class, () -> companies.get(IVAN, c.id()));
        assertEquals("Acme", companies.get(OLGA, c.id()).name());
    }

    @Test
    public void archiveHidesFromListAndRestoreBringsBack() {
        CompanyDto a = companies.create(IVAN, input("Alpha"));
        companies.create(IVAN, input("Beta"));
        events.clear();
        CompanyDto archived = companies.archive(IVAN, a.id());
        assertTrue(archived.archived());
        assertEquals(2L, archived.version());
        assertEquals("tessera/crm/company/ARCHIVED", events.last().getTopic());
        assertEquals("Company 'Alpha' archived", events.last().getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of("Beta"), names(companies.list(IVAN, RecordQuery.all())));
        assertEquals(List.of("Alpha"), names(companies.list(IVAN,
                new RecordQuery(null, null, null, null, true, null, null))));
        assertTrue(companies.get(IVAN, a.id()).archived());

        // archiving again changes nothing
        events.clear();
        assertEquals(2L, companies.archive(IVAN, a.id()).version());
        assertTrue(events.events.isEmpty());

        expect(ConflictException.class, () -> companies.update(IVAN, a.id(), 2, input("Alpha 2")));

        CompanyDto restored = companies.restore(IVAN, a.id());
        assertFalse(restored.archived());
        assertEquals("tessera/crm/company/RESTORED", events.last().getTopic());
        assertEquals("Company 'Alpha' restored", events.last().getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of("Alpha", "Beta"), names(companies.list(IVAN, RecordQuery.all())));
        assertEquals(List.of(), names(companies.list(IVAN,
                new RecordQuery(null, null, null, null, true, null, null))));
    }

    @Test
    public void systemCallerSeesEverything() {
        companies.create(IVAN, input("A"));
        companies.create(OLGA, input("B"));
        assertEquals(List.of("A", "B"), names(companies.list(Caller.SYSTEM, RecordQuery.all())));
        assertEquals(List.of("A", "B"), names(companies.list(Caller.SYSTEM, null)));
    }

    @Test
    public void validationExceptionListsAllErrorsAtOnce() {
        ValidationException e = expect(ValidationException.class, () -> companies.create(IVAN,
                new CompanyInput("", null, "t".repeat(40), null, null, null, List.of("bad"), null, null, null, null)));
        assertEquals(3, e.errors().size());
    }

    @Test
    public void concurrentEditIsAConflictAndWritesNothing() {
        CompanyDto c = companies.create(MANAGER, input("Acme"));
        CompanyServiceImpl[] other = new CompanyServiceImpl[1];
        // while the first update is inside its transaction (checking the new owner), a second one commits
        io.tessera.crm.api.security.UserService racing = new Users() {
            @Override
            public boolean exists(String username) {
                other[0].update(MANAGER, c.id(), 1, input("Acme Racing", "boss"));
                return super.exists(username);
            }
        };
        CompanyServiceImpl first = new CompanyServiceImpl(emf, events, racing, new KeySummaryCache(emf), clock);
        other[0] = companies;
        events.clear();
        expect(ConflictException.class, () -> first.update(MANAGER, c.id(), 1, input("Acme Slow", "olga")));
        CompanyDto stored = companies.get(MANAGER, c.id());
        assertEquals("Acme Racing", stored.name());
        assertEquals("boss", stored.owner());
        assertEquals(2L, stored.version());
        assertEquals(List.of("tessera/crm/company/UPDATED"), events.topics());
    }
}
