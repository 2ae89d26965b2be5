package org.bomrl.envs.frozenlake;

import io.vavr.control.Option;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.tck.EnvironmentContract;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exact-model check of {@link EnvironmentContract} catches environments that disagree with
 * their model: tasks whose environment follows one set of rules and whose model another.
 */
final class EnvironmentContractSelfTest
{
    private static final LakeMap MAP = GymnasiumMaps.FOUR_BY_FOUR;
    private static final int HORIZON = 100;
    private static final double GAMMA = 0.95;

    private static LakeRules gymnasium(boolean slippery, double successRate, RewardSchedule rewards, int horizon)
    {
        return new LakeRules(MAP, MAP, slippery, successRate, rewards, Ending.TERMINATE, horizon, GAMMA);
    }

    /** A task whose environment follows {@code environment} and whose model is built from {@code model}. */
    private record Mismatched(LakeRules environment, LakeRules model)
            implements Task<Integer, Integer>
    {
        @Override
        public String id()
        {
            return "mismatched";
        }

        @Override
        public Environment<Integer, Integer> newEnvironment()
        {
            return new LakeEnvironment(environment);
        }

        @Override
        public Option<TabularMdp> exactModel()
        {
            return Option.some(model.model());
        }
    }

    private static void assertContractFails(LakeRules environment, LakeRules model, String... fragments)
    {
        Task<Integer, Integer> task = new Mismatched(environment, model);
        EnvironmentContract<Integer, Integer> contract = new EnvironmentContract<>()
        {
            @Override
            protected TaskDistribution<Integer, Integer> distribution()
            {
                return new TaskDistribution<>()
                {
                    @Override
                    public List<Task<Integer, Integer>> trainTasks()
                    {
                        return List.of(task);
                    }

                    @Override
                    public List<Task<Integer, Integer>> testTasks()
                    {
                        return List.of(task);
                    }

                    @Override
                    public String fingerprint()
                    {
                        return "mismatched";
                    }
                };
            }
        };
        assertThatThrownBy(contract::exactModelMatchesTheEnvironment).isInstanceOf(AssertionError.class).hasMessageContainingAll(fragments);
    }

    @Test
    void wrongSlipProbabilitiesAreCaught()
    {
        assertContractFails(gymnasium(true, 1.0 / 3.0, RewardSchedule.GYMNASIUM, HORIZON), gymnasium(true, 0.6, RewardSchedule.GYMNASIUM, HORIZON),
                "|frequency − P|");
    }

    @Test
    void transitionsTheModelForbidsAreCaught()
    {
        assertContractFails(gymnasium(true, 1.0 / 3.0, RewardSchedule.GYMNASIUM, HORIZON), gymnasium(false, 1, RewardSchedule.GYMNASIUM, HORIZON),
                "probability 0 in the model");
    }

    @Test
    void wrongRewardsAreCaught()
    {
        assertContractFails(gymnasium(false, 1, RewardSchedule.GYMNASIUM, HORIZON), gymnasium(false, 1, new RewardSchedule(1, 0, 0.5), HORIZON),
                "reward 0.0 on (s=0");
    }

    @Test
    void wrongHorizonIsCaught()
    {
        assertContractFails(gymnasium(false, 1, RewardSchedule.GYMNASIUM, HORIZON - 1), gymnasium(false, 1, RewardSchedule.GYMNASIUM, HORIZON),
                "truncated exactly at the horizon");
    }

    @Test
    void terminalStatesThatTheModelDoesNotAbsorbWithZeroRewardAreCaught()
    {
        LakeRules absorbing = new LakeRules(MAP, MAP, false, 1, RewardSchedule.GYMNASIUM, Ending.ABSORB, HORIZON, GAMMA);
        assertContractFails(gymnasium(false, 1, RewardSchedule.GYMNASIUM, HORIZON), absorbing, "terminates in state 15");
    }
}
