package org.bomrl.api.report;

import org.bomrl.api.Stable;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A figure of a run: a line chart (mean curves with ± bands) or a bar chart (one bar per
 * series at each x, whose tick labels are {@code categories}). {@code fileName} has no extension.
 * Horizontal reference lines (an optimum, a bound) are series whose {@code label} is listed in
 * {@code dashed}.
 */
@Stable(since = "0.1")
public record Figure(String fileName, String title, String xLabel, String yLabel, Kind kind, List<String> categories, List<Series> series, List<String> dashed)
{
    /** How the series are drawn. */
    public enum Kind
    {
        LINE,
        BAR
    }

    public Figure
    {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(title, "title is null");
        requireNonNull(xLabel, "xLabel is null");
        requireNonNull(yLabel, "yLabel is null");
        requireNonNull(kind, "kind is null");
        categories = List.copyOf(requireNonNull(categories, "categories is null"));
        series = List.copyOf(requireNonNull(series, "series is null"));
        dashed = List.copyOf(requireNonNull(dashed, "dashed is null"));
        if (!fileName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("figure file name must be letters, digits, '.', '_' or '-': " + fileName);
        }
    }
}
