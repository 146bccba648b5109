package io.tessera.crm.support.collect;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A set of strings that answers "certainly not in it" or "maybe in it", in about ten bits per string (one wrong
 * "maybe" in a hundred). It grows: once it holds as many strings as it was sized for, a new layer twice as large takes
 * the strings added from then on (each layer adds its own one-in-a-hundred, so a filter that grew from 1,000 to
 * 1,000,000 strings answers a wrong "maybe" about one time in ten). Safe for concurrent adds and reads: a string whose
 * {@link #add} returned before {@link #mightContain} was called is found.
 */
public final class BloomFilter {
    private static final int HASHES = 7;
    private static final int BITS_PER_STRING = 10;
    private volatile Layer[] layers;

    /** A filter sized for {@code expected} strings; it grows beyond that. */
    public BloomFilter(long expected) {
        this.layers = new Layer[] {new Layer(expected)};
    }

    public void add(String value) {
        long pre = fnv(value);
        long h1 = mix(pre, 0x9E3779B97F4A7C15L);
        long h2 = mix(pre, 0xC2B2AE3D27D4EB4FL) | 1;
        Layer[] current = layers;
        Layer top = current[current.length - 1];
        top.add(h1, h2);
        if (top.added.incrementAndGet() == top.capacity + 1) {
            grow(top);
        }
    }

    /** False when the value was certainly never added. */
    public boolean mightContain(String value) {
        long pre = fnv(value);
        long h1 = mix(pre, 0x9E3779B97F4A7C15L);
        long h2 = mix(pre, 0xC2B2AE3D27D4EB4FL) | 1;
        for (Layer layer : layers) {
            if (layer.mightContain(h1, h2)) {
                return true;
            }
        }
        return false;
    }

    /** How many layers the filter has grown to (1 while it holds no more than it was sized for). */
    public int layers() {
        return layers.length;
    }

    private synchronized void grow(Layer full) {
        Layer[] current = layers;
        if (current[current.length - 1] == full) {
            Layer[] grown = Arrays.copyOf(current, current.length + 1);
            grown[current.length] = new Layer(full.capacity * 2);
            layers = grown;
        }
    }

    /**
     * 64-bit FNV-1a over the string's chars, read in place: encoding it to bytes first allocated an array for every
     * key of an import, twice (a few percent of the import thread). Two strings with the same FNV value are one to
     * the filter, once in 2^64.
     */
    private static long fnv(String value) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < value.length(); i++) {
            h ^= value.charAt(i);
            h *= 0x100000001B3L;
        }
        return h;
    }

    /** The seeded 64-bit finaliser of MurmurHash3: two seeds give the filter its two hashes of one FNV value. */
    private static long mix(long fnv, long seed) {
        long h = fnv ^ seed;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93FE1A85EC3L;
        h ^= h >>> 33;
        return h;
    }

    private static final class Layer {
        private final AtomicLongArray bits;
        private final long size;
        final long capacity;
        final AtomicLong added = new AtomicLong();

        Layer(long expected) {
            long wanted = Math.max(1024, expected * BITS_PER_STRING);
            this.bits = new AtomicLongArray((int) Math.min(Integer.MAX_VALUE - 8, (wanted + 63) / 64));
            this.size = bits.length() * 64L;
            this.capacity = size / BITS_PER_STRING;
        }

        void add(long h1, long h2) {
            for (int i = 0; i < HASHES; i++) {
                long bit = Long.remainderUnsigned(h1 + i * h2, size);
                int word = (int) (bit >>> 6);
                long mask = 1L << bit;
                if ((bits.get(word) & mask) == 0) {
                    bits.getAndAccumulate(word, mask, (a, b) -> a | b);
                }
            }
        }

        boolean mightContain(long h1, long h2) {
            for (int i = 0; i < HASHES; i++) {
                long bit = Long.remainderUnsigned(h1 + i * h2, size);
                if ((bits.get((int) (bit >>> 6)) & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
