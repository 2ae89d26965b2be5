package org.bomrl.metrics.report;

import org.bomrl.api.report.Band;
import org.bomrl.api.report.Figure;
import org.bomrl.api.report.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PngReportWriterTest
{
    private static final double[] STEPS = {0, 1, 2, 3, 4};

    @TempDir
    Path directory;

    @Test
    void rendersLineAndBarFiguresAsNonBlankPngsOfTheRightSize()
            throws IOException
    {
        List<Path> written = new PngReportWriter().write(List.of(lineFigure(), barFigure()), directory);

        assertThat(written).containsExactly(directory.resolve("return.png"), directory.resolve("gap.png"));
        for (Path file : written) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image).as("decoded %s", file).isNotNull();
            assertThat(image.getWidth()).isEqualTo(PngReportWriter.WIDTH);
            assertThat(image.getHeight()).isEqualTo(PngReportWriter.HEIGHT);
            assertThat(luminanceVariance(image)).as("pixel variance of %s", file).isGreaterThan(0.0);
        }
    }

    @Test
    void leavesNoTemporaryFilesAndReplacesAnEarlierRendering()
            throws IOException
    {
        PngReportWriter writer = new PngReportWriter();
        Files.writeString(directory.resolve("return.png"), "stale");
        Files.writeString(directory.resolve("other.txt"), "not ours");

        writer.write(List.of(lineFigure()), directory);

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("return.png", "other.txt");
        }
        assertThat(ImageIO.read(directory.resolve("return.png").toFile())).isNotNull();
        assertThat(Files.readString(directory.resolve("other.txt"))).isEqualTo("not ours");
    }

    @Test
    void drawsAnAsymmetricBandAroundItsSeries()
            throws IOException
    {
        Series curve = new Series("BO-MRL", STEPS, new double[] {0.2, 0.9, 1.2, 1.4, 1.5}, new double[5]);
        Figure plain = new Figure("plain", "Return", "step", "return", Figure.Kind.LINE, List.of(), List.of(curve), List.of());
        Figure banded = new Figure("banded", "Return", "step", "return", Figure.Kind.LINE, List.of(), List.of(curve), List.of(),
                List.of(new Band("BO-MRL", new double[] {0.0, 0.6, 1.0, 1.3, 1.45}, new double[] {0.5, 1.0, 1.3, 1.5, 1.6})));

        new PngReportWriter().write(List.of(plain, banded), directory);

        long plainTinted = tintedPixels(ImageIO.read(directory.resolve("plain.png").toFile()));
        long bandTinted = tintedPixels(ImageIO.read(directory.resolve("banded.png").toFile()));
        assertThat(bandTinted).as("coloured pixels with the band vs without").isGreaterThan(plainTinted + 1000);
        assertThatThrownBy(() -> new Figure("bad", "t", "x", "y", Figure.Kind.LINE, List.of(), List.of(curve), List.of(),
                List.of(new Band("other", new double[5], new double[5])))).hasMessageContaining("band names no series of figure bad: 'other'");
    }

    /** Pixels that are neither grey nor white (the band is a translucent tint of the series colour). */
    private static long tintedPixels(BufferedImage image)
    {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int red = (rgb >> 16) & 0xff;
                int blue = rgb & 0xff;
                if (blue - red > 20) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void rejectsDuplicateFileNamesBeforeWritingAnything()
            throws IOException
    {
        assertThatThrownBy(() -> new PngReportWriter().write(List.of(lineFigure(), lineFigure()), directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("return");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void rejectsAFigureWithoutDataPoints()
    {
        Figure empty = new Figure("empty", "Empty", "x", "y", Figure.Kind.LINE, List.of(), List.of(), List.of());

        assertThatThrownBy(() -> new PngReportWriter().write(List.of(empty), directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void shrinksALongTitleUntilItFitsTheWidthAndKeepsAShortOneAt18Points()
    {
        String title = "Return, high-variance-alg1 (mean over 5 training seeds, 95 % bootstrap CI)";
        Font full = new Font(Font.SANS_SERIF, Font.BOLD, 18);
        assertThat(PngReportWriter.textWidth(full, title)).as("the case must need shrinking").isGreaterThan(PngReportWriter.titleRoom(800));

        Font fitted = PngReportWriter.titleFont(title, PngReportWriter.titleRoom(800));

        assertThat(fitted.getSize()).isLessThan(18).isGreaterThanOrEqualTo(9);
        assertThat(PngReportWriter.textWidth(fitted, title)).isLessThanOrEqualTo(PngReportWriter.titleRoom(800));
        assertThat(PngReportWriter.textWidth(fitted.deriveFont((float) fitted.getSize() + 1), title)).as("the largest size that fits").isGreaterThan(PngReportWriter.titleRoom(800));
        assertThat(PngReportWriter.titleFont("Return", PngReportWriter.titleRoom(800)).getSize()).isEqualTo(18);
    }

    @Test
    void putsTheLegendInOneRowOnlyWhenItsEntriesFit()
    {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        List<String> three = List.of("BO-MRL Alg(1)", "Random init", "MAML (PG from prior)");
        List<String> eight = List.of("BO-MRL Alg(1)", "BO-MRL Alg(2)", "BO-MRL Alg(3)", "MAML", "MAML-TRPO", "MAML-TRPO (pytorch-maml-rl)", "ProMP", "E-MAML");

        assertThat(PngReportWriter.legendFitsOneRow(three, font, 800)).isTrue();
        assertThat(PngReportWriter.legendFitsOneRow(eight, font, 800)).isFalse();
        assertThat(PngReportWriter.legendFitsOneRow(eight, font, 4000)).isTrue();
    }

    @Test
    void isNamedReportPng()
    {
        assertThat(new PngReportWriter().name()).isEqualTo("report.png");
    }

    private static Figure lineFigure()
    {
        Series bomrl = new Series("BO-MRL Alg(1)", STEPS, new double[] {0.9, 1.3, 1.45, 1.5, 1.52}, new double[] {0.05, 0.04, 0.03, 0.02, 0.02});
        Series maml = new Series("MAML", STEPS, new double[] {0.9, 1.0, 1.1, 1.15, 1.2}, new double[] {0.05, 0.06, 0.05, 0.05, 0.04});
        Series optimum = new Series("optimum", STEPS, new double[] {1.6383, 1.6383, 1.6383, 1.6383, 1.6383}, new double[5]);
        return new Figure("return", "Return vs adaptation step", "adaptation step", "discounted return", Figure.Kind.LINE, List.of(),
                List.of(bomrl, maml, optimum), List.of("optimum"));
    }

    private static Figure barFigure()
    {
        double[] x = {0, 1, 2};
        Series gap = new Series("optimality gap", x, new double[] {0.7, 0.3, 0.5}, new double[] {0.02, 0.01, 0.02});
        Series bound = new Series("bound", x, new double[] {0.9, 0.9, 0.9}, new double[3]);
        return new Figure("gap", "Optimality gap", "", "gap", Figure.Kind.BAR, List.of("step 0", "Alg(1) step 1", "PG step 1"),
                List.of(gap, bound), List.of("bound"));
    }

    /** Variance of the pixel luminance. */
    private static double luminanceVariance(BufferedImage image)
    {
        double sum = 0;
        double sumSquares = 0;
        int n = image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                double luminance = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                sum += luminance;
                sumSquares += luminance * luminance;
            }
        }
        double mean = sum / n;
        return sumSquares / n - mean * mean;
    }
}
