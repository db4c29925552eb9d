package io.github.mlhighway.lifecycle.core.serving;

/**
 * Hashes routing keys for {@link io.github.mlhighway.lifecycle.release.TrafficPlan#assign(long)}.
 *
 * <p>The value is exactly Guava's {@code Hashing.murmur3_128().hashString(key, UTF_8).asLong()} (a test checks
 * that on random strings, including non-ASCII text and unpaired surrogates), computed without allocating: Guava's
 * streaming hasher allocates the hasher, a buffer, the UTF-8 bytes and the hash code on every call, which would
 * cost the serving path about 150 bytes per request. Stable across processes and versions, so a user keeps their
 * cohort across restarts and replicas.
 *
 * @since 0.1
 */
public final class RoutingKeys {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private RoutingKeys() {
    }

    /**
     * The 64-bit murmur3_128 hash (seed 0) of the key's UTF-8 bytes.
     *
     * @param key the routing key
     * @return the hash
     */
    public static long hash(CharSequence key) {
        long h1 = 0;
        long h2 = 0;
        long k1 = 0;
        long k2 = 0;
        int pos = 0;
        long length = 0;
        int n = key.length();
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            int encoded; // up to four UTF-8 bytes, first byte lowest
            int count;
            if (c < 0x80) {
                encoded = c;
                count = 1;
            } else if (c < 0x800) {
                encoded = (0xc0 | (c >>> 6)) | (0x80 | (c & 0x3f)) << 8;
                count = 2;
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(key.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, key.charAt(++i));
                    encoded = (0xf0 | (cp >>> 18)) | (0x80 | ((cp >>> 12) & 0x3f)) << 8
                            | (0x80 | ((cp >>> 6) & 0x3f)) << 16 | (0x80 | (cp & 0x3f)) << 24;
                    count = 4;
                } else {
                    encoded = '?'; // what String.getBytes(UTF_8) writes for an unpaired surrogate
                    count = 1;
                }
            } else {
                encoded = (0xe0 | (c >>> 12)) | (0x80 | ((c >>> 6) & 0x3f)) << 8 | (0x80 | (c & 0x3f)) << 16;
                count = 3;
            }
            for (int b = 0; b < count; b++) {
                long v = (encoded >>> (8 * b)) & 0xffL;
                if (pos < 8) {
                    k1 |= v << (8 * pos);
                } else {
                    k2 |= v << (8 * (pos - 8));
                }
                length++;
                if (++pos == 16) {
                    h1 ^= mixK1(k1);
                    h1 = Long.rotateLeft(h1, 27);
                    h1 += h2;
                    h1 = h1 * 5 + 0x52dce729;
                    h2 ^= mixK2(k2);
                    h2 = Long.rotateLeft(h2, 31);
                    h2 += h1;
                    h2 = h2 * 5 + 0x38495ab5;
                    k1 = 0;
                    k2 = 0;
                    pos = 0;
                }
            }
        }
        h1 ^= mixK1(k1);
        h2 ^= mixK2(k2);
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix64(h1);
        h2 = fmix64(h2);
        return h1 + h2;
    }

    private static long mixK1(long k1) {
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        k1 *= C2;
        return k1;
    }

    private static long mixK2(long k2) {
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        k2 *= C1;
        return k2;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
