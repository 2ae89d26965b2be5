package org.bomrl.mujoco.locomotion;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Environment;
import org.bomrl.mujoco.bridge.MjSim;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gym v4 reset noise: qpos0 + U(−0.1, 0.1), qvel 0.1·N(0, 1), a function of the reset seed only.
 * Checked on Half-Cheetah, whose qpos0 is 0 and has no quaternion (mj_forward renormalises the Ant's).
 */
final class ResetNoiseTest
{
    private static final int RESETS = 2000;
    /** Allowed deviation of a sample moment from its expectation, in standard errors. */
    private static final double SIGMAS = 5;

    @BeforeEach
    void requireMujoco()
    {
        Families.assumeNative();
    }

    @Test
    void noiseHasGymsRangeAndMoments()
    {
        RandomSource seeds = RandomSource.seeded(17).derive("resets");
        try (Environment<double[], double[]> environment = ModelDimensionsTest.environment("env.mujoco.half-cheetah-vel", "bomrl")) {
            MjSim sim = ((LocomotionEnvironment) environment).simulation();
            double sumU = 0;
            double sumU2 = 0;
            double sumV = 0;
            double sumV2 = 0;
            for (int r = 0; r < RESETS; r++) {
                environment.reset(seeds.derive(r).seed());
                for (int i = 0; i < 9; i++) {
                    double u = sim.qpos(i);
                    assertThat(u).as("qpos noise").isBetween(-0.1, 0.1);
                    sumU += u;
                    sumU2 += u * u;
                }
                for (int i = 0; i < 9; i++) {
                    double v = sim.qvel(i);
                    sumV += v;
                    sumV2 += v * v;
                }
            }
            double nU = 9.0 * RESETS;
            double nV = 9.0 * RESETS;
            double varU = 0.2 * 0.2 / 12;
            double varV = 0.01;
            // standard errors: mean σ/√n; second moment √(Var X²/n) with Var U² = E U⁴ − (E U²)² = h⁴/5 − h⁴/9, Var (σZ)² = 2σ⁴
            assertThat(Math.abs(sumU / nU)).isLessThan(SIGMAS * Math.sqrt(varU / nU));
            assertThat(Math.abs(sumU2 / nU - varU)).isLessThan(SIGMAS * Math.sqrt((Math.pow(0.1, 4) / 5 - Math.pow(0.1, 4) / 9) / nU));
            assertThat(Math.abs(sumV / nV)).isLessThan(SIGMAS * Math.sqrt(varV / nV));
            assertThat(Math.abs(sumV2 / nV - varV)).isLessThan(SIGMAS * Math.sqrt(2 * varV * varV / nV));
        }
    }

    @Test
    void equalSeedsGiveEqualStatesAndOtherSeedsDiffer()
    {
        try (Environment<double[], double[]> first = ModelDimensionsTest.environment("env.mujoco.half-cheetah-vel", "bomrl");
                Environment<double[], double[]> second = ModelDimensionsTest.environment("env.mujoco.half-cheetah-vel", "bomrl")) {
            assertThat(second.reset(42)).containsExactly(first.reset(42));
            double[] action = {0.5, -0.5, 0.25, -0.25, 1, -1};
            for (int t = 0; t < 50; t++) {
                assertThat(second.step(action).observation()).containsExactly(first.step(action).observation());
            }
            assertThat(second.reset(43)).isNotEqualTo(first.reset(42));
        }
    }
}
