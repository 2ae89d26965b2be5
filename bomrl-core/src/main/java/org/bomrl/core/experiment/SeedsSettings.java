package org.bomrl.core.experiment;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code seeds.*} section of a training-seeds experiment ({@code experiment.type = seeds}).
 *
 * @param experiment the meta-learning experiment or suite file run once per seed (relative to the seeds file)
 * @param trainingSeeds the root seeds {@code experiment.seed} of the runs, in report order (distinct)
 * @param parallel how many seeds run at once (results do not depend on it)
 * @param resamples bootstrap resamples B, and the most sign patterns the paired test enumerates
 * @param confidence level of the bootstrap intervals, e.g. 0.95
 * @param statisticsSeed root seed of the bootstrap and permutation streams
 * @param referenceMethod the method the significance lines compare with every other method (default: each panel's first)
 * @param memberSettings {@code seeds.member.<key> = value} lines: {@code key = value} set on every seed's run (under its {@code --set} overrides)
 */
public record SeedsSettings(String experiment, List<Long> trainingSeeds, int parallel, int resamples, double confidence, long statisticsSeed,
        Optional<String> referenceMethod, Map<String, String> memberSettings)
{
    /** Prefix of the keys set on every seed's run. */
    public static final String MEMBER = "member";

    public static final String SCOPE = "seeds";

    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.required("experiment", SettingType.STRING, "meta-learning experiment or suite file run once per training seed, relative to this file"),
            SettingSpec.required("training_seeds", SettingType.LIST, "training seeds: each run sets experiment.seed to one of them (distinct 64-bit integers, at least 2)"),
            SettingSpec.of("parallel", SettingType.INTEGER, "1", "training seeds run at once, each with experiment.threads workers (results do not depend on it)"),
            SettingSpec.of("resamples", SettingType.INTEGER, "10000", "bootstrap resamples B; also the most sign patterns the paired permutation test enumerates exactly"),
            SettingSpec.of("confidence", SettingType.DOUBLE, "0.95", "confidence level of the bootstrap intervals over training seeds"),
            SettingSpec.of("statistics_seed", SettingType.LONG, "1", "root seed of the bootstrap and permutation random streams"),
            SettingSpec.of("reference_method", SettingType.STRING, "", "method compared with every other method in the significance lines (default: each panel's first method)"));

    public SeedsSettings
    {
        trainingSeeds = List.copyOf(trainingSeeds);
        memberSettings = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(memberSettings));
        if (memberSettings.containsKey("experiment.seed")) {
            throw new InvalidSettingException("seeds.member.experiment.seed cannot be set: each run's experiment.seed is its training seed (seeds.training_seeds)");
        }
        if (trainingSeeds.size() < 2) {
            throw new InvalidSettingException("seeds.training_seeds needs at least 2 seeds (one seed is not a result); got " + trainingSeeds);
        }
        Set<Long> seen = new HashSet<>();
        for (long seed : trainingSeeds) {
            if (!seen.add(seed)) {
                throw new InvalidSettingException("seeds.training_seeds lists " + seed + " twice");
            }
        }
        if (parallel < 1 || parallel > 64) {
            throw new InvalidSettingException("seeds.parallel = " + parallel + " is invalid: expected 1 to 64");
        }
        if (resamples < 100) {
            throw new InvalidSettingException("seeds.resamples = " + resamples + " is invalid: expected at least 100");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new InvalidSettingException("seeds.confidence = " + confidence + " is invalid: expected a level strictly between 0 and 1, e.g. 0.95");
        }
    }

    public static SeedsSettings parse(Settings settings, Map<String, String> memberSettings)
    {
        List<Long> seeds = new ArrayList<>();
        for (String item : settings.getList("training_seeds")) {
            try {
                seeds.add(Long.parseLong(item));
            }
            catch (NumberFormatException e) {
                throw new InvalidSettingException("seeds.training_seeds: '" + item + "' is not a 64-bit integer seed");
            }
        }
        String reference = settings.getString("reference_method").trim();
        return new SeedsSettings(settings.getString("experiment").trim(), seeds, settings.getInt("parallel"), settings.getInt("resamples"),
                settings.getDouble("confidence"), settings.getLong("statistics_seed"), reference.isEmpty() ? Optional.empty() : Optional.of(reference),
                memberSettings);
    }
}
