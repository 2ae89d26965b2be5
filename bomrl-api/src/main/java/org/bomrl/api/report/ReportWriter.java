package org.bomrl.api.report;

import org.bomrl.api.Stable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders a run's figures into its directory (e.g. one PNG per figure). Writers must write
 * atomically (temporary file, then rename) and must not touch files they did not create.
 */
@Stable(since = "0.1")
public interface ReportWriter
{
    /** Stable namespaced name, e.g. {@code report.png}. */
    String name();

    /** Writes every figure into {@code directory}; returns the files written. */
    List<Path> write(List<Figure> figures, Path directory)
            throws IOException;
}
