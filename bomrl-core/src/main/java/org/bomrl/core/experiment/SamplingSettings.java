package org.bomrl.core.experiment;

import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;
import org.bomrl.core.config.Bounds;
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
        Bounds bounds = Bounds.of(settings, SCOPE);
        SamplingSettings parsed = new SamplingSettings(bounds.atLeast("episodes", 1), bounds.atLeast("post_episodes", 1), bounds.atLeast("horizon", 1),
                bounds.atLeast("bootstrap_steps", 0), settings.getDouble("gamma"), bounds.atLeast("fisher_tasks", 1), settings.getString("advantages").trim(),
                settings.getDouble("gae_lambda"), settings.getBoolean("standardize_advantages"));
        bounds.require(parsed.gamma >= 0 && parsed.gamma <= 1, SCOPE + ".gamma = " + parsed.gamma + " is invalid: must be in [0, 1]");
        bounds.require(parsed.advantages.equals("batch-mean") || parsed.advantages.equals("gae"),
                SCOPE + ".advantages = '" + parsed.advantages + "' is invalid: expected batch-mean or gae");
        bounds.require(parsed.gaeLambda >= 0 && parsed.gaeLambda <= 1, SCOPE + ".gae_lambda = " + parsed.gaeLambda + " is invalid: must be in [0, 1]");
        bounds.check();
        return parsed;
    }

    /** The advantage estimator these settings name. */
    AdvantageEstimator estimator()
    {
        return advantages.equals("gae") ? new GeneralizedAdvantages(gamma, gaeLambda, standardiseAdvantages) : AdvantageEstimator.batchMean(gamma);
    }
}
