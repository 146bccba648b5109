package io.tessera.crm.support.jpa;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/**
 * JPA 2.2 has no mapping for {@link Instant}: stored as a TIMESTAMP (UTC instant). List it in the persistence unit
 * ({@code <class>io.tessera.crm.support.jpa.InstantConverter</class>}) and annotate the attribute with it.
 */
@Converter
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {
    @Override
    public Timestamp convertToDatabaseColumn(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
