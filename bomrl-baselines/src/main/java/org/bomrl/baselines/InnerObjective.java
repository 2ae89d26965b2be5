package org.bomrl.baselines;

import java.util.Locale;

/**
 * The inner objective Ĵ_𝒟(θ) = Σ_i f_i(ℓ_i(θ)) of a gradient-based meta-RL baseline on one batch 𝒟
 * collected with π_φ, as a function of the scores ℓ_i = log π_θ(a_i|s_i) with the data
 * log-probabilities ℓ_i^𝒟 and advantages Â_i held fixed, r_i = exp(ℓ_i − ℓ_i^𝒟) (spec §7.3). All
 * three have the same gradient (1/N) Σ_i Â_i ∇ℓ_i at θ = φ; they differ in the Hessian, which is
 * what the second-order meta-gradient (I + α∇²Ĵ)ᵀg uses and what each declares it estimates:
 * <ul>
 * <li>{@link #REINFORCE} f_i = Â_i ℓ/N (log-likelihood form of MAML's and E-MAML's reference code):
 * ∇²Ĵ = (1/N) Σ Â_i ∇²ℓ_i, whose expectation is E[A ∇² log π] — the policy-curvature part of ∇²J only;</li>
 * <li>{@link #LIKELIHOOD_RATIO} f_i = Â_i r/N (ProMP's LVC): at θ = φ, ∇²Ĵ = (1/N) Σ Â_i (∇²ℓ_i + ∇ℓ_i∇ℓ_iᵀ),
 * unbiased for E[A (∇² log π + ∇log π ∇log πᵀ)] = ∇²J (for a bandit; per step for MDPs);</li>
 * <li>{@link #SMOOTHED_RATIO} f_i = Â_i·2σ(2r − 2)/N (spec §2.5, the authors' MAML-TRPO): f' = f'' = Â_i/N at
 * r = 1, so at θ = φ its Hessian equals LVC's; away from φ it saturates.</li>
 * </ul>
 * Stateless.
 */
enum InnerObjective
{
    REINFORCE("reinforce") {
        @Override
        double term(double advantage, double score, double dataScore)
        {
            return advantage * score;
        }

        @Override
        void rowDerivatives(double advantage, double score, double dataScore, double[] out)
        {
            out[0] = advantage;
            out[1] = 0;
        }
    },
    LIKELIHOOD_RATIO("lvc") {
        @Override
        double term(double advantage, double score, double dataScore)
        {
            return advantage * Math.exp(score - dataScore);
        }

        @Override
        void rowDerivatives(double advantage, double score, double dataScore, double[] out)
        {
            double r = Math.exp(score - dataScore);
            out[0] = advantage * r;
            out[1] = advantage * r;
        }
    },
    SMOOTHED_RATIO("smoothed") {
        @Override
        double term(double advantage, double score, double dataScore)
        {
            return advantage * 2 * sigmoid(2 * Math.exp(score - dataScore) - 2);
        }

        @Override
        void rowDerivatives(double advantage, double score, double dataScore, double[] out)
        {
            double r = Math.exp(score - dataScore);
            double s = sigmoid(2 * r - 2);
            double slope = s * (1 - s);
            out[0] = 4 * advantage * slope * r;
            out[1] = 4 * advantage * (2 * (1 - 2 * s) * slope * r * r + slope * r);
        }
    };

    private final String setting;

    InnerObjective(String setting)
    {
        this.setting = setting;
    }

    /** The setting value that selects this objective. */
    String setting()
    {
        return setting;
    }

    /** The objective named by a setting value, or null. */
    static InnerObjective bySetting(String value)
    {
        for (InnerObjective objective : values()) {
            if (objective.setting.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return objective;
            }
        }
        return null;
    }

    /** N·f_i(ℓ) for one row. */
    abstract double term(double advantage, double score, double dataScore);

    /** out[0] = N·f_i'(ℓ), out[1] = N·f_i''(ℓ) for one row. */
    abstract void rowDerivatives(double advantage, double score, double dataScore, double[] out);

    /** Ĵ = Σ_i f_i(ℓ_i) from the scores. */
    double value(double[] scores, double[] dataScores, double[] advantages)
    {
        int n = scores.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += term(advantages[i], scores[i], dataScores[i]);
        }
        return sum / n;
    }

    /** first[i] = f_i'(ℓ_i), second[i] = f_i''(ℓ_i) (both overwritten; {@code pair} is a two-element work array). */
    void derivatives(double[] scores, double[] dataScores, double[] advantages, double[] first, double[] second, double[] pair)
    {
        int n = scores.length;
        for (int i = 0; i < n; i++) {
            rowDerivatives(advantages[i], scores[i], dataScores[i], pair);
            first[i] = pair[0] / n;
            second[i] = pair[1] / n;
        }
    }

    private static double sigmoid(double x)
    {
        return 1 / (1 + Math.exp(-x));
    }
}
