package io.tessera.crm.api.contacts;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import java.util.List;

/**
 * Likely duplicates among the live (not archived) companies and contacts, and merging one card into another with
 * nothing lost.
 *
 * <h2>Rules</h2>
 * Contacts are the same when they share
 * <ul>
 * <li>{@value #RULE_EMAIL}: an email address (case-insensitive);</li>
 * <li>{@value #RULE_PHONE}: a phone number, compared by its match key: the last 10 digits of its digits (all of them
 *     when it has fewer), so "8 (912) 345-67-89", "+7 912 3456789" and "79123456789" are one number; numbers with
 *     fewer than 7 digits (extensions) never match;</li>
 * <li>{@value #RULE_NAME_IN_COMPANY}: similar names and a company they are both linked to. Names are compared as
 *     words (case, spacing, word order and ё/е ignored: "Ivan  Petrov" = "petrov ivan"); similar means the same
 *     words, or one typo in a word of four letters or more ("Petorv"), initials ("I. Petrov"), or one word more on
 *     one side (a patronymic: "Ivan Ivanovich Petrov"), with at least one word the same; a gendered form
 *     ("Petrova", "Valentina") is another person. The listing groups chains of similar names per company and its
 *     reason says "same name" or "similar names" with the spellings found.</li>
 * </ul>
 * Companies are the same when they share
 * <ul>
 * <li>{@value #RULE_TAX_ID}: a tax id (case, spaces and punctuation ignored: "77-01 234567" = "7701234567");</li>
 * <li>{@value #RULE_DOMAIN}: the web domain derived from the website ("https://www.acme.com/x" = "acme.com");</li>
 * <li>{@value #RULE_NAME}: the normalised name: case, ё/е, quotes, punctuation, spacing and legal forms (LLC, Ltd,
 *     Inc, GmbH, ООО, ОАО, ЗАО, ПАО, АО, ИП, MMC, ...) ignored, so «ООО "Ромашка"» = "Ромашка".</li>
 * </ul>
 *
 * <h2>Visibility</h2>
 * A group is listed only when the caller may see every record in it; {@link #matchContacts} and
 * {@link #matchCompanies} answer only records the caller may see; merging needs both records visible (else
 * {@link io.tessera.crm.api.NotFoundException}).
 *
 * <h2>Merge</h2>
 * Merging card M into survivor S: M's phones, emails, tags, company links and custom fields are added to S (a phone
 * S already has under another spelling, by the match key above, is not added twice); scalar fields S lacks are
 * filled from M; where both have different values S keeps its own and M's value is stored as a {@link MergeConflict}
 * in S's merge history (as are list values beyond S's limits). M is archived (restorable with
 * {@code restore}, unchanged) and remembers S. S's version goes up. After the commit the service sends
 * {@code tessera/crm/contact/MERGED} (or {@code company/MERGED}) with {@link io.tessera.crm.api.CrmEvents#ID} = M,
 * {@link io.tessera.crm.api.CrmEvents#SURVIVOR_ID} = S, and the company/contact ids concerned; every bundle that refers
 * to contacts or companies re-points its references from M to S in its own handler of that event. Merging companies
 * also re-points the contacts linked to M (inside this bundle, in the same transaction).
 *
 * <h2>Undoing a merge</h2>
 * Restoring M ({@code ContactService.restore}/{@code CompanyService.restore}) undoes the merge: M is live again and
 * forgets S, and the {@code RESTORED} event carries {@link io.tessera.crm.api.CrmEvents#SURVIVOR_ID} = S, on which
 * the deals, tasks and notes that were moved from M to S at the merge (and are still on S) go back to M. What was
 * added to S (phones, e-mails, tags, filled fields) stays on S, so nothing is lost; the timeline keeps its history
 * on both. Contacts a company merge re-linked from M to S and still linked to S are linked to M again (one that
 * was linked to S before the merge keeps that link too).
 */
public interface DuplicateService {
    String RULE_EMAIL = "EMAIL";
    String RULE_PHONE = "PHONE";
    String RULE_NAME_IN_COMPANY = "NAME_IN_COMPANY";
    String RULE_TAX_ID = "TAX_ID";
    String RULE_DOMAIN = "DOMAIN";
    String RULE_NAME = "NAME";

    /**
     * Groups of live contacts that one rule considers the same, ordered by rule ({@code EMAIL}, {@code PHONE},
     * {@code NAME_IN_COMPANY}) and then by the shared value ({@code NAME_IN_COMPANY}: by company, then by the group's
     * first contact). A pair sharing two values (an email and a phone) appears once per shared value, each with its
     * reason.
     */
    Page<DuplicateGroup> contactDuplicates(Caller caller, Paging paging);

    /** Groups of live companies, ordered by rule ({@code TAX_ID}, {@code DOMAIN}, {@code NAME}) and shared value. */
    Page<DuplicateGroup> companyDuplicates(Caller caller, Paging paging);

    /**
     * The live contacts the rules consider the same as this input (which need not be valid: blank and malformed
     * values are skipped), ascending, only those the caller may see. The name rule applies with the input's
     * {@code companyIds}. Used by the import to find the card a row belongs to.
     */
    List<Long> matchContacts(Caller caller, ContactInput input);

    /** The live companies the rules consider the same as this input, ascending, only those the caller may see. */
    List<Long> matchCompanies(Caller caller, CompanyInput input);

    /**
     * Merges contact {@code mergedId} into {@code survivorId} (see the class description) and returns the survivor.
     *
     * @param expectedSurvivorVersion the survivor's version the caller saw, or null not to check
     * @throws io.tessera.crm.api.ValidationException   {@code mergeId} when both ids are the same
     * @throws io.tessera.crm.api.NotFoundException     either card is missing or not visible to the caller
     * @throws io.tessera.crm.api.ConflictException     either card is archived (already merged)
     * @throws io.tessera.crm.api.StaleVersionException the survivor's version is not the expected one
     */
    ContactDto mergeContacts(Caller caller, long survivorId, long mergedId, Long expectedSurvivorVersion);

    /** {@link #mergeContacts(Caller, long, long, Long)} without a version check. */
    default ContactDto mergeContacts(Caller caller, long survivorId, long mergedId) {
        return mergeContacts(caller, survivorId, mergedId, null);
    }

    /** Merges company {@code mergedId} into {@code survivorId}; as {@link #mergeContacts(Caller, long, long, Long)}. */
    CompanyDto mergeCompanies(Caller caller, long survivorId, long mergedId, Long expectedSurvivorVersion);

    /** {@link #mergeCompanies(Caller, long, long, Long)} without a version check. */
    default CompanyDto mergeCompanies(Caller caller, long survivorId, long mergedId) {
        return mergeCompanies(caller, survivorId, mergedId, null);
    }

    /**
     * The merges the contact took part in, as survivor or as merged card, oldest first (a merged card shows the one
     * that archived it: its {@code survivorId} is where the card went).
     *
     * @throws io.tessera.crm.api.NotFoundException the contact is missing or not visible to the caller
     */
    List<MergeRecord> contactMergeHistory(Caller caller, long contactId);

    /** The merges the company took part in; as {@link #contactMergeHistory}. */
    List<MergeRecord> companyMergeHistory(Caller caller, long companyId);
}
