package org.bomrl.core.experiment;

import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.core.config.ExperimentConfiguration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped example is a valid experiment; the paper's meta-policy tables load as priors. */
final class ExamplesTest
{
    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void everyExampleFileIsValid()
            throws IOException
    {
        ExperimentRunner runner = TestRuns.runner();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(EXAMPLES)) {
            // the MuJoCo examples need bomrl-mujoco, whose own tests check and run them
            files = walk.filter(file -> file.toString().endsWith(".properties") && !file.startsWith(EXAMPLES.resolve("mujoco"))).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        for (Path file : files) {
            Map<String, String> effective = runner.check(ExperimentConfiguration.load(file, Map.of()));
            assertThat(effective).as(file.toString()).containsKey("experiment.type");
        }
    }

    @Test
    void paperMetaPolicyTablesLoadAsPriors()
    {
        // first row of training_meta_theta_1 in spec §5a
        TabularSoftmaxPolicy highAlg1 = PriorFile.read(EXAMPLES.resolve("priors/paper-high-variance-alg1.csv"), 16, 4);
        assertThat(new double[] {highAlg1.logit(0, 0), highAlg1.logit(0, 1), highAlg1.logit(0, 2), highAlg1.logit(0, 3)}).containsExactly(-1.7254, 2.4021, 0.8041, -1.7259);
        // goal state of training_meta_theta_no_hole_2 is all zeros; its state 14 moves right
        TabularSoftmaxPolicy lowAlg2 = PriorFile.read(EXAMPLES.resolve("priors/paper-low-variance-alg2.csv"), 16, 4);
        assertThat(lowAlg2.probability(15, 0)).isEqualTo(0.25);
        assertThat(lowAlg2.probability(14, 2)).isGreaterThan(0.95);
        for (String name : List.of("high-variance-alg2", "low-variance-alg1")) {
            assertThat(PriorFile.read(EXAMPLES.resolve("priors/paper-" + name + ".csv"), 16, 4).states()).isEqualTo(16);
        }
    }

    @Test
    void priorTableRoundTripsExactly()
    {
        TabularSoftmaxPolicy policy = TabularSoftmaxPolicy.of(2, 3, new double[] {0.1, -1e-17, 3.141592653589793, 1e300, -2.5, 0});
        Path file = EXAMPLES.getParent().resolve("bomrl-core/target/prior-roundtrip.csv");
        try {
            Files.writeString(file, PriorFile.format(policy));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(PriorFile.read(file, 2, 3).logits()).containsExactly(policy.logits());
    }
}
