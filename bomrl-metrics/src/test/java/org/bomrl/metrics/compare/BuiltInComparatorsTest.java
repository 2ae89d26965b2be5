package org.bomrl.metrics.compare;

import org.bomrl.api.compare.OptimalityComparator;
import org.bomrl.api.compare.OptimalityComparatorFactory;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.api.settings.SettingSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class BuiltInComparatorsTest
{
    private static final RunContext CONTEXT = new RunContext(RandomSource.seeded(1), name -> {
        throw new IllegalStateException("comparators resolve no components: " + name);
    });

    @Test
    void factoriesHaveTheDocumentedNamesAndSettings()
    {
        assertThat(BuiltInComparators.factories()).extracting(OptimalityComparatorFactory::name)
                .containsExactly("compare.all-task-optimum", "compare.meta-parameter", "compare.meta-parameter-adapted");
        assertThat(factory("compare.all-task-optimum").settings()).isEmpty();
        assertThat(factory("compare.meta-parameter").settings()).extracting(SettingSpec::key, spec -> spec.defaultValue().orElseThrow())
                .containsExactly(
                        tuple("iterations", "2000"),
                        tuple("learning_rate", "0.1"),
                        tuple("restarts", "4"),
                        tuple("seed", "0"));
    }

    @Test
    void metaParameterComparatorIsBuiltFromItsSettings()
    {
        OptimalityComparatorFactory factory = factory("compare.meta-parameter");

        OptimalityComparator comparator = factory.create(MapSettings.of("comparator", Map.of("iterations", "10", "seed", "3"), factory.settings()), CONTEXT);

        assertThat(comparator).isInstanceOf(MetaParameterComparator.class);
        assertThat(comparator.toString()).contains("iterations=10", "learning_rate=0.1", "restarts=4", "seed=3");
        assertThat(factory("compare.all-task-optimum").create(MapSettings.of("comparator", Map.of(), List.of()), CONTEXT).label())
                .isEqualTo("all-task optimum");
    }

    @Test
    void invalidMetaParameterSettingsNameTheKeyAndValue()
    {
        OptimalityComparatorFactory factory = factory("compare.meta-parameter");

        assertThatThrownBy(() -> factory.create(MapSettings.of("comparator", Map.of("restarts", "0"), factory.settings()), CONTEXT))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("comparator.restarts")
                .hasMessageContaining("'0'");
        assertThatThrownBy(() -> factory.create(MapSettings.of("comparator", Map.of("learning_rate", "-0.5"), factory.settings()), CONTEXT))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("comparator.learning_rate");
    }

    @Test
    void adaptedComparatorUsesAlg2UnlessTheMethodsOwnAlgorithmIsChosen()
    {
        OptimalityComparatorFactory factory = factory("compare.meta-parameter-adapted");

        assertThat(factory.settings()).extracting(SettingSpec::key).containsExactly("algorithm", "lambda", "iterations", "learning_rate", "restarts", "seed");
        assertThat(factory.settings().get(0).defaultValue()).contains("alg2");
        assertThat(factory.create(MapSettings.of("comparator", Map.of(), factory.settings()), CONTEXT)).isInstanceOf(AdaptedMetaParameterComparator.class);
        OptimalityComparator own = factory.create(MapSettings.of("comparator", Map.of("algorithm", "method", "restarts", "2"), factory.settings()), CONTEXT);
        assertThat(own).isInstanceOf(OwnAlgorithmMetaParameterComparator.class);
        assertThat(own.toString()).contains("algorithm=method", "restarts=2");
    }

    @Test
    void invalidAdaptedComparatorSettingsNameTheKeyAndValue()
    {
        OptimalityComparatorFactory factory = factory("compare.meta-parameter-adapted");

        assertThatThrownBy(() -> factory.create(MapSettings.of("comparator", Map.of("algorithm", "alg1"), factory.settings()), CONTEXT))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("algorithm")
                .hasMessageContaining("alg1");
        assertThatThrownBy(() -> factory.create(MapSettings.of("comparator", Map.of("algorithm", "method", "lambda", "0.3"), factory.settings()), CONTEXT))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("comparator.lambda")
                .hasMessageContaining("algorithm = method");
    }

    private static OptimalityComparatorFactory factory(String name)
    {
        return BuiltInComparators.factories().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
