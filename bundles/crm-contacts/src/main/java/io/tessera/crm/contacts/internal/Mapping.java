package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.ContactDto;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Entities to API records; entities never leave the bundle. */
final class Mapping {
    private Mapping() {
    }

    static CompanyDto company(CompanyEntity e) {
        return new CompanyDto(e.id, e.version, e.name, e.legalName, e.taxId, e.industry, e.website, e.domain,
                phones(e.phones), List.copyOf(e.emails), e.address == null ? null : e.address.toAddress(),
                tags(e.tags), CustomFields.decode(e.customFields), e.owner, e.archived, instant(e.createdAt),
                instant(e.updatedAt));
    }

    static ContactDto contact(ContactEntity e) {
        return new ContactDto(e.id, e.version, e.firstName, e.lastName, e.position, phones(e.phones),
                List.copyOf(e.emails), e.birthday, e.notes, tags(e.tags), CustomFields.decode(e.customFields),
                e.owner, e.source, List.copyOf(e.companyIds), e.archived, instant(e.createdAt), instant(e.updatedAt));
    }

    static List<String> phones(List<PhoneEmbeddable> phones) {
        return phones.stream().map(PhoneEmbeddable::number).toList();
    }

    static Set<String> tags(Set<String> tags) {
        return Collections.unmodifiableSet(new TreeSet<>(tags));
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    /** "Ivan Petrov", or whichever of the two names is set. */
    static String displayName(String firstName, String lastName) {
        if (firstName == null) {
            return lastName == null ? "" : lastName;
        }
        return lastName == null ? firstName : firstName + " " + lastName;
    }
}
