package org.bomrl.api.report;

import org.bomrl.api.Stable;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A figure of a run: a line chart (mean curves with ± bands) or a bar chart (one bar per
 * series at each x, whose tick labels are {@code categories}). {@code fileName} has no extension.
 * Horizontal reference lines (an optimum, a bound) are series whose {@code label} is listed in
 * {@code dashed}. {@code bands} are optional asymmetric bands (e.g. confidence intervals) drawn
 * around the series they name, in place of the series' ± spread.
 */
@Stable(since = "0.1")
public record Figure(String fileName, String title, String xLabel, String yLabel, Kind kind, List<String> categories, List<Series> series, List<String> dashed, List<Band> bands)
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
        bands = List.copyOf(requireNonNull(bands, "bands is null"));
        for (Band band : bands) {
            Series named = series.stream().filter(candidate -> candidate.label().equals(band.series())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("band names no series of figure " + fileName + ": '" + band.series() + "'"));
            if (named.x().length != band.lower().length) {
                throw new IllegalArgumentException("band of '" + band.series() + "' has " + band.lower().length + " points, its series " + named.x().length);
            }
        }
        if (!fileName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("figure file name must be letters, digits, '.', '_' or '-': " + fileName);
        }
    }

    /** A figure without asymmetric bands. */
    public Figure(String fileName, String title, String xLabel, String yLabel, Kind kind, List<String> categories, List<Series> series, List<String> dashed)
    {
        this(fileName, title, xLabel, yLabel, kind, categories, series, dashed, List.of());
    }
}
