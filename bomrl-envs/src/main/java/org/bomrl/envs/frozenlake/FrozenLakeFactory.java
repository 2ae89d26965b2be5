package org.bomrl.envs.frozenlake;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

import java.util.ArrayList;
import java.util.List;

import static org.bomrl.envs.frozenlake.SettingErrors.invalid;
import static org.bomrl.envs.frozenlake.SettingErrors.rejectIfGiven;

/**
 * {@code env.frozenlake}: Gymnasium's {@code FrozenLake-v1} with its arguments as settings
 * ({@code map_name}, {@code desc}, {@code is_slippery}, {@code success_rate},
 * {@code reward_schedule}, {@code max_episode_steps}; {@code size} and {@code p} of
 * {@code generate_random_map}), plus {@code gamma} for the exact model and {@code tasks}/{@code seed}
 * for a distribution of random maps. Holes and the goal terminate episodes; the exact model makes
 * them absorbing with zero reward.
 *
 * <p>{@code gamma} defaults to 0.95: Gymnasium defines no discount, and 0.95 is the customary one for
 * value iteration on Frozen Lake. Random maps are drawn from
 * {@code RandomSource.seeded(seed).derive("env.frozenlake.random-maps").derive(i)}, so they are part
 * of the distribution (and its fingerprint), not of a run's seed.
 */
final class FrozenLakeFactory
        implements EnvironmentFactory
{
    static final String NAME = "env.frozenlake";
    /** Largest map, in cells: the exact model is dense, |S|²·|A| entries. */
    static final int MAX_CELLS = 1024;
    static final int MAX_TASKS = 10_000;

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "Gymnasium FrozenLake-v1: named 4x4/8x8, custom or random maps, slippery moves, exact model";
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of(
                SettingSpec.choice("map_name", "4x4", "4x4 or 8x8 (Gymnasium's MAPS), custom (read desc) or random (generate_random_map)",
                        "4x4", "8x8", "custom", "random"),
                SettingSpec.of("desc", SettingType.LIST, "", "custom map rows of S, F, H, G, comma-separated, e.g. SFFF,FHFH,FFFH,HFFG (map_name = custom)"),
                SettingSpec.of("size", SettingType.INTEGER, "8", "side of random maps (map_name = random)"),
                SettingSpec.of("p", SettingType.DOUBLE, "0.8", "probability that a cell of a random map is frozen, in (0, 1] (map_name = random)"),
                SettingSpec.of("tasks", SettingType.INTEGER, "1", "number of random maps, tasks map0..map{n-1} (map_name = random)"),
                SettingSpec.of("seed", SettingType.LONG, "0", "seed of the random maps (map_name = random); part of the fingerprint"),
                SettingSpec.of("is_slippery", SettingType.BOOLEAN, "true", "moves slip to a perpendicular direction with probability 1 - success_rate"),
                SettingSpec.of("success_rate", SettingType.DOUBLE, "0.3333333333333333", "probability of the intended direction when slippery, in [0, 1]"),
                SettingSpec.of("reward_schedule", SettingType.LIST, "1,0,0", "rewards for entering (goal, hole, frozen) cells"),
                SettingSpec.of("max_episode_steps", SettingType.INTEGER, "0",
                        "time limit (truncation) and model horizon; 0: Gymnasium's registered limit, 200 for 8x8 maps, 100 otherwise"),
                SettingSpec.of("gamma", SettingType.DOUBLE, "0.95", "discount γ of the exact model (Gymnasium has none)"));
    }

    @Override
    public TaskDistribution<?, ?> create(Settings settings, RunContext context)
    {
        String mapName = settings.getString("map_name");
        boolean slippery = settings.getBoolean("is_slippery");
        double successRate = settings.getDouble("success_rate");
        if (!(successRate >= 0 && successRate <= 1)) {
            throw invalid(settings, "success_rate", successRate, "expected a probability in [0, 1]");
        }
        RewardSchedule rewards = rewardSchedule(settings);
        int maxEpisodeSteps = settings.getInt("max_episode_steps");
        if (maxEpisodeSteps < 0) {
            throw invalid(settings, "max_episode_steps", maxEpisodeSteps, "expected 0 (Gymnasium's registered limit) or a positive number of steps");
        }
        double gamma = SettingErrors.gamma(settings);
        List<String> ids = new ArrayList<>();
        List<LakeMap> maps = new ArrayList<>();
        if (!mapName.equals("custom")) {
            rejectIfGiven(settings, "desc", "map_name = custom");
        }
        if (!mapName.equals("random")) {
            for (String key : List.of("size", "p", "tasks", "seed")) {
                rejectIfGiven(settings, key, "map_name = random");
            }
        }
        switch (mapName) {
            case "4x4", "8x8" -> {
                ids.add(mapName);
                maps.add(GymnasiumMaps.NAMED.get(mapName));
            }
            case "custom" -> {
                ids.add("custom");
                maps.add(customMap(settings));
            }
            case "random" -> randomMaps(settings, ids, maps);
            default -> throw invalid(settings, "map_name", mapName, "expected one of 4x4, 8x8, custom, random");
        }
        List<LakeTask> tasks = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            LakeMap map = maps.get(i);
            int horizon = maxEpisodeSteps == 0 ? GymnasiumMaps.registeredMaxEpisodeSteps(map) : maxEpisodeSteps;
            tasks.add(new LakeTask(ids.get(i), new LakeRules(map, map, slippery, successRate, rewards, Ending.TERMINATE, horizon, gamma)));
        }
        return LakeDistribution.of(NAME, tasks);
    }

    private static RewardSchedule rewardSchedule(Settings settings)
    {
        double[] values = settings.getDoubles("reward_schedule");
        if (values.length != 3) {
            throw invalid(settings, "reward_schedule", String.join(",", settings.getList("reward_schedule")),
                    "expected three rewards (goal, hole, frozen), got " + values.length);
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw invalid(settings, "reward_schedule", String.join(",", settings.getList("reward_schedule")), "rewards must be finite");
            }
        }
        return new RewardSchedule(values[0], values[1], values[2]);
    }

    private static LakeMap customMap(Settings settings)
    {
        List<String> rows = settings.getList("desc");
        String text = String.join(",", rows);
        if (rows.isEmpty()) {
            throw new InvalidSettingException(settings.scope() + ".desc is required when map_name = custom (rows of S, F, H, G, e.g. SFFF,FHFH,FFFH,HFFG)");
        }
        LakeMap map;
        try {
            map = new LakeMap(rows);
        }
        catch (IllegalArgumentException e) {
            throw invalid(settings, "desc", text, e.getMessage());
        }
        if (map.states() > MAX_CELLS) {
            throw invalid(settings, "desc", text, "the map has " + map.states() + " cells, more than " + MAX_CELLS
                    + " (the exact model is dense)");
        }
        if (!map.hasPath()) {
            throw invalid(settings, "desc", text, "no path from S to G avoids the holes");
        }
        return map;
    }

    private static void randomMaps(Settings settings, List<String> ids, List<LakeMap> maps)
    {
        int size = settings.getInt("size");
        if (size < 2 || size * size > MAX_CELLS) {
            throw invalid(settings, "size", size, "expected a side from 2 to " + (int) Math.sqrt(MAX_CELLS) + " (the exact model is dense)");
        }
        double p = settings.getDouble("p");
        if (!(p > 0 && p <= 1)) {
            throw invalid(settings, "p", p, "expected a frozen probability in (0, 1]");
        }
        int count = settings.getInt("tasks");
        if (count < 1 || count > MAX_TASKS) {
            throw invalid(settings, "tasks", count, "expected 1 to " + MAX_TASKS + " random maps");
        }
        RandomSource source = RandomSource.seeded(settings.getLong("seed")).derive("env.frozenlake.random-maps");
        for (int i = 0; i < count; i++) {
            try {
                maps.add(RandomMaps.generate(size, p, source.derive(i).generator()));
            }
            catch (IllegalArgumentException e) {
                throw invalid(settings, "p", p, e.getMessage());
            }
            ids.add("map" + i);
        }
    }
}
