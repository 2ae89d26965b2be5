package org.bomrl.mujoco.experiments;

import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.InvalidSettingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code environment.horizon}: the families' time limit, 0 for the variant's own; part of the fingerprint; bad values named. */
final class TimeLimitTest
{
    private static final int VARIANT_HORIZON = 200;
    private static final int CONTINUATION_LIMIT = 400;

    @BeforeEach
    void requireMujoco()
    {
        Experiments.assumeNative();
    }

    @Test
    void episodesAreTruncatedAtTheConfiguredTimeLimit()
    {
        assertThat(antTruncationStep(distribution("ant-dir", "0"))).isEqualTo(VARIANT_HORIZON);
        assertThat(antTruncationStep(distribution("ant-dir", Integer.toString(CONTINUATION_LIMIT)))).isEqualTo(CONTINUATION_LIMIT);
    }

    @Test
    void theTimeLimitIsPartOfTheFingerprint()
    {
        String standard = distribution("half-cheetah-vel", "0").fingerprint();
        assertThat(distribution("half-cheetah-vel", Integer.toString(VARIANT_HORIZON)).fingerprint()).as("the variant's own limit, spelled out").isEqualTo(standard);
        assertThat(distribution("half-cheetah-vel", Integer.toString(CONTINUATION_LIMIT)).fingerprint()).isNotEqualTo(standard);
    }

    @Test
    void aNegativeTimeLimitIsRejectedNamingTheKey()
    {
        assertThatThrownBy(() -> distribution("half-cheetah-dir", "-3"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("environment.horizon = -3")
                .hasMessageContaining("0 for the variant's own (200)");
    }

    /** The number of zero-action steps after which the episode of an Ant family's first test task ends (it never terminates: done is ignored in the bomrl variants). */
    private static int antTruncationStep(TaskDistribution<?, ?> distribution)
    {
        @SuppressWarnings("unchecked")
        Task<double[], double[]> task = (Task<double[], double[]>) distribution.testTasks().get(0);
        try (Environment<double[], double[]> environment = task.newEnvironment()) {
            environment.reset(1);
            double[] action = new double[8]; // the Ant's 8 motors
            for (int t = 1; ; t++) {
                Step<double[]> step = environment.step(action);
                if (step.done()) {
                    assertThat(step.truncated()).isTrue();
                    assertThat(step.terminated()).isFalse();
                    return t;
                }
            }
        }
    }

    private static TaskDistribution<?, ?> distribution(String family, String horizon)
    {
        return Experiments.distribution("env.mujoco." + family, horizon);
    }
}
