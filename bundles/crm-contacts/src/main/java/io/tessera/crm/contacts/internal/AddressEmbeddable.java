package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.contacts.Address;
import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A postal address stored inline in its owner's table. */
@Embeddable
public class AddressEmbeddable {
    @Column(name = "ADDR_STREET", length = 200)
    private String street;
    @Column(name = "ADDR_CITY", length = 100)
    private String city;
    @Column(name = "ADDR_REGION", length = 100)
    private String region;
    @Column(name = "ADDR_POSTAL_CODE", length = 20)
    private String postalCode;
    @Column(name = "ADDR_COUNTRY", length = 100)
    private String country;

    protected AddressEmbeddable() {
    }

    static AddressEmbeddable of(Address a) {
        AddressEmbeddable e = new AddressEmbeddable();
        if (a != null) {
            e.street = a.street();
            e.city = a.city();
            e.region = a.region();
            e.postalCode = a.postalCode();
            e.country = a.country();
        }
        return e;
    }

    /** The API view; null when every part is empty. */
    Address toAddress() {
        if (street == null && city == null && region == null && postalCode == null && country == null) {
            return null;
        }
        return new Address(street, city, region, postalCode, country);
    }
}
