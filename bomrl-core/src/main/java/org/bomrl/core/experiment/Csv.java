package org.bomrl.core.experiment;

import java.util.List;

/** A CSV table built in memory: a header, then rows of values formatted with {@link Double#toString}. */
final class Csv
{
    private final StringBuilder text = new StringBuilder();
    private final int columns;

    Csv(List<String> header)
    {
        columns = header.size();
        text.append(String.join(",", header)).append('\n');
    }

    Csv row(Object... values)
    {
        if (values.length != columns) {
            throw new IllegalArgumentException("CSV row has " + values.length + " values for " + columns + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ",").append(format(values[i]));
        }
        text.append('\n');
        return this;
    }

    private static String format(Object value)
    {
        String string = String.valueOf(value);
        return string.contains(",") || string.contains("\"") ? "\"" + string.replace("\"", "\"\"") + "\"" : string;
    }

    @Override
    public String toString()
    {
        return text.toString();
    }
}
