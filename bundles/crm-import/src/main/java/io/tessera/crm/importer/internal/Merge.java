package io.tessera.crm.importer.internal;

import io.tessera.crm.api.contacts.Address;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merging a row into an existing record with nothing lost: phones, e-mails, tags and company links are added, empty
 * fields are filled, and a value that differs from a non-empty stored one is kept as stored and reported as a
 * conflict ("position: CEO -> CTO"). Also the DTO -> input conversions (the before-image of a record is its input).
 */
final class Merge {
    private static final Address NO_ADDRESS = new Address(null, null, null, null, null);
    private Merge() {
    }

    /** The merged input (null when nothing would change) and the conflicts. */
    record Result<I>(I input, List<String> conflicts) {
    }

    static ContactInput newContact(Draft d, List<Long> companyIds) {
        return new ContactInput(d.firstName, d.lastName, d.position, List.copyOf(d.phones), List.copyOf(d.emails),
                d.birthday, d.notes, Set.copyOf(d.tags), new LinkedHashMap<>(d.customFields), d.owner, d.source,
                companyIds);
    }

    static CompanyInput newCompany(Draft d) {
        return new CompanyInput(d.name, d.legalName, d.taxId, d.industry, d.website, List.copyOf(d.phones),
                List.copyOf(d.emails), orNull(new Address(d.street, d.city, d.region, d.postalCode, d.country)),
                Set.copyOf(d.tags), new LinkedHashMap<>(d.customFields), d.owner);
    }

    static ContactInput input(ContactDto c) {
        return new ContactInput(c.firstName(), c.lastName(), c.position(), c.phones(), c.emails(), c.birthday(),
                c.notes(), c.tags(), c.customFields(), c.owner(), c.source(), c.companyIds());
    }

    static CompanyInput input(CompanyDto c) {
        return new CompanyInput(c.name(), c.legalName(), c.taxId(), c.industry(), c.website(), c.phones(),
                c.emails(), c.address(), c.tags(), c.customFields(), c.owner());
    }

    static Result<ContactInput> contact(ContactDto c, Draft d, List<Long> linked, PhoneNormalizer phones) {
        List<String> conflicts = new ArrayList<>();
        boolean[] changed = {false};
        String firstName = scalar("firstName", c.firstName(), d.firstName, conflicts, changed);
        String lastName = scalar("lastName", c.lastName(), d.lastName, conflicts, changed);
        String position = scalar("position", c.position(), d.position, conflicts, changed);
        java.time.LocalDate birthday = scalar("birthday", c.birthday(), d.birthday, conflicts, changed);
        String notes = scalar("notes", c.notes(), d.notes, conflicts, changed);
        String source = scalar("source", c.source(), d.source, conflicts, changed);
        List<String> phoneList = addPhones(c.phones(), d.phones, phones, changed);
        List<String> emails = addAll(c.emails(), d.emails, changed);
        Set<String> tags = new LinkedHashSet<>(c.tags());
        changed[0] |= tags.addAll(d.tags);
        Map<String, Object> custom = custom(c.customFields(), d.customFields, conflicts, changed);
        List<Long> companyIds = new ArrayList<>(c.companyIds());
        for (Long companyId : linked) {
            if (!companyIds.contains(companyId)) {
                companyIds.add(companyId);
                changed[0] = true;
            }
        }
        ContactInput in = changed[0] ? new ContactInput(firstName, lastName, position, phoneList, emails, birthday,
                notes, tags, custom, c.owner(), source, companyIds) : null;
        return new Result<>(in, conflicts);
    }

    static Result<CompanyInput> company(CompanyDto c, Draft d, PhoneNormalizer phones) {
        List<String> conflicts = new ArrayList<>();
        boolean[] changed = {false};
        String name = scalar("name", c.name(), d.name, conflicts, changed);
        String legalName = scalar("legalName", c.legalName(), d.legalName, conflicts, changed);
        String taxId = scalar("taxId", c.taxId(), d.taxId, conflicts, changed);
        String industry = scalar("industry", c.industry(), d.industry, conflicts, changed);
        String website = c.website();
        if (d.website != null) {
            if (website == null) {
                website = d.website;
                changed[0] = true;
            } else if (!Objects.equals(c.domain(), d.domain)) {
                conflicts.add("website: " + c.website() + " -> " + d.website);
            }
        }
        List<String> phoneList = addPhones(c.phones(), d.phones, phones, changed);
        List<String> emails = addAll(c.emails(), d.emails, changed);
        Set<String> tags = new LinkedHashSet<>(c.tags());
        changed[0] |= tags.addAll(d.tags);
        Map<String, Object> custom = custom(c.customFields(), d.customFields, conflicts, changed);
        Address address = address(c.address(), d, conflicts, changed);
        CompanyInput in = changed[0] ? new CompanyInput(name, legalName, taxId, industry, website, phoneList, emails,
                address, tags, custom, c.owner()) : null;
        return new Result<>(in, conflicts);
    }

    /** The stored address with the parts it lacks taken from the row; a stored part the row differs on conflicts. */
    private static Address address(Address stored, Draft d, List<String> conflicts, boolean[] changed) {
        Address a = stored == null ? NO_ADDRESS : stored;
        return orNull(new Address(scalar("address.street", a.street(), d.street, conflicts, changed),
                scalar("address.city", a.city(), d.city, conflicts, changed),
                scalar("address.region", a.region(), d.region, conflicts, changed),
                scalar("address.postalCode", a.postalCode(), d.postalCode, conflicts, changed),
                scalar("address.country", a.country(), d.country, conflicts, changed)));
    }

    /** An address without any part is none. */
    private static Address orNull(Address address) {
        return address.equals(NO_ADDRESS) ? null : address;
    }

    private static <T> T scalar(String field, T stored, T incoming, List<String> conflicts, boolean[] changed) {
        if (incoming == null) {
            return stored;
        }
        if (stored == null || stored instanceof String s && s.isBlank()) {
            changed[0] = true;
            return incoming;
        }
        if (!same(stored, incoming)) {
            conflicts.add(field + ": " + stored + " -> " + incoming);
        }
        return stored;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            String cx = Draft.clean(x);
            String cy = Draft.clean(y);
            return cx == null ? cy == null : cx.equalsIgnoreCase(cy);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }

    /**
     * The stored phones with the incoming ones (E.164) the card lacks. The stored ones are put into E.164 with
     * libphonenumber only when an incoming phone is not among them as it is: one typed by hand may be written in any
     * form, but most cards a file repeats hold the very E.164 phones an earlier import gave them.
     */
    private static List<String> addPhones(List<String> stored, List<String> incoming, PhoneNormalizer n,
                                          boolean[] changed) {
        List<String> out = new ArrayList<>(stored);
        Set<String> known = null;
        for (String p : incoming) {
            if (out.contains(p)) {
                continue;
            }
            if (known == null) {
                known = new HashSet<>();
                for (String s : stored) {
                    String e = n.toE164(s);
                    known.add(e == null ? s : e);
                }
            }
            if (known.add(p)) {
                out.add(p);
                changed[0] = true;
            }
        }
        return out;
    }

    private static List<String> addAll(List<String> stored, List<String> incoming, boolean[] changed) {
        List<String> out = new ArrayList<>(stored);
        Set<String> known = new LinkedHashSet<>();
        stored.forEach(s -> known.add(s.toLowerCase(Locale.ROOT)));
        for (String s : incoming) {
            if (known.add(s)) {
                out.add(s);
                changed[0] = true;
            }
        }
        return out;
    }

    private static Map<String, Object> custom(Map<String, Object> stored, Map<String, Object> incoming,
                                              List<String> conflicts, boolean[] changed) {
        Map<String, Object> out = new LinkedHashMap<>(stored);
        incoming.forEach((k, v) -> {
            Object old = out.get(k);
            if (old == null) {
                out.put(k, v);
                changed[0] = true;
            } else if (!same(old, v)) {
                conflicts.add("customFields." + k + ": " + old + " -> " + v);
            }
        });
        return out;
    }
}
