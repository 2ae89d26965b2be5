package org.bomrl.core.experiment;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.core.config.ExperimentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every experiment kind is one immutable plan read before anything runs: a suite's plan holds its
 * members' plans (with the suite's keys handed on), a seeds plan one plan per training seed (with
 * {@code experiment.seed = s} and the {@code seeds.member.*} settings), each single plan with its own
 * record of created components; the execution backend comes from the injector's bindings.
 */
final class ExperimentPlanTest
{
    private static final String TINY = String.join("\n",
            "experiment.type = meta-learning", "experiment.report_writers =", "environment = env.example.bandit", "estimation.episodes = 20",
            "meta_train.iterations = 4", "meta_train.tasks_per_iteration = 2", "meta_test.rounds = 1", "meta_test.repetitions = 2", "methods = pg",
            "method.pg.adaptation = adapt.pg", "method.pg.adaptation.step_size = 5", "");

    @TempDir
    Path directory;

    @Test
    void aSuitePlanHoldsItsMembersPlansWithTheSuitesKeysHandedOn()
            throws IOException
    {
        write("a.properties", TINY);
        write("b.properties", TINY.replace("experiment.type = meta-learning", "experiment.type = evaluate").replaceAll("(?m)^(estimation|meta_|method).*\n", ""));
        Path suite = write("s.properties", "experiment.type = suite\nexperiment.name = both\nsuite.experiments = a.properties, b.properties\nexperiment.seed = 7\n");

        ExperimentPlan plan = TestRuns.planner().plan(ExperimentConfiguration.load(suite, Map.of()));

        assertThat(plan).isInstanceOf(ExperimentPlan.Suite.class);
        ExperimentPlan.Suite planned = (ExperimentPlan.Suite) plan;
        assertThat(planned.source().name()).isEqualTo("both");
        assertThat(planned.members()).extracting(ExperimentPlan.Suite.Member::name).containsExactly("a", "b");
        assertThat(planned.members().get(0).plan()).isInstanceOf(ExperimentPlan.MetaLearning.class);
        assertThat(planned.members().get(1).plan()).isInstanceOf(ExperimentPlan.Evaluate.class);
        assertThat(planned.members()).allSatisfy(member -> {
            assertThat(member.plan().common().settings().seed()).isEqualTo(7);
            assertThat(member.plan().source().effective()).containsEntry("experiment.seed", "7");
        });
        assertThat(planned.members().get(0).plan().common().components()).isNotSameAs(planned.members().get(1).plan().common().components());
    }

    @Test
    void aSeedsPlanHoldsOnePlanPerTrainingSeedInOrder()
            throws IOException
    {
        write("m.properties", TINY);
        Path seeds = write("seeds.properties", String.join("\n", "experiment.type = seeds", "seeds.experiment = m.properties", "seeds.training_seeds = 5, 3, 11",
                "seeds.member.meta_test.repetitions = 3", ""));

        ExperimentPlan.Seeds plan = (ExperimentPlan.Seeds) TestRuns.planner().plan(ExperimentConfiguration.load(seeds, Map.of()));

        assertThat(plan.runs()).extracting(ExperimentPlan.Seeds.SeedRun::seed).containsExactly(5L, 3L, 11L);
        for (ExperimentPlan.Seeds.SeedRun run : plan.runs()) {
            ExperimentPlan.MetaLearning member = (ExperimentPlan.MetaLearning) run.plan();
            assertThat(member.common().settings().seed()).isEqualTo(run.seed());
            assertThat(member.test().repetitions()).isEqualTo(3);
        }
        assertThat(plan.source().effective()).containsEntry("seeds.training_seeds", "5, 3, 11");
    }

    @Test
    void theExecutionBackendComesFromTheInjectorsBindings()
            throws IOException
    {
        ExperimentPlan.MetaLearning plan = (ExperimentPlan.MetaLearning) TestRuns.planner().plan(ExperimentConfiguration.load(write("e.properties", TINY), Map.of()));
        assertThat(plan.backend().name()).isEqualTo("local");

        Path unknown = write("f.properties", TINY + "execution.backend = grid\n");
        assertThatThrownBy(() -> TestRuns.planner().plan(ExperimentConfiguration.load(unknown, Map.of())))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("execution.backend = 'grid' is not an available execution backend; valid: local");
    }

    private Path write(String name, String text)
            throws IOException
    {
        return Files.writeString(directory.resolve(name), text);
    }
}
