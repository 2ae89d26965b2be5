package org.bomrl.api.report;

import org.bomrl.api.ComponentFactory;
import org.bomrl.api.Stable;

/**
 * Makes report writers; names start with {@code report.} (e.g. {@code report.png}). An experiment
 * selects writers by name in {@code experiment.report_writers}; {@link #create} is given the
 * writer's slice {@code report.<name>.*} (like {@code comparator.<name>.*}), its defaults when the
 * file sets none. The writer created must report the factory's {@link #name()} as its own.
 */
@Stable(since = "0.2")
public interface ReportWriterFactory
        extends ComponentFactory<ReportWriter>
{
}
