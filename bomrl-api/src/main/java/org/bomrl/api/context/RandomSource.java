package org.bomrl.api.context;

import org.bomrl.api.Stable;

import java.util.SplittableRandom;

/**
 * A seeded, addressable source of random streams. Each stream is identified by a path of labels
 * and indices derived from the root seed ({@code source.derive("task").derive(3)}), so the
 * numbers a piece of work sees depend only on the seed and its address, never on which thread
 * runs it or in which order. This is the only randomness components may use.
 *
 * <p>Immutable and thread-safe; the generators it hands out are not thread-safe.
 */
@Stable(since = "0.1")
public final class RandomSource
{
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final long key;

    private RandomSource(long key)
    {
        this.key = key;
    }

    /** The root source of a run. */
    public static RandomSource seeded(long seed)
    {
        return new RandomSource(mix(seed ^ 0x5851f42d4c957f2dL));
    }

    /** The child stream with the given label. */
    public RandomSource derive(String label)
    {
        long h = key;
        for (int i = 0; i < label.length(); i++) {
            h = mix(h + GOLDEN_GAMMA * (label.charAt(i) + 1));
        }
        return new RandomSource(mix(h ^ label.length()));
    }

    /** The child stream with the given index. */
    public RandomSource derive(long index)
    {
        return new RandomSource(mix(key + GOLDEN_GAMMA * (index + 0x2545f4914f6cdd1dL)));
    }

    /**
     * The stream's address: a 64-bit value that identifies this stream, for work units shipped to
     * another machine; {@link #at(long)} returns the same stream there.
     */
    public long address()
    {
        return key;
    }

    /** The stream with the given {@link #address()}. */
    public static RandomSource at(long address)
    {
        return new RandomSource(address);
    }

    /** A fresh generator positioned at the start of this stream. */
    public SplittableRandom generator()
    {
        return new SplittableRandom(key);
    }

    /** A 64-bit seed for APIs that take one, e.g. {@code Environment.reset(seed)}. */
    public long seed()
    {
        return mix(key ^ GOLDEN_GAMMA);
    }

    /** Stafford's variant 13 of the 64-bit finaliser of MurmurHash3 (as in SplitMix64). */
    private static long mix(long z)
    {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString()
    {
        return "RandomSource[" + Long.toHexString(key) + "]";
    }
}
