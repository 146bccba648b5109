package io.tessera.crm.support.collect;

import java.nio.charset.StandardCharsets;

/**
 * A set of strings that answers "certainly not in it" or "maybe in it", in about ten bits per string (one wrong
 * "maybe" in a hundred): for skipping index lookups of values that cannot match. Not thread-safe.
 */
public final class BloomFilter {
    private static final int HASHES = 7;
    private final long[] bits;
    private final long size;

    /** A filter sized for {@code expected} strings (it still works beyond that, with more wrong "maybe"s). */
    public BloomFilter(long expected) {
        long wanted = Math.max(1024, expected * 10);
        this.bits = new long[(int) Math.min(Integer.MAX_VALUE - 8, (wanted + 63) / 64)];
        this.size = bits.length * 64L;
    }

    public void add(String value) {
        long h1 = hash(value, 0x9E3779B97F4A7C15L);
        long h2 = hash(value, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = Long.remainderUnsigned(h1 + i * h2, size);
            bits[(int) (bit >>> 6)] |= 1L << bit;
        }
    }

    /** False when the value was certainly never added. */
    public boolean mightContain(String value) {
        long h1 = hash(value, 0x9E3779B97F4A7C15L);
        long h2 = hash(value, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = Long.remainderUnsigned(h1 + i * h2, size);
            if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** FNV-1a over the UTF-8 bytes with a seed, then a 64-bit finaliser (the one of MurmurHash3). */
    private static long hash(String value, long seed) {
        long h = 0xCBF29CE484222325L ^ seed;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93FE1A85EC3L;
        h ^= h >>> 33;
        return h;
    }
}
