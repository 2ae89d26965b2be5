package org.bomrl.core.experiment;

import io.vavr.control.Option;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.loop.ObservationFilterSettings;
import org.bomrl.numerics.neural.ObservationNormaliser;

import java.util.List;
import java.util.Optional;

/**
 * The running observation filter of continuous runs (spec §5b), keys under {@code policy.}:
 * {@code observation_filter} ({@code none}, the default: raw observations; {@code running}: the
 * deterministic filter of {@code MetaTrainer}), {@code observation_filter.clip} (c of
 * clip((x − m)/(s + ε), ±c), default 5) and {@code observation_filter.warmup_episodes} (episodes of
 * the initial policy that initialise the statistics; {@code auto}: 5 × {@code sampling.episodes}).
 * With the filter running the effective configuration records all three keys (defaults included);
 * without it only the keys given, so the configuration, plan hash and results of a run without the
 * filter are those of a run made before these keys existed, and such runs still resume.
 */
final class ObservationFilterSection
{
    static final String SCOPE = "policy";
    static final String MODE = "observation_filter";
    static final String CLIP = "observation_filter.clip";
    static final String WARM_UP = "observation_filter.warmup_episodes";
    static final String AUTO = "auto";

    private static final String MODE_DESCRIPTION = "running mean/std observation filter (spec §5b): none or running";
    private static final String CLIP_DESCRIPTION = "clip of the normalised observation coordinates (> 0)";
    private static final String WARM_UP_DESCRIPTION = "warm-up episodes of the initial policy before iteration 0 (auto: 5 × sampling.episodes)";

    /** The keys with their defaults, claimed when the filter runs. */
    static final List<SettingSpec> SPECS = List.of(
            SettingSpec.choice(MODE, "none", MODE_DESCRIPTION, "none", "running"),
            SettingSpec.of(CLIP, SettingType.DOUBLE, Double.toString(ObservationNormaliser.DEFAULT_CLIP), CLIP_DESCRIPTION),
            SettingSpec.of(WARM_UP, SettingType.STRING, AUTO, WARM_UP_DESCRIPTION));

    /** The same keys without defaults: what a run without the filter claims (given values are still checked). */
    private static final List<SettingSpec> GIVEN = List.of(
            new SettingSpec(MODE, SettingType.STRING, Optional.empty(), MODE_DESCRIPTION, List.of("none", "running")),
            new SettingSpec(CLIP, SettingType.DOUBLE, Optional.empty(), CLIP_DESCRIPTION, List.of()),
            new SettingSpec(WARM_UP, SettingType.STRING, Optional.empty(), WARM_UP_DESCRIPTION, List.of()));

    private ObservationFilterSection() {}

    /** The filter, none when {@code observation_filter} is {@code none} or not given; every given value is checked either way. */
    static Option<ObservationFilterSettings> parse(ExperimentConfiguration config, int episodes)
    {
        Settings given = config.settings(SCOPE, GIVEN);
        boolean running = given.raw(MODE).map(String::trim).contains("running");
        Settings settings = running ? config.settings(SCOPE, SPECS) : given;
        double clip = settings.raw(CLIP).isDefined() || running ? settings.getDouble(CLIP) : ObservationNormaliser.DEFAULT_CLIP;
        if (!(clip > 0)) {
            throw new InvalidSettingException(SCOPE + "." + CLIP + " = " + clip + " is invalid: must be > 0");
        }
        String warmUp = settings.raw(WARM_UP).isDefined() || running ? settings.getString(WARM_UP).trim() : AUTO;
        int warmUpEpisodes = warmUp.equals(AUTO) ? 5 * episodes : positive(warmUp);
        return running ? Option.some(new ObservationFilterSettings(clip, warmUpEpisodes)) : Option.none();
    }

    private static int positive(String value)
    {
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        }
        catch (NumberFormatException e) {
            parsed = 0;
        }
        if (parsed < 1) {
            throw new InvalidSettingException(SCOPE + "." + WARM_UP + " = '" + value + "' is invalid: expected a positive integer or " + AUTO);
        }
        return parsed;
    }
}
