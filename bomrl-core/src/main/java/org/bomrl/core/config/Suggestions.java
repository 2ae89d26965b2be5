package org.bomrl.core.config;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean" suggestions by Levenshtein distance. */
public final class Suggestions
{
    private Suggestions() {}

    /** {@code "; did you mean 'x'?"} for the closest candidate within a third of the length, else empty. */
    public static String didYouMean(String given, Collection<String> candidates)
    {
        return candidates.stream()
                .min(Comparator.comparingInt((String candidate) -> distance(given, candidate)).thenComparing(Comparator.naturalOrder()))
                .filter(best -> distance(given, best) <= Math.max(2, best.length() / 3))
                .map(best -> "; did you mean '" + best + "'?")
                .orElse("");
    }

    static int distance(String a, String b)
    {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
