package org.bomrl.core.experiment;

import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.api.settings.InvalidSettingException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tabular meta-policy as a text table: one line per state with its |A| logits separated by
 * commas or blanks; blank lines and lines starting with {@code #} are ignored.
 */
public final class PriorFile
{
    private PriorFile() {}

    public static TabularSoftmaxPolicy read(Path path, int states, int actions)
    {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new InvalidSettingException(path + ": cannot read prior table: " + e.getMessage());
        }
        List<double[]> rows = new ArrayList<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("[,\\s]+");
            if (fields.length != actions) {
                throw new InvalidSettingException(path + ":" + number + ": expected " + actions + " logits, found " + fields.length);
            }
            double[] row = new double[actions];
            for (int a = 0; a < actions; a++) {
                try {
                    row[a] = Double.parseDouble(fields[a]);
                }
                catch (NumberFormatException e) {
                    throw new InvalidSettingException(path + ":" + number + ": '" + fields[a] + "' is not a number");
                }
            }
            rows.add(row);
        }
        if (rows.size() != states) {
            throw new InvalidSettingException(path + ": expected " + states + " state rows, found " + rows.size());
        }
        double[] logits = new double[states * actions];
        for (int s = 0; s < states; s++) {
            System.arraycopy(rows.get(s), 0, logits, s * actions, actions);
        }
        return TabularSoftmaxPolicy.of(states, actions, logits);
    }

    /** The table text of {@code policy}'s logits, readable by {@link #read}. */
    public static String format(TabularSoftmaxPolicy policy)
    {
        StringBuilder text = new StringBuilder("# tabular softmax logits: one row per state, one column per action\n");
        for (int s = 0; s < policy.states(); s++) {
            for (int a = 0; a < policy.actions(); a++) {
                text.append(a == 0 ? "" : ", ").append(policy.logit(s, a));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
