package org.bomrl.metrics.report;

import org.bomrl.api.report.Figure;
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.report.Series;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Renders each {@link Figure} to {@code <fileName>.png} (width × height pixels, by default
 * {@value #WIDTH}×{@value #HEIGHT}; see {@link PngReportWriterFactory}) with XChart, headless.
 * <ul>
 *   <li>{@link Figure.Kind#LINE}: an XY chart with one curve per series (mean, with markers) and,
 *       where the spread is non-zero, a translucent band mean ± spread drawn as a filled polygon
 *       under the curve, or the figure's asymmetric {@link org.bomrl.api.report.Band} [lower, upper]
 *       where one names the series (e.g. a confidence interval over training seeds); series listed in {@link Figure#dashed()} are dashed lines without
 *       markers or bands.</li>
 *   <li>{@link Figure.Kind#BAR}: a category chart whose categories are the distinct x values of
 *       all series in increasing order, labelled by {@link Figure#categories()} when it has one
 *       label per category and by the x values otherwise; one bar group per series with ± spread
 *       error bars (bands are not drawn on bar charts); dashed series are drawn as dashed lines over the bars. (XChart reserves a slot
 *       per series, lines included, inside each category; with a single bar series the bar is
 *       centred on its tick, with several the groups are shifted by the line slots.)</li>
 * </ul>
 * Each file is written atomically: to a temporary file in the same directory, then moved over the
 * target with {@code ATOMIC_MOVE}. Stateless and thread-safe.
 */
public final class PngReportWriter
        implements ReportWriter
{
    public static final String NAME = "report.png";
    /** Default image width in pixels. */
    public static final int WIDTH = 800;
    /** Default image height in pixels. */
    public static final int HEIGHT = 500;
    /** Pixels kept free on each side of the title and the legend. */
    private static final int TEXT_MARGIN = 12;
    /** Pixels left of the plot area (y-axis title and tick labels), about what the axis of a return figure takes. */
    private static final int PLOT_LEFT_INSET = 80;
    /** The title's font shrinks down to this size to fit the width (a longer title is cut, as before). */
    private static final int SMALLEST_TITLE_POINTS = 9;
    /** Pixels a legend entry takes besides its text (marker, line sample and spacing). */
    private static final int LEGEND_ENTRY_PADDING = 50;
    /** Smallest image side in pixels (room for the title, axes and legend). */
    public static final int MIN_SIDE = 200;
    /** Largest image side in pixels (one image stays within a few hundred MB of pixels). */
    public static final int MAX_SIDE = 10_000;

    /** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. */
    private static final Color[] PALETTE = {
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
    private static final int BAND_ALPHA = 60;
    private static final float LINE_WIDTH = 2.0f;
    private static final BasicStroke DASHED = new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f);
    /** Fraction of a category's width a lone bar takes. */
    private static final double SINGLE_BAR_FILL = 0.55;
    /** Fraction of a category's width a group of bars takes. */
    private static final double GROUP_FILL = 0.8;
    private static final String BAND_SUFFIX = " ± spread";

    private final int width;
    private final int height;

    /** A writer of {@value #WIDTH}×{@value #HEIGHT} px images. */
    public PngReportWriter()
    {
        this(WIDTH, HEIGHT);
    }

    /**
     * A writer of {@code width}×{@code height} px images.
     *
     * @throws IllegalArgumentException if a side is outside [{@value #MIN_SIDE}, {@value #MAX_SIDE}]
     */
    public PngReportWriter(int width, int height)
    {
        if (width < MIN_SIDE || width > MAX_SIDE || height < MIN_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("image size " + width + "×" + height + " px is invalid: each side must be " + MIN_SIDE + " to " + MAX_SIDE);
        }
        this.width = width;
        this.height = height;
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    @Override
    public String name()
    {
        return NAME;
    }

    /**
     * @throws IllegalArgumentException if two figures share a file name, or a figure has no data points
     * @throws IOException if a file cannot be written; the target is then left as it was
     */
    @Override
    public List<Path> write(List<Figure> figures, Path directory)
            throws IOException
    {
        requireNonNull(figures, "figures is null");
        requireNonNull(directory, "directory is null");
        Set<String> names = new HashSet<>();
        for (Figure figure : figures) {
            if (!names.add(figure.fileName())) {
                throw new IllegalArgumentException("two figures are named '" + figure.fileName() + "'");
            }
            if (figure.series().stream().allMatch(series -> series.x().length == 0)) {
                throw new IllegalArgumentException("figure '" + figure.fileName() + "' has no data points");
            }
        }
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (Figure figure : figures) {
            Chart<?, ?> chart = figure.kind() == Figure.Kind.LINE ? lineChart(figure, width, height) : barChart(figure, width, height);
            written.add(writeAtomically(chart, directory.resolve(figure.fileName() + ".png")));
        }
        return List.copyOf(written);
    }

    private static XYChart lineChart(Figure figure, int width, int height)
    {
        XYChart chart = new XYChart(width, height);
        style(chart, figure);
        int index = 0;
        for (Series series : figure.series()) {
            if (series.x().length == 0) {
                continue;
            }
            Color color = PALETTE[index++ % PALETTE.length];
            boolean dashed = figure.dashed().contains(series.label());
            java.util.Optional<org.bomrl.api.report.Band> interval = figure.bands().stream().filter(candidate -> candidate.series().equals(series.label())).findFirst();
            if (!dashed && (interval.isPresent() || hasSpread(series))) {
                double[] outline = interval.map(value -> outline(value.upper(), value.lower())).orElseGet(() -> bandY(series));
                XYSeries band = chart.addSeries(series.label() + BAND_SUFFIX, bandX(series), outline);
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), BAND_ALPHA));
                band.setLineColor(new Color(0, 0, 0, 0));
                band.setMarker(SeriesMarkers.NONE);
                band.setShowInLegend(false);
            }
            XYSeries curve = chart.addSeries(series.label(), series.x(), series.mean());
            curve.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            curve.setLineColor(color);
            curve.setMarkerColor(color);
            curve.setLineWidth(LINE_WIDTH);
            if (dashed) {
                curve.setLineStyle(DASHED);
                curve.setMarker(SeriesMarkers.NONE);
            }
            else {
                curve.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return chart;
    }

    private static CategoryChart barChart(Figure figure, int width, int height)
    {
        CategoryChart chart = new CategoryChart(width, height);
        style(chart, figure);
        // XChart gives every series, lines included, a slot within a category; with a single bar
        // series overlapping keeps the bar centred on its tick and the lines run across it
        long barSeries = figure.series().stream().filter(series -> series.x().length > 0 && !figure.dashed().contains(series.label())).count();
        chart.getStyler().setOverlapped(barSeries <= 1);
        chart.getStyler().setAvailableSpaceFill(barSeries <= 1 ? SINGLE_BAR_FILL : GROUP_FILL);
        List<Double> positions = new ArrayList<>(new TreeSet<>(allX(figure)));
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < positions.size(); k++) {
            labels.add(figure.categories().size() == positions.size() ? figure.categories().get(k) : format(positions.get(k)));
        }
        int index = 0;
        for (Series series : figure.series()) {
            if (series.x().length == 0) {
                continue;
            }
            Color color = PALETTE[index++ % PALETTE.length];
            boolean dashed = figure.dashed().contains(series.label());
            List<Double> means = new ArrayList<>();
            List<Double> spreads = new ArrayList<>();
            double[] x = series.x();
            for (double position : positions) {
                int at = indexOf(x, position);
                means.add(at < 0 ? null : series.mean()[at]);
                spreads.add(at < 0 ? 0.0 : series.spread()[at]);
            }
            CategorySeries bars = !dashed && hasSpread(series)
                    ? chart.addSeries(series.label(), labels, means, spreads)
                    : chart.addSeries(series.label(), labels, means);
            bars.setFillColor(color);
            bars.setLineColor(color);
            bars.setMarkerColor(color);
            if (dashed) {
                bars.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
                bars.setLineStyle(DASHED);
                bars.setLineWidth(LINE_WIDTH);
                bars.setMarker(SeriesMarkers.NONE);
                bars.setOverlapped(true);
            }
            else {
                bars.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Bar);
            }
        }
        return chart;
    }

    /**
     * Fonts, colours and the legend: one row below the plot when its entries fit the width, else one
     * entry per line right of the plot. The title's font shrinks (from 18 pt down to
     * {@value #SMALLEST_TITLE_POINTS} pt) until the title fits over the plot.
     */
    private static void style(Chart<? extends AxesChartStyler, ?> chart, Figure figure)
    {
        chart.setTitle(figure.title());
        chart.setXAxisTitle(figure.xLabel());
        chart.setYAxisTitle(figure.yLabel());
        AxesChartStyler styler = chart.getStyler();
        Font legend = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        List<String> labels = figure.series().stream().map(Series::label).toList();
        boolean oneRow = legendFitsOneRow(labels, legend, chart.getWidth());
        styler.setLegendPosition(oneRow ? Styler.LegendPosition.OutsideS : Styler.LegendPosition.OutsideE);
        styler.setLegendLayout(oneRow ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);
        styler.setLegendFont(legend);
        styler.setChartTitleFont(titleFont(figure.title(), titleRoom(chart.getWidth()) - (oneRow ? 0 : widestEntry(labels, legend))));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xDDDDDD));
        styler.setLegendBorderColor(new Color(0xBBBBBB));
        styler.setAntiAlias(true);
    }

    /** The bold title font: 18 pt, or the largest size down to {@value #SMALLEST_TITLE_POINTS} pt at which {@code title} fits {@code room} pixels. */
    static Font titleFont(String title, int room)
    {
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 18);
        while (font.getSize() > SMALLEST_TITLE_POINTS && textWidth(font, title) > room) {
            font = font.deriveFont((float) font.getSize() - 1);
        }
        return font;
    }

    /** Pixels the title may take over a plot with the legend below: it is centred over the plot, which starts right of the y axis's labels. */
    static int titleRoom(int width)
    {
        return width - 2 * TEXT_MARGIN - PLOT_LEFT_INSET;
    }

    /** Whether the legend entries {@code labels} (each with its marker) fit one row of {@code width}. */
    static boolean legendFitsOneRow(List<String> labels, Font font, int width)
    {
        int total = 0;
        for (String label : labels) {
            total += textWidth(font, label) + LEGEND_ENTRY_PADDING;
        }
        return total <= width - 2 * TEXT_MARGIN;
    }

    /** Pixels the widest legend entry takes (a legend right of the plot narrows the plot by this much). */
    private static int widestEntry(List<String> labels, Font font)
    {
        return labels.stream().mapToInt(label -> textWidth(font, label) + LEGEND_ENTRY_PADDING).max().orElse(0);
    }

    /** Width in pixels of {@code text} drawn in {@code font}. */
    static int textWidth(Font font, String text)
    {
        java.awt.image.BufferedImage scratch = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = scratch.createGraphics();
        try {
            graphics.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            return (int) Math.ceil(font.getStringBounds(text, graphics.getFontRenderContext()).getWidth());
        }
        finally {
            graphics.dispose();
        }
    }

    private static Path writeAtomically(Chart<?, ?> chart, Path target)
            throws IOException
    {
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            return target;
        }
        finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private static boolean hasSpread(Series series)
    {
        for (double spread : series.spread()) {
            if (spread != 0) {
                return true;
            }
        }
        return false;
    }

    /** x forward then backward: the outline of the band. */
    private static double[] bandX(Series series)
    {
        double[] x = series.x();
        int n = x.length;
        double[] outline = new double[2 * n];
        for (int i = 0; i < n; i++) {
            outline[i] = x[i];
            outline[2 * n - 1 - i] = x[i];
        }
        return outline;
    }

    /** mean + spread forward, then mean − spread backward. */
    private static double[] bandY(Series series)
    {
        double[] mean = series.mean();
        double[] spread = series.spread();
        double[] upper = new double[mean.length];
        double[] lower = new double[mean.length];
        for (int i = 0; i < mean.length; i++) {
            upper[i] = mean[i] + spread[i];
            lower[i] = mean[i] - spread[i];
        }
        return outline(upper, lower);
    }

    /** upper forward, then lower backward. */
    private static double[] outline(double[] upper, double[] lower)
    {
        int n = upper.length;
        double[] outline = new double[2 * n];
        for (int i = 0; i < n; i++) {
            outline[i] = upper[i];
            outline[2 * n - 1 - i] = lower[i];
        }
        return outline;
    }

    private static List<Double> allX(Figure figure)
    {
        List<Double> x = new ArrayList<>();
        for (Series series : figure.series()) {
            for (double value : series.x()) {
                x.add(value);
            }
        }
        return x;
    }

    private static int indexOf(double[] x, double value)
    {
        for (int i = 0; i < x.length; i++) {
            if (Double.compare(x[i], value) == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String format(double x)
    {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    @Override
    public String toString()
    {
        return NAME;
    }
}
