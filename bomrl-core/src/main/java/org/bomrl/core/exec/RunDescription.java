package org.bomrl.core.exec;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What another machine needs to rebuild a run's learners and tasks: the effective configuration
 * (every key with its value, defaults included), the directory relative paths in it resolve
 * against, and a hash of both that identifies the run's plan.
 */
public record RunDescription(Map<String, String> configuration, Path baseDirectory, String planHash)
{
    public RunDescription
    {
        configuration = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(configuration, "configuration is null")));
        requireNonNull(baseDirectory, "baseDirectory is null");
        requireNonNull(planHash, "planHash is null");
    }
}
