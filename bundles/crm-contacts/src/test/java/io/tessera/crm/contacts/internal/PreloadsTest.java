package io.tessera.crm.contacts.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.Test;

public class PreloadsTest {
    @Test
    public void paddedRepeatsTheLastIdUpToTheNextOfAFewSizesAndLeavesLongListsAsTheyAre() {
        assertEquals(List.of(7L, 7L, 7L, 7L, 7L, 7L, 7L, 7L), Preloads.padded(List.of(7L)));
        int[][] sizes = {{8, 8}, {9, 32}, {32, 32}, {33, 128}, {129, 500}, {500, 500}, {501, 501}, {1_200, 1_200}};
        for (int[] s : sizes) {
            List<Long> ids = LongStream.rangeClosed(1, s[0]).boxed().toList();
            List<Long> padded = Preloads.padded(ids);
            assertEquals("padded size of " + s[0], s[1], padded.size());
            assertEquals(ids, padded.subList(0, s[0]));
            assertEquals(Long.valueOf(s[0]), padded.get(padded.size() - 1));
        }
    }
}
