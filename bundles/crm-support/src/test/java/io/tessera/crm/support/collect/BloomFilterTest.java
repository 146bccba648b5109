package io.tessera.crm.support.collect;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.Test;

public class BloomFilterTest {
    @Test
    public void everyAddedValueIsFoundAndFewOthersAre() {
        assertHundredThousandHeld(new BloomFilter(100_000), 1, 2_000);
    }

    @Test
    public void growsBeyondItsSizeWithoutLosingValuesOrItsSelectivity() {
        // 1,000 -> 100,000 strings: layers for 1k, 2k, 4k, ... 64k strings, about 1% of wrong answers each
        assertHundredThousandHeld(new BloomFilter(1_000), 7, 10_000);
    }

    @Test
    public void valuesAddedByOtherThreadsAreFoundOnceTheyAreAdded() throws InterruptedException {
        BloomFilter f = new BloomFilter(1_000);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int from = t * 25_000;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                addAll(f, "ivan", from, from + 25_000);
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertAllFound(f, "ivan", 100_000);
    }

    /** Adds 100,000 strings: all are found after, and fewer than {@code maxWrong} of 100,000 others. */
    private static void assertHundredThousandHeld(BloomFilter f, int layers, int maxWrong) {
        addAll(f, "ivan", 0, 100_000);
        assertAllFound(f, "ivan", 100_000);
        assertEquals(layers, f.layers());
        int wrong = wrongMaybes(f);
        assertTrue("false positives: " + wrong, wrong < maxWrong);
    }

    private static void addAll(BloomFilter f, String name, int from, int to) {
        for (int i = from; i < to; i++) {
            f.add(name + i + "@example.ru");
        }
    }

    private static void assertAllFound(BloomFilter f, String name, int count) {
        for (int i = 0; i < count; i++) {
            assertTrue(name + i, f.mightContain(name + i + "@example.ru"));
        }
    }

    private static int wrongMaybes(BloomFilter f) {
        int wrong = 0;
        for (int i = 0; i < 100_000; i++) {
            if (f.mightContain("olga" + i + "@example.ru")) {
                wrong++;
            }
        }
        return wrong;
    }
}
