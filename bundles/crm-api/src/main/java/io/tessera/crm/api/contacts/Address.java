package io.tessera.crm.api.contacts;

/** A postal address; every part is optional. */
public record Address(String street, String city, String region, String postalCode, String country) {
}
