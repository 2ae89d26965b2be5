package org.bomrl.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * No-progress detection: a meta-training whose averaged hypergradient ‖h_t‖ (spec §3.2) was exactly
 * zero at every iteration never moved φ (e.g. λ so small or a step so large that the adapted policy
 * saturates), so its "trained" prior is the initial one. Read from the run's
 * {@code training-<method>.csv} files.
 */
public final class TrainingProgress
{
    private static final String PREFIX = "training-";
    private static final String SUFFIX = ".csv";
    private static final String COLUMN = "hypergradient_norm";

    private TrainingProgress() {}

    /** The methods of the run in {@code directory} whose hypergradient norm is exactly 0 in every row, sorted. */
    public static List<String> stalledMethods(Path directory)
    {
        List<String> stalled = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(TrainingProgress::isTrainingTable).sorted().toList()) {
                if (allZero(Files.readAllLines(file))) {
                    String name = file.getFileName().toString();
                    stalled.add(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the training tables of " + directory, e);
        }
        return stalled;
    }

    /** The one-line warning for {@code methods}. */
    public static String warning(List<String> methods)
    {
        return "warning: no progress: the hypergradient of " + String.join(", ", methods)
                + " was exactly zero at every meta-training iteration, so the trained prior is the initial one (check λ and the step sizes)";
    }

    private static boolean isTrainingTable(Path file)
    {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name.length() > PREFIX.length() + SUFFIX.length();
    }

    private static boolean allZero(List<String> lines)
    {
        if (lines.size() < 2) {
            return false;
        }
        int column = List.of(lines.get(0).split(",")).indexOf(COLUMN);
        if (column < 0) {
            return false;
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(",");
            if (values.length <= column || Double.parseDouble(values[column]) != 0.0) {
                return false;
            }
        }
        return true;
    }
}
