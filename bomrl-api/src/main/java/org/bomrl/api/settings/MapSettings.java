package org.bomrl.api.settings;

import io.vavr.control.Option;
import org.bomrl.api.Stable;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/** {@link Settings} over a map of explicit values and the component's declared specifications. */
@Stable(since = "0.1")
public final class MapSettings
        implements Settings
{
    private final String scope;
    private final Map<String, String> values;
    private final Map<String, String> sources;
    private final Map<String, SettingSpec> specs;

    /**
     * @param values explicit values by key (relative to the slice)
     * @param sources where each explicit value came from; keys missing here are reported as {@code given}
     * @param specs the component's declared settings
     */
    public MapSettings(String scope, Map<String, String> values, Map<String, String> sources, List<SettingSpec> specs)
    {
        this.scope = requireNonNull(scope, "scope is null");
        this.values = Map.copyOf(requireNonNull(values, "values is null"));
        this.sources = Map.copyOf(requireNonNull(sources, "sources is null"));
        Map<String, SettingSpec> byKey = new HashMap<>();
        for (SettingSpec spec : requireNonNull(specs, "specs is null")) {
            byKey.put(spec.key(), spec);
        }
        this.specs = Map.copyOf(byKey);
    }

    /** Settings with explicit values only from {@code values}, all from one {@code source}. */
    public static MapSettings of(String scope, Map<String, String> values, List<SettingSpec> specs)
    {
        return new MapSettings(scope, values, Map.of(), specs);
    }

    @Override
    public String scope()
    {
        return scope;
    }

    @Override
    public Set<String> keys()
    {
        return new TreeSet<>(values.keySet());
    }

    @Override
    public Option<String> raw(String key)
    {
        return Option.of(values.get(key));
    }

    @Override
    public String source(String key)
    {
        if (!values.containsKey(key)) {
            return "default";
        }
        return sources.getOrDefault(key, "given");
    }

    @Override
    public String getString(String key)
    {
        String value = value(key).trim();
        SettingSpec spec = specs.get(key);
        if (spec != null && !spec.choices().isEmpty() && !spec.choices().contains(value)) {
            throw invalid(key, value, "one of " + String.join(", ", spec.choices()));
        }
        return value;
    }

    @Override
    public int getInt(String key)
    {
        return parse(key, SettingType.INTEGER, Integer::parseInt);
    }

    @Override
    public long getLong(String key)
    {
        return parse(key, SettingType.LONG, Long::parseLong);
    }

    @Override
    public double getDouble(String key)
    {
        double result = parse(key, SettingType.DOUBLE, Double::parseDouble);
        if (!Double.isFinite(result)) {
            throw invalid(key, value(key), "a finite decimal number");
        }
        return result;
    }

    @Override
    public boolean getBoolean(String key)
    {
        String value = value(key).trim().toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw invalid(key, value, SettingType.BOOLEAN.expected());
        }
        return Boolean.parseBoolean(value);
    }

    @Override
    public List<String> getList(String key)
    {
        return Arrays.stream(value(key).split(","))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    @Override
    public double[] getDoubles(String key)
    {
        List<String> items = getList(key);
        double[] result = new double[items.size()];
        for (int i = 0; i < result.length; i++) {
            try {
                result[i] = Double.parseDouble(items.get(i));
            }
            catch (NumberFormatException e) {
                throw invalid(key, value(key), "a comma-separated list of decimal numbers");
            }
        }
        return result;
    }

    private String value(String key)
    {
        String value = values.get(key);
        if (value != null) {
            return value;
        }
        SettingSpec spec = specs.get(key);
        if (spec == null) {
            throw new IllegalStateException(scope + ": setting '" + key + "' is read but not declared by the component");
        }
        return spec.defaultValue().orElseThrow(() -> new InvalidSettingException(
                scope + "." + key + " is required (" + spec.type().expected() + ": " + spec.description() + ")"));
    }

    private <T> T parse(String key, SettingType type, Function<String, T> parser)
    {
        String value = value(key).trim();
        try {
            return parser.apply(value);
        }
        catch (NumberFormatException e) {
            throw invalid(key, value, type.expected());
        }
    }

    private InvalidSettingException invalid(String key, String value, String expected)
    {
        return new InvalidSettingException(scope + "." + key + " = '" + value + "' (" + source(key) + ") is invalid: expected " + expected);
    }
}
