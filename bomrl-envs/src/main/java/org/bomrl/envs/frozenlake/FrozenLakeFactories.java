package org.bomrl.envs.frozenlake;

import org.bomrl.api.env.EnvironmentFactory;

import java.util.List;

/** The Frozen Lake factories: {@code env.frozenlake} and the paper's two distributions. */
public final class FrozenLakeFactories
{
    private FrozenLakeFactories() {}

    /** New instances of every Frozen Lake factory. */
    public static List<EnvironmentFactory> all()
    {
        return List.of(
                new FrozenLakeFactory(),
                new PaperFrozenLakeFactory(PaperVariant.HIGH_VARIANCE),
                new PaperFrozenLakeFactory(PaperVariant.LOW_VARIANCE));
    }
}
