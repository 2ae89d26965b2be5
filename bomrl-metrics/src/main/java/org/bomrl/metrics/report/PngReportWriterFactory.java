package org.bomrl.metrics.report;

import org.bomrl.api.context.RunContext;
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.report.ReportWriterFactory;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code report.png}: the {@link PngReportWriter}, with the image size in pixels as settings
 * ({@code width}, default {@value PngReportWriter#WIDTH}; {@code height}, default
 * {@value PngReportWriter#HEIGHT}; each in [{@value PngReportWriter#MIN_SIDE},
 * {@value PngReportWriter#MAX_SIDE}]), set in an experiment file as
 * {@code report.report.png.width = 1200}.
 */
public final class PngReportWriterFactory
        implements ReportWriterFactory
{
    static final String WIDTH = "width";
    static final String HEIGHT = "height";

    @Override
    public String name()
    {
        return PngReportWriter.NAME;
    }

    @Override
    public String description()
    {
        return "one PNG image per figure (line and bar charts)";
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of(
                SettingSpec.of(WIDTH, SettingType.INTEGER, Integer.toString(PngReportWriter.WIDTH), "image width in pixels (" + PngReportWriter.MIN_SIDE + " to " + PngReportWriter.MAX_SIDE + ")"),
                SettingSpec.of(HEIGHT, SettingType.INTEGER, Integer.toString(PngReportWriter.HEIGHT), "image height in pixels (" + PngReportWriter.MIN_SIDE + " to " + PngReportWriter.MAX_SIDE + ")"));
    }

    @Override
    public ReportWriter create(Settings settings, RunContext context)
    {
        requireNonNull(settings, "settings is null");
        requireNonNull(context, "context is null");
        return new PngReportWriter(side(settings, WIDTH), side(settings, HEIGHT));
    }

    private static int side(Settings settings, String key)
    {
        int pixels = settings.getInt(key);
        if (pixels < PngReportWriter.MIN_SIDE || pixels > PngReportWriter.MAX_SIDE) {
            throw new InvalidSettingException(settings.scope() + "." + key + " = '" + pixels + "' (" + settings.source(key) + ") is invalid: expected "
                    + PngReportWriter.MIN_SIDE + " to " + PngReportWriter.MAX_SIDE + " pixels");
        }
        return pixels;
    }
}
