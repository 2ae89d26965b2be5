package org.bomrl.core.experiment;

import org.bomrl.core.config.ExperimentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped example listed in {@code regression/examples.txt} still produces byte-identical
 * result files (CSV tables, summary.json, trained priors) to the ones recorded in
 * {@code regression/baseline.sha256} by {@code regression/make-baseline.sh} before the loop was
 * made generic. A failure lists each file whose bytes changed.
 */
final class RegressionGuardTest
{
    private static final Path REGRESSION = Path.of("src", "test", "resources", "regression");
    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void everyExampleKeepsByteIdenticalResults(@TempDir Path out)
            throws IOException
    {
        Map<String, String> expected = new TreeMap<>();
        for (String line : Files.readAllLines(REGRESSION.resolve("baseline.sha256"))) {
            String[] parts = line.trim().split("\\s+", 2);
            expected.put(parts[1], parts[0]);
        }
        ExperimentRunner runner = TestRuns.runner();
        for (String example : Files.readAllLines(REGRESSION.resolve("examples.txt"))) {
            if (example.isBlank() || example.startsWith("#")) {
                continue;
            }
            String name = example.replace(".properties", "").replace('/', '-');
            runner.run(ExperimentConfiguration.load(EXAMPLES.resolve(example), Map.of()), out.resolve(name), TestRuns.QUIET, (row, checkpoint) -> {});
        }
        Map<String, String> actual = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = out.relativize(file).toString().replace('\\', '/');
                if (relative.endsWith(".csv") || relative.endsWith("/summary.json")) {
                    actual.put(relative, sha256(file));
                }
            }
        }
        assertThat(actual.keySet()).as("result files written").containsExactlyElementsOf(expected.keySet());
        List<String> changed = expected.keySet().stream().filter(file -> !expected.get(file).equals(actual.get(file))).toList();
        assertThat(changed).as("result files whose bytes differ from the recorded baseline").isEmpty();
    }

    private static String sha256(Path file)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
