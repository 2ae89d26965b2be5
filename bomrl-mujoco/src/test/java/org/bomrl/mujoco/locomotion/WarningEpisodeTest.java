package org.bomrl.mujoco.locomotion;

import org.bomrl.api.env.Environment;
import org.bomrl.api.env.EpisodeValidity;
import org.bomrl.api.env.Step;
import org.bomrl.mujoco.bridge.MjSim;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A MuJoCo warning marks the episode invalid and ends it; a reset makes the next episode valid. */
final class WarningEpisodeTest
{
    /** Above MuJoCo's 10¹⁰ limit for qvel, so the next step raises the bad-qvel warning. */
    private static final double HUGE_VELOCITY = 1e11;

    @BeforeEach
    void requireMujoco()
    {
        Families.assumeNative();
    }

    @Test
    void warningInvalidatesAndTruncatesTheEpisode()
    {
        try (Environment<double[], double[]> environment = ModelDimensionsTest.environment("env.mujoco.half-cheetah-vel", "bomrl")) {
            EpisodeValidity validity = (EpisodeValidity) environment;
            environment.reset(1);
            double[] action = new double[6];
            assertThat(environment.step(action).truncated()).isFalse();
            assertThat(validity.episodeInvalid()).isFalse();
            assertThat(validity.invalidReason()).isEmpty();

            MjSim sim = ((LocomotionEnvironment) environment).simulation();
            double[] qvel = new double[9];
            qvel[0] = HUGE_VELOCITY;
            sim.reset(null, qvel);
            Step<double[]> step = environment.step(action);
            assertThat(step.truncated()).as("the episode is cut at the warning").isTrue();
            assertThat(step.terminated()).isFalse();
            assertThat(validity.episodeInvalid()).isTrue();
            assertThat(validity.invalidReason()).contains("QVEL");

            environment.reset(2);
            assertThat(validity.episodeInvalid()).as("a new episode is valid").isFalse();
            assertThat(environment.step(action).truncated()).isFalse();
        }
    }
}
