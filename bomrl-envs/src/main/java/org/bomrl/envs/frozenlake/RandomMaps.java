package org.bomrl.envs.frozenlake;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Gymnasium's {@code generate_random_map(size, p)}: every cell of a size×size grid is frozen with
 * probability p and a hole otherwise, then (0, 0) becomes S and (size−1, size−1) becomes G; the
 * grid is drawn again until a path from S to G exists. The draws come from the caller's generator,
 * so a map depends only on the stream it is drawn from.
 */
final class RandomMaps
{
    /** Draws allowed before giving up on a (size, p) that almost never has a path. */
    static final int MAX_DRAWS = 100_000;

    private RandomMaps() {}

    /**
     * @param size side of the grid, at least 2
     * @param p probability that a cell is frozen, in (0, 1]
     * @throws IllegalArgumentException on bad arguments, or when {@link #MAX_DRAWS} grids had no path
     */
    static LakeMap generate(int size, double p, RandomGenerator random)
    {
        if (size < 2) {
            throw new IllegalArgumentException("size must be at least 2: " + size);
        }
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in (0, 1]: " + p);
        }
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            List<String> rows = new ArrayList<>(size);
            for (int row = 0; row < size; row++) {
                char[] cells = new char[size];
                for (int col = 0; col < size; col++) {
                    cells[col] = random.nextDouble() < p ? 'F' : 'H';
                }
                rows.add(new String(cells));
            }
            rows.set(0, 'S' + rows.get(0).substring(1));
            rows.set(size - 1, rows.get(size - 1).substring(0, size - 1) + 'G');
            LakeMap map = new LakeMap(rows);
            if (map.hasPath()) {
                return map;
            }
        }
        throw new IllegalArgumentException("no " + size + "x" + size + " map with frozen probability p = " + p + " had a path from S to G in "
                + MAX_DRAWS + " draws; raise p");
    }
}
