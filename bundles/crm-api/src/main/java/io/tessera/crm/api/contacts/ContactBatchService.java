package io.tessera.crm.api.contacts;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writing many companies or contacts at once, for bulk work such as the import: the same rules as
 * {@link ContactService} and {@link CompanyService}, but one transaction per call instead of one per record.
 *
 * <h2>Per item</h2>
 * Every item is checked exactly as the single-record method checks it (same validation, same field names, same
 * visibility and version rules). Items that fail are reported in their {@link BatchResult} and not written; the
 * others are written together in one transaction. The result list has one entry per input item, in input order.
 * A failure of the database itself (not of an item) rolls the whole call back and is thrown.
 * Calls of about 500 to 1000 items are what the implementation is tuned for; there is no upper limit but the memory
 * the items take.
 *
 * <h2>Events</h2>
 * Instead of one event per record, each call that wrote records posts (asynchronously, after the commit) one event
 * per entity and action on the topic {@code tessera/crm/<entity>/<ACTION>}{@value #BATCH_SUFFIX}, e.g.
 * {@code tessera/crm/contact/CREATED_BATCH}, carrying {@link io.tessera.crm.api.CrmEvents#ENTITY},
 * {@link io.tessera.crm.api.CrmEvents#ACTOR} and {@value #RECORDS}: a {@code java.util.List} with one
 * {@code java.util.Map<String, Object>} per record holding exactly the properties the single-record event would carry
 * ({@code id}, {@code owner}, {@code summary}, {@code companyIds}, {@code contactIds}, {@code dealIds}). The timeline
 * records one entry per record from it, exactly as from the single events. An update that changes nothing is
 * reported as successful and announces nothing.
 */
public interface ContactBatchService {
    /** Appended to the action of the single-record topic: {@code CREATED} becomes {@code CREATED_BATCH}. */
    String BATCH_SUFFIX = CrmEvents.BATCH_SUFFIX;
    /** Event property of a batch event: {@code java.util.List<java.util.Map<String, Object>>}, one per record. */
    String RECORDS = CrmEvents.RECORDS;

    /** One update: the record, the version the caller saw and the new values (replacing every field). */
    record ContactUpdate(long id, long expectedVersion, ContactInput input) {
    }

    /** One company update, as {@link ContactUpdate}. */
    record CompanyUpdate(long id, long expectedVersion, CompanyInput input) {
    }

    /** A person's name and a company they are linked to, for {@link #matchContactsByName}. */
    record NameInCompany(String firstName, String lastName, long companyId) {
    }

    /**
     * A compact summary of the match keys of the stored records (see {@link #keySummary}): a "no" is certain, a "yes"
     * is a maybe (a few in a hundred are wrong).
     */
    interface KeySummary {
        /**
         * False when no record stored through this server has a value matching this one (by {@code rule}, as in
         * {@link #matchContacts} and {@link #matchCompanies}).
         */
        boolean mightMatch(String rule, String value);
    }

    /**
     * Summarises the e-mails and phones of all contacts and the tax ids, domains and names of all companies (about
     * ten bits per value), so that bulk work can skip lookups of values that match nothing: an import of new
     * contacts then asks {@link #matchContacts} only about the few values that may exist. The summary is live: a
     * record this server writes is in it once its write has returned, so it is read from the database once, not at
     * every call. Values are never taken out (a record archived or changed since still says "maybe").
     */
    KeySummary keySummary(Caller caller);

    /**
     * Bulk duplicate lookup by the rules of {@link DuplicateService}, for imports: for each value, the lowest id of a
     * live contact the caller may see that has it. {@code rule} is {@link DuplicateService#RULE_EMAIL} (case
     * ignored) or {@link DuplicateService#RULE_PHONE} (any spelling, compared by the phone's match key). Values that
     * match nothing, and blank ones, are left out of the map. Index lookups, one query per few hundred values.
     *
     * @throws io.tessera.crm.api.ValidationException {@code rule} when it is not one of the two
     */
    Map<String, Long> matchContacts(Caller caller, String rule, Collection<String> values);

    /**
     * For each name, the lowest id of a live contact the caller may see that is linked to the company and has the
     * same or a similar name: the same words in any order, one word with one typo (words of four letters or more),
     * an initial for a word ("I. Petrov" = "Ivan Petrov") or a word more, such as a patronymic ("Ivan Ivanovich
     * Petrov" = "Ivan Petrov"). Names that match nothing are left out.
     */
    Map<NameInCompany, Long> matchContactsByName(Caller caller, Collection<NameInCompany> names);

    /**
     * {@link #matchContactsByName} for the many calls of one job, such as an import of many buffers: each company's
     * contacts are read once, at the first call that names the company, and the job adds the people it links to a
     * company afterwards ({@link NameMatcher#added}); a call does not read them again. So a file whose every row
     * names the same company costs one read of it, not one per call (an implementation may read a company again to
     * bound its memory). What the matcher knows of a company is what it read plus what the job added; an
     * implementation may also take in the contacts others store meanwhile (crm-contacts does, for the writes of its
     * own server). A match is always a live contact the caller may see. For one thread.
     */
    default NameMatcher nameMatcher(Caller caller) {
        return new NameMatcher() {
            @Override
            public Map<NameInCompany, Long> match(Collection<NameInCompany> names) {
                return matchContactsByName(caller, names);
            }

            @Override
            public void added(long contactId, NameInCompany name) {
                // reads the database on every call: nothing to remember
            }
        };
    }

    /** See {@link #nameMatcher}. */
    interface NameMatcher {
        /** As {@link #matchContactsByName}. */
        Map<NameInCompany, Long> match(Collection<NameInCompany> names);

        /** The job has written the contact with this name, linked to the name's company. */
        void added(long contactId, NameInCompany name);
    }

    /**
     * As {@link #matchContacts} for companies: {@code rule} is {@link DuplicateService#RULE_TAX_ID},
     * {@link DuplicateService#RULE_DOMAIN} (values are web addresses or domains) or {@link DuplicateService#RULE_NAME}
     * (legal forms, quotes and case ignored).
     */
    Map<String, Long> matchCompanies(Caller caller, String rule, Collection<String> values);

    /**
     * The key each value is compared by under {@code rule}, so that bulk work can group its own values (rows of one
     * file) exactly as the lookups above compare them: any rule of {@link DuplicateService}; for
     * {@link DuplicateService#RULE_NAME_IN_COMPANY} a value is a person's full name and its key ignores case, spacing,
     * ё/е and word order (similar names are found by {@link #matchContactsByName}, not by key). Values without a key
     * (blank, a phone too short to match) are left out. No database access.
     *
     * @throws io.tessera.crm.api.ValidationException {@code rule} when it is not a rule of {@link DuplicateService}
     */
    Map<String, String> matchKeys(String rule, Collection<String> values);

    /**
     * Which of these people's full names are the same person by {@link DuplicateService#RULE_NAME_IN_COMPANY} (equal
     * or similar names, see {@link #matchContactsByName}; chains of similar pairs form one group), for grouping names
     * of one company that are not stored yet: the groups of more than one name, as indexes into {@code fullNames},
     * each ascending, ordered by their first index. No database access.
     */
    List<List<Integer>> similarNameGroups(List<String> fullNames);

    /**
     * The contacts among {@code ids} the caller may see (archived ones too, as {@link ContactService#get}), in no
     * particular order; missing and invisible ids are left out. One read instead of one per id.
     */
    List<ContactDto> getContacts(Caller caller, Collection<Long> ids);

    /** The companies among {@code ids} the caller may see; as {@link #getContacts}. */
    List<CompanyDto> getCompanies(Caller caller, Collection<Long> ids);

    /** Creates the contacts that pass {@link ContactService#create}'s checks, in one transaction. */
    List<BatchResult> createContacts(Caller caller, List<ContactInput> inputs);

    /**
     * Updates the contacts as {@link ContactService#update} would, in one transaction; a missing or invisible
     * record ({@link io.tessera.crm.api.NotFoundException}), a stale version
     * ({@link io.tessera.crm.api.StaleVersionException}) or an archived record
     * ({@link io.tessera.crm.api.ConflictException}) fails that item only.
     */
    List<BatchResult> updateContacts(Caller caller, List<ContactUpdate> updates);

    /** Creates the companies that pass {@link CompanyService#create}'s checks, in one transaction. */
    List<BatchResult> createCompanies(Caller caller, List<CompanyInput> inputs);

    /** Updates the companies as {@link CompanyService#update} would; as {@link #updateContacts}. */
    List<BatchResult> updateCompanies(Caller caller, List<CompanyUpdate> updates);

    /**
     * Archives the contacts as {@link ContactService#archive} would, in one transaction: an archived one stays as it
     * is (ok), a missing or invisible one fails that item ({@link io.tessera.crm.api.NotFoundException}).
     */
    List<BatchResult> archiveContacts(Caller caller, List<Long> ids);

    /** Archives the companies as {@link CompanyService#archive} would; as {@link #archiveContacts}. */
    List<BatchResult> archiveCompanies(Caller caller, List<Long> ids);
}
