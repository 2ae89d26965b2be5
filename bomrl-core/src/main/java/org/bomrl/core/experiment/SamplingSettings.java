package org.bomrl.core.experiment;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;
import org.bomrl.core.rollout.AdvantageEstimator;
import org.bomrl.core.rollout.GeneralizedAdvantages;

import java.util.List;

/**
 * The {@code sampling.*} section of runs on continuous tasks (spec §3.5, §5b defaults): episodes
 * per pre-adaptation round and per post-adaptation round of meta-training, the horizon, the
 * bootstrap continuation, the discount γ of the Monte-Carlo returns, and how many of an
 * iteration's tasks give the states of the outer step's Fisher matrix.
 */
record SamplingSettings(int episodes, int postEpisodes, int horizon, int bootstrapSteps, double gamma, int fisherTasks, String advantages, double gaeLambda,
        boolean standardiseAdvantages)
{
    static final String SCOPE = "sampling";

    static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of("episodes", SettingType.INTEGER, "20", "episodes per round collected with the current policy (pre-adaptation, and each meta-test round)"),
            SettingSpec.of("post_episodes", SettingType.INTEGER, "100", "episodes collected with the adapted policy during meta-training"),
            SettingSpec.of("horizon", SettingType.INTEGER, "200", "steps per episode"),
            SettingSpec.of("bootstrap_steps", SettingType.INTEGER, "200", "steps of the continuation whose discounted return bootstraps each episode's tail (0: none)"),
            SettingSpec.of("gamma", SettingType.DOUBLE, "0.995", "discount γ of the Monte-Carlo returns"),
            SettingSpec.of("fisher_tasks", SettingType.INTEGER, "5", "tasks whose pre-adaptation states define the outer step's mean KL"),
            SettingSpec.of("advantages", SettingType.STRING, "batch-mean", "advantage estimator: batch-mean (Â = Q̂ − mean Q̂, spec §5b) or gae (linear feature baseline, spec §7.3)"),
            SettingSpec.of("gae_lambda", SettingType.DOUBLE, "1.0", "λ of generalised advantage estimation, in [0, 1] (advantages = gae)"),
            SettingSpec.of("standardize_advantages", SettingType.BOOLEAN, "false", "standardise Â over each batch (advantages = gae)"));

    static SamplingSettings parse(Settings settings)
    {
        SamplingSettings parsed = new SamplingSettings(settings.getInt("episodes"), settings.getInt("post_episodes"), settings.getInt("horizon"),
                settings.getInt("bootstrap_steps"), settings.getDouble("gamma"), settings.getInt("fisher_tasks"), settings.getString("advantages").trim(),
                settings.getDouble("gae_lambda"), settings.getBoolean("standardize_advantages"));
        if (parsed.episodes < 1 || parsed.postEpisodes < 1 || parsed.horizon < 1 || parsed.fisherTasks < 1) {
            throw new InvalidSettingException(SCOPE + ": episodes, post_episodes, horizon and fisher_tasks must be ≥ 1; got " + parsed);
        }
        if (parsed.bootstrapSteps < 0) {
            throw new InvalidSettingException(SCOPE + ".bootstrap_steps = " + parsed.bootstrapSteps + " is invalid: must be ≥ 0");
        }
        if (!(parsed.gamma >= 0 && parsed.gamma <= 1)) {
            throw new InvalidSettingException(SCOPE + ".gamma = " + parsed.gamma + " is invalid: must be in [0, 1]");
        }
        if (!parsed.advantages.equals("batch-mean") && !parsed.advantages.equals("gae")) {
            throw new InvalidSettingException(SCOPE + ".advantages = '" + parsed.advantages + "' is invalid: expected batch-mean or gae");
        }
        if (!(parsed.gaeLambda >= 0 && parsed.gaeLambda <= 1)) {
            throw new InvalidSettingException(SCOPE + ".gae_lambda = " + parsed.gaeLambda + " is invalid: must be in [0, 1]");
        }
        return parsed;
    }

    /** The advantage estimator these settings name. */
    AdvantageEstimator estimator()
    {
        return advantages.equals("gae") ? new GeneralizedAdvantages(gamma, gaeLambda, standardiseAdvantages) : AdvantageEstimator.batchMean(gamma);
    }
}
