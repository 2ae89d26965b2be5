package org.bomrl.envs.frozenlake;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.TaskDistribution;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Random maps: Gymnasium's generate_random_map semantics, always a path, reproducible from the seed. */
final class RandomMapsTest
{
    private static final int MAPS = 300;
    private static final int SIZE = 6;
    /** Low enough that many raw grids have no path, so resampling matters. */
    private static final double P = 0.6;

    /**
     * Whether G is reachable from S through non-H cells, by relaxing the reachable set to a fixed
     * point (a different algorithm from the breadth-first search of {@link LakeMap#hasPath()}).
     */
    private static boolean connected(List<String> rows)
    {
        int n = rows.size();
        boolean[][] reached = new boolean[n][n];
        reached[0][0] = true;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    if (reached[r][c] || rows.get(r).charAt(c) == 'H') {
                        continue;
                    }
                    boolean neighbour = r > 0 && reached[r - 1][c] || r < n - 1 && reached[r + 1][c] || c > 0 && reached[r][c - 1]
                            || c < n - 1 && reached[r][c + 1];
                    if (neighbour) {
                        reached[r][c] = true;
                        changed = true;
                    }
                }
            }
        }
        return reached[n - 1][n - 1];
    }

    @Test
    void everyGeneratedMapHasAPathAndGymnasiumsLayout()
    {
        RandomSource source = RandomSource.seeded(3).derive("maps");
        for (int i = 0; i < MAPS; i++) {
            LakeMap map = RandomMaps.generate(SIZE, P, source.derive(i).generator());
            List<String> rows = map.rows();
            assertThat(rows).hasSize(SIZE).allSatisfy(row -> assertThat(row).hasSize(SIZE));
            assertThat(map.start()).as("S at (0, 0)").isZero();
            assertThat(map.goal()).as("G at (size-1, size-1)").isEqualTo(SIZE * SIZE - 1);
            assertThat(String.join("", rows).substring(1, SIZE * SIZE - 1)).as("map %d", i).matches("[FH]*");
            assertThat(connected(rows)).as("map %d has a path: %s", i, map).isTrue();
        }
    }

    @Test
    void rawGridsAtThisFrozenProbabilityOftenHaveNoPath()
    {
        SplittableRandom random = RandomSource.seeded(4).generator();
        int withoutPath = 0;
        for (int i = 0; i < MAPS; i++) {
            StringBuilder[] rows = new StringBuilder[SIZE];
            for (int r = 0; r < SIZE; r++) {
                rows[r] = new StringBuilder();
                for (int c = 0; c < SIZE; c++) {
                    rows[r].append(random.nextDouble() < P ? 'F' : 'H');
                }
            }
            rows[0].setCharAt(0, 'S');
            rows[SIZE - 1].setCharAt(SIZE - 1, 'G');
            if (!connected(Arrays.stream(rows).map(StringBuilder::toString).toList())) {
                withoutPath++;
            }
        }
        assertThat(withoutPath).as("grids without a path among %d raw draws (the previous test would catch a generator that skipped the check)", MAPS)
                .isGreaterThan(MAPS / 10);
    }

    @Test
    void frozenProbabilityOneGivesAnEmptyLake()
    {
        LakeMap map = RandomMaps.generate(4, 1.0, RandomSource.seeded(5).generator());
        assertThat(map.text()).isEqualTo("SFFF,FFFF,FFFF,FFFG");
    }

    @Test
    void mapsAreReproducibleFromTheSeedAndIndependentOfTheTaskCount()
    {
        Map<String, String> settings = Map.of("map_name", "random", "size", "5", "p", "0.7", "tasks", "4", "seed", "42");
        List<String> first = texts(Distributions.create("env.frozenlake", settings));
        List<String> second = texts(Distributions.create("env.frozenlake", settings));
        List<String> fewer = texts(Distributions.create("env.frozenlake", Map.of("map_name", "random", "size", "5", "p", "0.7", "tasks", "2", "seed", "42")));
        List<String> otherSeed = texts(Distributions.create("env.frozenlake", Map.of("map_name", "random", "size", "5", "p", "0.7", "tasks", "4", "seed", "43")));

        assertThat(second).isEqualTo(first);
        assertThat(fewer).isEqualTo(first.subList(0, 2));
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first).doesNotHaveDuplicates();
        assertThat(Distributions.create("env.frozenlake", settings).trainTasks()).extracting(t -> t.id()).containsExactly("map0", "map1", "map2", "map3");
    }

    private static List<String> texts(TaskDistribution<Integer, Integer> distribution)
    {
        return distribution.trainTasks().stream().map(task -> ((LakeTask) task).rules().dynamics().text()).toList();
    }
}
