package org.bomrl.example;

import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.Fingerprint;
import org.bomrl.api.env.FixedTaskDistribution;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

import java.util.List;

/**
 * {@code env.example.bandit}: two one-state tasks with two arms; task {@code left} pays
 * {@code reward} for arm 0, task {@code right} for arm 1; episodes of {@code horizon} pulls
 * (0: an infinite-horizon discounted task).
 */
final class BanditFactory
        implements EnvironmentFactory
{
    @Override
    public String name()
    {
        return "env.example.bandit";
    }

    @Override
    public String description()
    {
        return "two-armed bandit tasks (example third-party plugin)";
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of(
                SettingSpec.of("reward", SettingType.DOUBLE, "1.0", "reward of the task's good arm"),
                SettingSpec.of("horizon", SettingType.INTEGER, "5", "pulls per episode (0: infinite horizon, episodes never end)"),
                SettingSpec.of("gamma", SettingType.DOUBLE, "0.9", "discount"));
    }

    @Override
    public TaskDistribution<?, ?> create(Settings settings, RunContext context)
    {
        int horizon = settings.getInt("horizon");
        if (horizon < 0) {
            throw new InvalidSettingException(settings.scope() + ".horizon = " + horizon + " is invalid: expected 0 (infinite) or a positive integer");
        }
        double reward = settings.getDouble("reward");
        double gamma = settings.getDouble("gamma");
        return FixedTaskDistribution.of(List.of(new BanditTask("left", 0, reward, horizon, gamma), new BanditTask("right", 1, reward, horizon, gamma)),
                Fingerprint.of(name(), reward, horizon, gamma, "v1"));
    }
}
