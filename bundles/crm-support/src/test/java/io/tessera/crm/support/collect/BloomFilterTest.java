package io.tessera.crm.support.collect;

import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class BloomFilterTest {
    @Test
    public void everyAddedValueIsFoundAndFewOthersAre() {
        BloomFilter f = new BloomFilter(100_000);
        for (int i = 0; i < 100_000; i++) {
            f.add("ivan" + i + "@example.ru");
        }
        for (int i = 0; i < 100_000; i++) {
            assertTrue(f.mightContain("ivan" + i + "@example.ru"));
        }
        int wrong = 0;
        for (int i = 0; i < 100_000; i++) {
            if (f.mightContain("olga" + i + "@example.ru")) {
                wrong++;
            }
        }
        assertTrue("false positives: " + wrong, wrong < 2_000);
    }
}
