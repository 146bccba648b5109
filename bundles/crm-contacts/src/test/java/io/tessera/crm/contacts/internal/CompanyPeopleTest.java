package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.ADMIN;
import static io.tessera.crm.contacts.internal.Fixtures.IVAN;
import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactBatchService.NameInCompany;
import io.tessera.crm.api.contacts.ContactBatchService.NameMatcher;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.contacts.internal.Fixtures.Users;
import io.tessera.crm.support.jpa.Transactions;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;

/** {@link CompanyPeople}: the same answers as {@code matchContactsByName}, with each company read once. */
public class CompanyPeopleTest extends ContactsTestBase {
    private ContactBatchServiceImpl batch;

    @Before
    public void setUpBatch() {
        batch = new ContactBatchServiceImpl(emf, events, new Users(), keys, clock);
    }

    private long company(String name) {
        return companies.create(ADMIN, new CompanyInput(name, null, null, null, null, null, null, null, null, null,
                "ivan")).id();
    }

    private long person(String first, String last, String owner, long company) {
        return contacts.create(ADMIN, new ContactInput(first, last, null, List.of(), List.of(), null, null, null,
                null, owner, null, List.of(company))).id();
    }

    @Test
    public void findsWhatMatchContactsByNameFindsTheLowestIdFirst() {
        long acme = company("Acme");
        long other = company("Other");
        long ivan = person("Ivan", "Petrov", "ivan", acme);
        person("Ivan", "Petrov", "ivan", acme); // a second card of the same person: the lower id is the match
        long olga = person("Olga", "Orlova", "olga", acme);
        long elsewhere = person("Ivan", "Petrov", "ivan", other);
        long archived = person("Pavel", "Sidorov", "ivan", acme);
        contacts.archive(ADMIN, archived);

        List<NameInCompany> names = List.of(new NameInCompany("Ivan", "Pertov", acme),
                new NameInCompany("Ivan Ivanovich", "Petrov", acme), new NameInCompany("I.", "Petrov", acme),
                new NameInCompany("Orlova", "Olga", acme), new NameInCompany("Ivan", "Petrova", acme),
                new NameInCompany("Ivan", "Petrov", other), new NameInCompany("Pavel", "Sidorov", acme),
                new NameInCompany("Ivan", "Petrov", acme + other + 1000));
        Map<NameInCompany, Long> expected = Map.of(names.get(0), ivan, names.get(1), ivan, names.get(2), ivan,
                names.get(3), olga, names.get(5), elsewhere);
        assertEquals(expected, batch.matchContactsByName(ADMIN, names));
        assertEquals(expected, batch.nameMatcher(ADMIN).match(names));
        // a sales user's matcher sees only their own cards
        assertEquals(Map.of(names.get(0), ivan), batch.nameMatcher(IVAN).match(List.of(names.get(0),
                names.get(3))));
    }

    @Test
    public void readsACompanyOnceAndThenTakesInWhatIsStoredMeanwhile() {
        long acme = company("Acme");
        long ivan = person("Ivan", "Petrov", "ivan", acme);
        NameMatcher matcher = batch.nameMatcher(ADMIN);
        NameInCompany olga = new NameInCompany("Olga", "Orlova", acme);
        NameInCompany petrov = new NameInCompany("Ivan", "Petrov", acme);
        assertEquals(Map.of(petrov, ivan), matcher.match(List.of(olga, petrov)));

        long olgas = person("Olga", "Orlova", "olga", acme);
        assertEquals("a colleague's card stored after the read", Map.of(olga, olgas), matcher.match(List.of(olga)));
        matcher.added(olgas, new NameInCompany("Olga", "Orlova", acme));
        assertEquals(Map.of(olga, olgas), matcher.match(List.of(olga)));
        assertEquals("a fresh matcher reads it", Map.of(olga, olgas), batch.nameMatcher(ADMIN).match(List.of(olga)));

        long fresh = company("Fresh");
        matcher.added(olgas, new NameInCompany("Olga", "Orlova", fresh));
        assertEquals("a company not read yet is read at its first call, not filled by added",
                Map.of(), matcher.match(List.of(new NameInCompany("Olga", "Orlova", fresh))));
    }

    @Test
    public void aCardRenamedOrLinkedByAColleagueIsMatchedByItsNewName() {
        long acme = company("Acme");
        long other = company("Other");
        long ivan = person("Ivan", "Petrov", "ivan", acme);
        long anna = person("Anna", "Smirnova", "ivan", other);
        NameMatcher matcher = batch.nameMatcher(ADMIN);
        NameInCompany petrov = new NameInCompany("Ivan", "Petrov", acme);
        NameInCompany sidorov = new NameInCompany("Pavel", "Sidorov", acme);
        NameInCompany smirnova = new NameInCompany("A.", "Smirnova", acme);
        assertEquals(Map.of(petrov, ivan), matcher.match(List.of(petrov, sidorov, smirnova)));

        ContactDto card = contacts.get(ADMIN, ivan);
        contacts.update(ADMIN, ivan, card.version(), new ContactInput("Pavel", "Sidorov", null, List.of(), List.of(),
                null, null, null, null, "ivan", null, List.of(acme)));
        ContactDto hers = contacts.get(ADMIN, anna);
        contacts.update(ADMIN, anna, hers.version(), new ContactInput("Anna", "Smirnova", null, List.of(), List.of(),
                null, null, null, null, "ivan", null, List.of(other, acme)));
        assertEquals(Map.of(sidorov, ivan, smirnova, anna), matcher.match(List.of(petrov, sidorov, smirnova)));
    }

    @Test
    public void theJobsOwnWritesAreTakenInOnce() {
        long acme = company("Acme");
        long ivan = person("Ivan", "Petrov", "ivan", acme);
        // room for three people: Ivan read, Olga written by the job (told twice), Pavel written by a colleague
        CompanyPeople matcher = new CompanyPeople(new Transactions(emf), ADMIN, 3);
        keys.listen(matcher);
        NameInCompany petrov = new NameInCompany("Ivan", "Petrov", acme);
        assertEquals(Map.of(petrov, ivan), matcher.match(List.of(petrov)));
        NameInCompany olga = new NameInCompany("Olga", "Orlova", acme);
        long olgas = batch.createContacts(ADMIN, List.of(new ContactInput("Olga", "Orlova", null, List.of(),
                List.of(), null, null, null, null, "olga", null, List.of(acme)))).get(0).id();
        matcher.added(olgas, olga);
        assertEquals(Map.of(olga, olgas), matcher.match(List.of(olga)));

        long pavel = person("Pavel", "Sidorov", "ivan", acme);
        NameInCompany sidorov = new NameInCompany("P.", "Sidorov", acme);
        assertEquals("Olga counted once: there was room for Pavel", Map.of(sidorov, pavel),
                matcher.match(List.of(sidorov)));
    }

    @Test
    public void onceFullTheMatcherComparesWhatItReadsInFullAndForgetsCompaniesNotNamed() {
        long acme = company("Acme");
        long ivan = person("Ivan", "Petrov", "ivan", acme);
        NameMatcher matcher = new CompanyPeople(new Transactions(emf), ADMIN, 1);
        NameInCompany petrov = new NameInCompany("Ivan", "Petrov", acme);
        assertEquals(Map.of(petrov, ivan), matcher.match(List.of(petrov)));
        long olgas = person("Olga", "Orlova", "olga", acme);
        NameInCompany olga = new NameInCompany("Olga", "Orlova", acme);
        matcher.added(olgas, olga);
        assertEquals("full: what the job adds is not taken in", Map.of(), matcher.match(List.of(olga)));

        long other = company("Other");
        long pavel = person("Pavel", "Sidorov", "ivan", other);
        long anna = person("Anna", "Smirnova", "ivan", other);
        NameInCompany sidorov = new NameInCompany("Pavel", "Sidorov", other);
        NameInCompany smirnova = new NameInCompany("A.", "Smirnova", other);
        assertEquals("Acme forgotten, Other read: one person indexed, the other compared in full",
                Map.of(sidorov, pavel, smirnova, anna), matcher.match(List.of(sidorov, smirnova)));
        assertEquals("Acme read again", Map.of(olga, olgas), matcher.match(List.of(olga)));
    }

    @Test
    public void aCardArchivedAfterTheCompanyWasReadIsNotMatched() {
        long acme = company("Acme");
        long first = person("Ivan", "Petrov", "ivan", acme);
        long second = person("Ivan", "Petrov", "ivan", acme);
        NameMatcher matcher = batch.nameMatcher(ADMIN);
        NameInCompany petrov = new NameInCompany("I.", "Petrov", acme);
        assertEquals(Map.of(petrov, first), matcher.match(List.of(petrov)));

        contacts.archive(ADMIN, first);
        assertEquals(Map.of(petrov, second), matcher.match(List.of(petrov)));
        contacts.archive(ADMIN, second);
        assertEquals(Map.of(), matcher.match(List.of(petrov)));
    }

    @Test
    public void aCompanyOfManyPeopleIsComparedByWord() {
        long big = company("Big");
        long first = 0;
        for (int i = 0; i < 300; i++) {
            long id = person("Name" + i, "Surname" + i, "ivan", big);
            first = i == 0 ? id : first;
        }
        NameMatcher matcher = batch.nameMatcher(ADMIN);
        NameInCompany typo = new NameInCompany("Name0", "Surnaem0", big);
        NameInCompany nobody = new NameInCompany("Nobody", "Atall", big);
        assertEquals(Map.of(typo, first), matcher.match(List.of(typo, nobody)));
    }
}
