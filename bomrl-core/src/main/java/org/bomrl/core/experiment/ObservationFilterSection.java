package org.bomrl.core.experiment;

import io.vavr.control.Option;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;
import org.bomrl.core.loop.ObservationFilterSettings;
import org.bomrl.numerics.neural.ObservationNormaliser;

import java.util.List;

/**
 * The running observation filter of continuous runs (spec §5b), keys under {@code policy.}:
 * {@code observation_filter} ({@code none}, the default: raw observations; {@code running}: the
 * deterministic filter of {@code MetaTrainer}), {@code observation_filter.clip} (c of
 * clip((x − m)/(s + ε), ±c), default 5) and {@code observation_filter.warmup_episodes} (episodes of
 * the initial policy that initialise the statistics; {@code auto}: 5 × {@code sampling.episodes}).
 */
final class ObservationFilterSection
{
    static final String SCOPE = "policy";
    static final String AUTO = "auto";

    static final List<SettingSpec> SPECS = List.of(
            SettingSpec.choice("observation_filter", "none", "running mean/std observation filter (spec §5b): none or running", "none", "running"),
            SettingSpec.of("observation_filter.clip", SettingType.DOUBLE, Double.toString(ObservationNormaliser.DEFAULT_CLIP), "clip of the normalised observation coordinates (> 0)"),
            SettingSpec.of("observation_filter.warmup_episodes", SettingType.STRING, AUTO, "warm-up episodes of the initial policy before iteration 0 (auto: 5 × sampling.episodes)"));

    private ObservationFilterSection() {}

    /** The filter, none when {@code observation_filter = none}; every value is checked either way. */
    static Option<ObservationFilterSettings> parse(Settings settings, int episodes)
    {
        String mode = settings.getString("observation_filter").trim();
        double clip = settings.getDouble("observation_filter.clip");
        if (!(clip > 0)) {
            throw new InvalidSettingException(SCOPE + ".observation_filter.clip = " + clip + " is invalid: must be > 0");
        }
        String warmUp = settings.getString("observation_filter.warmup_episodes").trim();
        int warmUpEpisodes;
        if (warmUp.equals(AUTO)) {
            warmUpEpisodes = 5 * episodes;
        }
        else {
            try {
                warmUpEpisodes = Integer.parseInt(warmUp);
            }
            catch (NumberFormatException e) {
                warmUpEpisodes = 0;
            }
            if (warmUpEpisodes < 1) {
                throw new InvalidSettingException(SCOPE + ".observation_filter.warmup_episodes = '" + warmUp + "' is invalid: expected a positive integer or " + AUTO);
            }
        }
        return mode.equals("running") ? Option.some(new ObservationFilterSettings(clip, warmUpEpisodes)) : Option.none();
    }
}
