package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.contacts.internal.CompanyServiceImpl;
import io.tessera.crm.contacts.internal.ContactBatchServiceImpl;
import io.tessera.crm.contacts.internal.ContactServiceImpl;
import io.tessera.crm.contacts.internal.KeySummaryCache;
import io.tessera.crm.support.testing.FakeUsers;
import io.tessera.crm.support.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.event.EventAdmin;

/**
 * The import service over the real contacts services on in-memory Derby (events dropped), with one method of the
 * batch service answered by the test (to act at a given moment or to refuse something).
 */
final class DecoratedBatchFixture implements AutoCloseable {
    static final Caller ADMIN = Caller.of("admin", Roles.ADMIN);

    /** The test's answer to one call of the batch service; {@code real} is the real service. */
    interface Answer {
        Object answer(ContactBatchService real, Object[] args) throws Throwable;
    }

    final EntityManagerFactory contactsEmf = TestDatabase.open("crm-contacts");
    final EntityManagerFactory importEmf = TestDatabase.open("crm-import");
    final ContactService contacts;
    final CompanyService companies;
    /** The batch service as the import service sees it: the real one, with the test's answers. */
    final ContactBatchService batch;
    final ImportServiceImpl imports;

    DecoratedBatchFixture(String method, Answer answer) {
        this(Map.of(method, answer));
    }

    /** With the test's answer to each method named in {@code answers}. */
    DecoratedBatchFixture(Map<String, Answer> answers) {
        EventAdmin events = new ImportServiceFixture.NoEvents();
        KeySummaryCache keys = new KeySummaryCache(contactsEmf);
        FakeUsers users = ImportServiceFixture.users();
        contacts = new ContactServiceImpl(contactsEmf, events, users, keys);
        companies = new CompanyServiceImpl(contactsEmf, events, users, keys);
        ContactBatchService real = new ContactBatchServiceImpl(contactsEmf, events, users, keys);
        batch = (ContactBatchService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ContactBatchService.class}, (proxy, m, args) -> call(real, m, args, answers));
        imports = new ImportServiceImpl(importEmf, contacts, companies, batch, users);
    }

    private static Object call(ContactBatchService real, Method m, Object[] args, Map<String, Answer> answers)
            throws Throwable {
        Answer answer = answers.get(m.getName());
        try {
            return answer != null ? answer.answer(real, args) : m.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Imports the CSV as admin and waits for the end. */
    ImportDto run(String fileName, String csv, ImportOptions options) {
        ImportDto started = imports.start(ADMIN, fileName, new ByteArrayInputStream(
                csv.getBytes(StandardCharsets.UTF_8)), options);
        return imports.await(ADMIN, started.id(), Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        imports.close();
        contactsEmf.close();
        importEmf.close();
    }
}
