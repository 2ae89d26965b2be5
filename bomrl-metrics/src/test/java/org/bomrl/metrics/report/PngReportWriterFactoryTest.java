package org.bomrl.metrics.report;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.report.Figure;
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.report.Series;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.MapSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code report.png} made from its settings: the image size in pixels, defaults 800×500, each side in [200, 10000]. */
class PngReportWriterFactoryTest
{
    private static final String SCOPE = "report.report.png";
    private static final RunContext CONTEXT = new RunContext(RandomSource.seeded(3), name -> {
        throw new InvalidSettingException("no distances here: " + name);
    });

    @TempDir
    Path directory;

    private final PngReportWriterFactory factory = new PngReportWriterFactory();

    @Test
    void theSizeSettingsSetTheImageSizeOfLineAndBarFigures()
            throws IOException
    {
        ReportWriter writer = factory.create(MapSettings.of(SCOPE, Map.of("width", "640", "height", "360"), factory.settings()), CONTEXT);

        List<Path> written = writer.write(List.of(figure("line", Figure.Kind.LINE), figure("bars", Figure.Kind.BAR)), directory);

        assertThat(writer.name()).isEqualTo("report.png");
        assertThat(written).hasSize(2);
        for (Path file : written) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).as("width of %s", file).isEqualTo(640);
            assertThat(image.getHeight()).as("height of %s", file).isEqualTo(360);
        }
    }

    @Test
    void withoutKeysTheImagesKeepTheirDefaultSize()
            throws IOException
    {
        ReportWriter writer = factory.create(MapSettings.of(SCOPE, Map.of(), factory.settings()), CONTEXT);

        BufferedImage image = ImageIO.read(writer.write(List.of(figure("line", Figure.Kind.LINE)), directory).get(0).toFile());

        assertThat(image.getWidth()).isEqualTo(PngReportWriter.WIDTH);
        assertThat(image.getHeight()).isEqualTo(PngReportWriter.HEIGHT);
    }

    @Test
    void theSmallestAllowedSizeStillRenders()
            throws IOException
    {
        ReportWriter writer = factory.create(MapSettings.of(SCOPE, Map.of("width", "200", "height", "200"), factory.settings()), CONTEXT);

        BufferedImage image = ImageIO.read(writer.write(List.of(figure("bars", Figure.Kind.BAR)), directory).get(0).toFile());

        assertThat(image.getWidth()).isEqualTo(PngReportWriter.MIN_SIDE);
        assertThat(image.getHeight()).isEqualTo(PngReportWriter.MIN_SIDE);
    }

    @Test
    void aSideOutsideTheRangeIsOneLineNamingTheKey()
    {
        assertThatThrownBy(() -> factory.create(MapSettings.of(SCOPE, Map.of("width", "199"), factory.settings()), CONTEXT))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("report.report.png.width = '199' (given) is invalid: expected 200 to 10000 pixels");
        assertThatThrownBy(() -> factory.create(MapSettings.of(SCOPE, Map.of("height", "10001"), factory.settings()), CONTEXT))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("report.report.png.height = '10001'");
        assertThatThrownBy(() -> new PngReportWriter(800, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("800×0 px");
    }

    private static Figure figure(String fileName, Figure.Kind kind)
    {
        double[] x = {0, 1, 2};
        return new Figure(fileName, "a figure", "step", "return", kind, List.of(), List.of(new Series("curve", x, new double[] {0.1, 0.4, 0.5}, new double[] {0, 0.05, 0.1})),
                List.of());
    }
}
