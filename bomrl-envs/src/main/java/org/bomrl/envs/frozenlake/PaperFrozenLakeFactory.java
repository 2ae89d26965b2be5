package org.bomrl.envs.frozenlake;

import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;
import static org.bomrl.envs.frozenlake.SettingErrors.invalid;

/**
 * {@code env.frozenlake.paper-high-variance} and {@code env.frozenlake.paper-low-variance}: the
 * paper's task distributions exactly as spec §5a, tasks {@code map0…}, train = test. Episodes last
 * {@code horizon} = 49 steps ({@code terminated} is never true, step 49 is {@code truncated}) and the
 * exact model has γ = 0.8; both may be overridden, nothing else. Every map's optimum is
 * J* = Σ_{t=5}^{48} γ^t = γ⁵(1 − γ⁴⁴)/(1 − γ) ≈ 1.6383 (six moves to G).
 */
final class PaperFrozenLakeFactory
        implements EnvironmentFactory
{
    static final String DEFAULT_GAMMA = "0.8";
    static final String DEFAULT_HORIZON = "49";

    private final PaperVariant variant;

    PaperFrozenLakeFactory(PaperVariant variant)
    {
        this.variant = requireNonNull(variant, "variant is null");
    }

    @Override
    public String name()
    {
        return variant.factoryName();
    }

    @Override
    public String description()
    {
        return variant.description();
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of(
                SettingSpec.of("gamma", SettingType.DOUBLE, DEFAULT_GAMMA, "discount γ (paper: 0.8)"),
                SettingSpec.of("horizon", SettingType.INTEGER, DEFAULT_HORIZON, "steps per episode (paper: 49)"));
    }

    @Override
    public TaskDistribution<?, ?> create(Settings settings, RunContext context)
    {
        double gamma = SettingErrors.gamma(settings);
        int horizon = settings.getInt("horizon");
        if (horizon < 1) {
            throw invalid(settings, "horizon", horizon, "expected a positive number of steps");
        }
        List<LakeTask> tasks = new ArrayList<>();
        List<LakeMap> maps = variant.maps();
        for (int i = 0; i < maps.size(); i++) {
            tasks.add(new LakeTask("map" + i, variant.rules(maps.get(i), horizon, gamma)));
        }
        return LakeDistribution.of(name(), tasks);
    }
}
