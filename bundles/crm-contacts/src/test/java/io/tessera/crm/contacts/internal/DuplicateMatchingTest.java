package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.ADMIN;
import static io.tessera.crm.contacts.internal.Fixtures.IVAN;
import static io.tessera.crm.contacts.internal.Fixtures.OLGA;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.Paging;
import java.util.List;
import javax.persistence.EntityManager;
import org.junit.Test;

/** Lookups by the duplicate rules, and the match keys and indexes they rely on. */
public class DuplicateMatchingTest extends ContactsTestBase {
    @Test
    public void matchContactsByEmailPhoneAndNameInCompany() {
        long acme = company("Acme", null, null);
        long a = contact(ADMIN, "Ivan", "Petrov", List.of("8 (912) 345-67-89"), null, List.of());
        long b = contact(ADMIN, "Olga", "S", null, List.of("olga@x.com"), List.of());
        long c = contact(ADMIN, "Petr", "Sidorov", null, null, List.of(acme));
        long archived = contact(ADMIN, "Gone", "Away", null, List.of("olga@x.com"), List.of());
        contacts.archive(ADMIN, archived);
        long olgas = contact(OLGA, "Olga", "Own", null, List.of("olga@x.com"), List.of());

        assertEquals(List.of(a), duplicates.matchContacts(ADMIN,
                person("X", null, List.of("+7 912 3456789"), null, null, null)));
        assertEquals(List.of(b, olgas), duplicates.matchContacts(ADMIN,
                person("X", null, null, List.of(" OLGA@x.com ", ""), null, null)));
        assertEquals(List.of(olgas), duplicates.matchContacts(OLGA,
                person("X", null, null, List.of("olga@x.com"), null, null)));
        assertEquals(List.of(c), duplicates.matchContacts(ADMIN,
                person("sidorov", "PETR", null, null, List.of(acme), null)));
        assertEquals(List.of(c), duplicates.matchContacts(ADMIN,
                person("P.", "Sidorov", null, null, List.of(acme), null)));
        assertEquals(List.of(c), duplicates.matchContacts(ADMIN,
                person("Petr", "Sidorvo", null, null, List.of(acme), null)));
        assertEquals(List.of(), duplicates.matchContacts(ADMIN,
                person("Petr", "Sidorova", null, null, List.of(acme), null)));
        assertEquals(List.of(), duplicates.matchContacts(ADMIN, person("Petr", "Sidorov", null, null, null, null)));
        assertEquals(List.of(a, b, c), duplicates.matchContacts(ADMIN,
                person("Petr", "Sidorov", List.of("79123456789", "bad"), List.of("olga@x.com"), List.of(acme), null))
                .stream().filter(id -> id != olgas).toList());
        assertEquals(List.of(), duplicates.matchContacts(ADMIN, null));
    }

    @Test
    public void matchCompaniesByTaxIdDomainAndName() {
        long a = company("Acme", "7701234567", null);
        long b = company("Foo", null, "http://foo.com");
        long c = company("ООО Ромашка", null, null);
        assertEquals(List.of(a), duplicates.matchCompanies(ADMIN, org("Other", "77 01 234567", null, null)));
        assertEquals(List.of(b), duplicates.matchCompanies(ADMIN, org("Other", null, "www.FOO.com/x", null)));
        assertEquals(List.of(c), duplicates.matchCompanies(ADMIN, org("ромашка", null, null, null)));
        assertEquals(List.of(a, b, c), duplicates.matchCompanies(ADMIN, org("Ромашка", "7701234567", "foo.com", null)));
        assertEquals(List.of(), duplicates.matchCompanies(IVAN, org("Acme", null, null, null)));
        assertEquals(List.of(), duplicates.matchCompanies(ADMIN, org("Other", null, "not a url ::", null)));
    }

    @Test
    public void keysOfRowsWrittenBeforeTheyExistedAreFilledOnStart() {
        long acme = company("Acme", "123-456", null);
        long acme2 = company("ACME", "123456", null);
        long a = contact(ADMIN, "Ivan", "Petrov", List.of("+7 912 345-67-89"), null, List.of(acme));
        long b = contact(ADMIN, "ivan", "petrov", List.of("8 912 345 67 89"), null, List.of(acme));
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        em.createNativeQuery("UPDATE CON_CONTACT SET NAME_KEY = NULL").executeUpdate();
        em.createNativeQuery("UPDATE CON_COMPANY SET NAME_KEY = NULL, TAX_KEY = NULL").executeUpdate();
        em.createNativeQuery("UPDATE CON_CONTACT_PHONE SET MATCH_KEY = NULL").executeUpdate();
        em.getTransaction().commit();
        em.close();
        emf.getCache().evictAll();
        assertEquals(List.of(), duplicates.contactDuplicates(ADMIN, Paging.FIRST).items());
        assertEquals(List.of(), duplicates.companyDuplicates(ADMIN, Paging.FIRST).items());

        DuplicateServiceImpl restarted = new DuplicateServiceImpl(emf, events, clock);
        assertEquals(List.of("PHONE [" + a + ", " + b + "] same phone +7 912 345-67-89",
                        "NAME_IN_COMPANY [" + a + ", " + b + "] same name Ivan Petrov in company Acme"),
                describe(restarted.contactDuplicates(ADMIN, Paging.FIRST)));
        assertEquals(List.of("TAX_ID [" + acme + ", " + acme2 + "] same tax id 123-456",
                        "NAME [" + acme + ", " + acme2 + "] same name Acme"),
                describe(restarted.companyDuplicates(ADMIN, Paging.FIRST)));
        assertEquals(KeyBackfill.run(emf), 0);
    }

    @Test
    public void theMatchColumnsAreIndexed() {
        EntityManager em = emf.createEntityManager();
        try {
            @SuppressWarnings("unchecked")
            List<Object> names = em.createNativeQuery("SELECT CONGLOMERATENAME FROM SYS.SYSCONGLOMERATES"
                    + " WHERE ISINDEX = TRUE AND CONGLOMERATENAME LIKE 'CON_%_IX' ORDER BY CONGLOMERATENAME")
                    .getResultList();
            assertTrue(names.toString(), names.containsAll(List.of("CON_CONTACT_EMAIL_IX", "CON_CONTACT_PHONE_KEY_IX",
                    "CON_CONTACT_COMPANY_IX", "CON_COMPANY_NAME_KEY_IX", "CON_COMPANY_TAX_KEY_IX",
                    "CON_COMPANY_DOMAIN_IX", "CON_MERGE_SURVIVOR_IX", "CON_MERGE_MERGED_IX", "CON_CONTACT_LIST_IX",
                    "CON_COMPANY_LIST_IX")));
        } finally {
            em.close();
        }
    }

    @Test
    public void indexesEarlierVersionsMadeAreReplacedOrDropped() {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.createNativeQuery("CREATE INDEX CON_CONTACT_NAME_KEY_IX ON CON_CONTACT (NAME_KEY)").executeUpdate();
            // a database of an earlier version: the sort key alone indexed, no list index
            em.createNativeQuery("DROP INDEX CON_CONTACT_LIST_IX").executeUpdate();
            em.createNativeQuery("CREATE INDEX CON_CONTACT_SORT_IX ON CON_CONTACT (SORT_KEY)").executeUpdate();
            em.createNativeQuery("CREATE INDEX CON_COMPANY_SORT_IX ON CON_COMPANY (SORT_KEY)").executeUpdate();
            em.getTransaction().commit();
            assertEquals(4, RetiredIndexes.replaceOrDrop(emf));
            assertEquals(0, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SYS.SYSCONGLOMERATES"
                    + " WHERE CONGLOMERATENAME IN ('CON_CONTACT_NAME_KEY_IX', 'CON_CONTACT_SORT_IX',"
                    + " 'CON_COMPANY_SORT_IX')").getSingleResult()).intValue());
            assertEquals(2, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SYS.SYSCONGLOMERATES"
                    + " WHERE CONGLOMERATENAME IN ('CON_CONTACT_LIST_IX', 'CON_COMPANY_LIST_IX')").getSingleResult())
                    .intValue());
            assertEquals(0, RetiredIndexes.replaceOrDrop(emf));
        } finally {
            em.close();
        }
    }
}
