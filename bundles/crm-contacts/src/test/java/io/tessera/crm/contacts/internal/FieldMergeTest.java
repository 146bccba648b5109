package io.tessera.crm.contacts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import io.tessera.crm.api.contacts.Address;
import io.tessera.crm.api.contacts.MergeConflict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.Test;

public class FieldMergeTest {
    @Test
    public void theSurvivorsValueWinsAndADifferentOneIsKeptAsAConflict() {
        FieldMerge fields = new FieldMerge();
        assertEquals("Ivan", fields.scalar("firstName", "Ivan", "Ivan"));
        assertEquals("Anna", fields.scalar("lastName", null, "Anna"));
        assertEquals("CEO", fields.scalar("position", "CEO", "CTO"));
        assertEquals(List.of(new MergeConflict("position", "CEO", "CTO")), fields.conflicts());
        assertEquals("; kept as history: position", fields.note());
    }

    @Test
    public void phonesAreTheSameNumberWhateverTheirSpelling() {
        FieldMerge fields = new FieldMerge();
        List<PhoneEmbeddable> merged = fields.phones(List.of(new PhoneEmbeddable("+79123456789")),
                List.of(new PhoneEmbeddable("8 (912) 345-67-89"), new PhoneEmbeddable("+74951234567")));
        assertEquals(List.of("+79123456789", "+74951234567"), merged.stream().map(PhoneEmbeddable::number).toList());
        assertEquals(List.of(), fields.conflicts());
    }

    @Test
    public void tagsBeyondTheLimitAreConflictsTakenInAlphabeticalOrder() {
        FieldMerge fields = new FieldMerge();
        Set<String> survivor = IntStream.range(0, Normalize.MAX_TAGS - 1).mapToObj(i -> String.format("t%02d", i))
                .collect(Collectors.toSet());
        Set<String> merged = fields.tags(survivor, Set.of("zeta", "alpha", "t00", "beta"));
        assertEquals(Normalize.MAX_TAGS, merged.size());
        assertEquals("alpha", new TreeSet<>(merged).first());
        assertEquals(List.of(new MergeConflict("tags", null, "beta"), new MergeConflict("tags", null, "zeta")),
                fields.conflicts());
    }

    @Test
    public void aMissingAddressIsTakenAndADifferentOneIsAConflictOnOneLine() {
        AddressEmbeddable moscow = AddressEmbeddable.of(new Address("Main St 1", "Moscow", null, null, "RU"));
        AddressEmbeddable baku = AddressEmbeddable.of(new Address(null, "Baku", null, "AZ1000", "AZ"));
        FieldMerge fields = new FieldMerge();
        assertEquals(baku.toAddress(), fields.address(null, baku).toAddress());
        assertSame(moscow, fields.address(moscow, baku));
        assertEquals(List.of(new MergeConflict("address", "Main St 1, Moscow, RU", "Baku, AZ1000, AZ")),
                fields.conflicts());
    }

    @Test
    public void aCustomFieldTheSurvivorHoldsAsNullIsTakenFromTheMergedCard() {
        FieldMerge fields = new FieldMerge();
        assertEquals(Map.of("tier", "s:gold", "size", "i:42"), fields.customFields(
                Map.of("tier", "s:gold", "size", "n:"), Map.of("tier", "s:silver", "size", "i:42")));
        assertEquals(List.of(new MergeConflict("customFields.tier", "gold", "silver")), fields.conflicts());
    }
}
