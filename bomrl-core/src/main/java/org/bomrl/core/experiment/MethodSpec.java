package org.bomrl.core.experiment;

import org.bomrl.api.settings.MapSettings;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One method of a meta-learning experiment ({@code method.<id>.*}): its prior, its adaptation
 * algorithm with test-time settings, the meta-training overrides ({@code train.*}) and the bound
 * line recipe ({@code bound.*}, with {@code bound.adaptation.*} overrides); {@code testLambdaGrowth} g
 * makes the meta-test λ of test task k equal λ·g^(k+1) ({@code test.lambda_growth}, 1 for a constant λ).
 */
public record MethodSpec(String id, String label, Prior prior, String adaptation, MapSettings testSettings, MapSettings trainSettings, BoundSettings bound,
        Optional<MapSettings> boundSettings, double testLambdaGrowth)
{
    public MethodSpec
    {
        requireNonNull(id, "id is null");
        requireNonNull(label, "label is null");
        requireNonNull(prior, "prior is null");
        requireNonNull(adaptation, "adaptation is null");
        requireNonNull(testSettings, "testSettings is null");
        requireNonNull(trainSettings, "trainSettings is null");
        requireNonNull(bound, "bound is null");
        requireNonNull(boundSettings, "boundSettings is null");
    }
}
