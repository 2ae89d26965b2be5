package org.bomrl.core.config;

import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.MapConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.builder.FileBasedConfigurationBuilder;
import org.apache.commons.configuration2.builder.fluent.Parameters;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.api.settings.SettingSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An experiment's configuration, read with Commons Configuration 2 from three layers in order of
 * precedence: command-line overrides ({@code --set key=value}), the experiment file, and the
 * bundled defaults (the defaults every component declares in its {@link SettingSpec}s). Components
 * receive only their own slice ({@link #settings}); every key must be claimed by some slice, and
 * {@link #checkNoUnknownKeys()} reports the rest with a "did you mean" suggestion. Not thread-safe:
 * build it, slice it, then only read the returned settings.
 */
public final class ExperimentConfiguration
{
    /** Commons BeanUtils logs a harmless introspection notice for every file read; keep it quiet (held so it is not collected). */
    private static final java.util.logging.Logger BEAN_INTROSPECTION = quiet("org.apache.commons.beanutils.FluentPropertyBeanIntrospector");

    /** The keys of a suite file that are the suite's own (with {@code suite.*}), not handed on to members. */
    private static final Set<String> SUITE_OWN_KEYS = Set.of("experiment.name", "experiment.type", "experiment.base_directory");

    /** A {@code key = value} (or {@code key: value}) line. */
    private static final java.util.regex.Pattern KEY_LINE = java.util.regex.Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_.\\-]*\\s*[=:]");

    private final String fileLabel;
    private final Map<String, String> overrides;
    private final Configuration file;
    private final CompositeConfiguration composite;
    private final Map<String, String> claimedDefaults = new TreeMap<>();
    private final Set<String> claimed = new TreeSet<>();

    private ExperimentConfiguration(String fileLabel, Map<String, String> overrides, Configuration file)
    {
        this.fileLabel = fileLabel;
        this.overrides = Map.copyOf(overrides);
        this.file = file;
        this.composite = new CompositeConfiguration();
        composite.addConfiguration(new MapConfiguration(new HashMap<>(this.overrides)));
        composite.addConfiguration(file);
    }

    private static java.util.logging.Logger quiet(String name)
    {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    /** Reads {@code experimentFile} (a {@code .properties} file) beneath {@code overrides}. */
    public static ExperimentConfiguration load(Path experimentFile, Map<String, String> overrides)
    {
        String name = experimentFile.getFileName().toString();
        if (!name.endsWith(".properties")) {
            throw new InvalidSettingException(experimentFile + ": unsupported experiment file type; use a .properties file");
        }
        if (Files.isDirectory(experimentFile)) {
            throw new InvalidSettingException(experimentFile + ": is a directory, not an experiment file");
        }
        if (!Files.isRegularFile(experimentFile)) {
            throw new InvalidSettingException(experimentFile + ": no such experiment file");
        }
        checkText(experimentFile);
        PropertiesConfiguration properties;
        try {
            properties = new FileBasedConfigurationBuilder<>(PropertiesConfiguration.class)
                    .configure(new Parameters().properties().setFile(experimentFile.toFile()).setEncoding("UTF-8").setIncludesAllowed(false).setThrowExceptionOnMissing(true))
                    .getConfiguration();
        }
        catch (ConfigurationException e) {
            throw new InvalidSettingException(experimentFile + ": cannot read: " + rootMessage(e));
        }
        for (Iterator<String> it = properties.getKeys(); it.hasNext(); ) {
            String key = it.next();
            if (properties.getProperty(key) instanceof List<?> values) {
                throw new InvalidSettingException(experimentFile + ": key '" + key + "' is given " + values.size() + " times; give it once (a list is one comma-separated value)");
            }
        }
        return new ExperimentConfiguration(experimentFile.toString(), overrides, properties);
    }

    /**
     * Checks the file's text before it is parsed: readable, UTF-8, and no line ending in a lone
     * backslash in front of a {@code key = value} line (the backslash would join the two and silently
     * drop the second key).
     */
    private static void checkText(Path experimentFile)
    {
        String text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(experimentFile))).toString();
        }
        catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidSettingException(experimentFile + ": cannot read: not UTF-8 text");
        }
        catch (java.io.IOException e) {
            throw new InvalidSettingException(experimentFile + ": cannot read: " + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : rootMessage(e)));
        }
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i + 1 < lines.length; i++) {
            String line = lines[i];
            int backslashes = 0;
            while (backslashes < line.length() && line.charAt(line.length() - 1 - backslashes) == '\\') {
                backslashes++;
            }
            boolean comment = line.stripLeading().startsWith("#") || line.stripLeading().startsWith("!");
            if (!comment && backslashes % 2 == 1 && KEY_LINE.matcher(lines[i + 1]).lookingAt()) {
                throw new InvalidSettingException(experimentFile + ": line " + (i + 1) + " ends with '\\', which joins it with line " + (i + 2)
                        + " and drops the key there; remove the backslash (or write '\\\\' for a literal one)");
            }
        }
    }

    private static String rootMessage(Throwable e)
    {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** A configuration of overrides only, for commands that take no experiment file. */
    public static ExperimentConfiguration ofOverrides(Map<String, String> overrides)
    {
        return new ExperimentConfiguration("(no file)", overrides, new PropertiesConfiguration());
    }

    /**
     * This configuration with every key of the slice {@code scope} given in the file dropped and
     * {@code replacement} laid over the overrides: e.g. a resumed run moved to another execution
     * backend, whose old backend's keys would otherwise be unknown.
     */
    public ExperimentConfiguration replacingScope(String scope, Map<String, String> replacement)
    {
        PropertiesConfiguration kept = new PropertiesConfiguration();
        for (Iterator<String> it = file.getKeys(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals(scope) && !key.startsWith(scope + ".")) {
                kept.setProperty(key, file.getProperty(key));
            }
        }
        Map<String, String> merged = new HashMap<>(overrides);
        merged.putAll(replacement);
        return new ExperimentConfiguration(fileLabel, merged, kept);
    }

    /** The raw effective value of {@code key} from the overrides or the file, if any. */
    public Optional<String> value(String key)
    {
        if (!composite.containsKey(key)) {
            return Optional.empty();
        }
        Object value = composite.getProperty(key);
        return Optional.of(value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value));
    }

    /** Where {@code key}'s value comes from. */
    public String source(String key)
    {
        if (overrides.containsKey(key)) {
            return "--set";
        }
        return file.containsKey(key) ? fileLabel : "default";
    }

    /**
     * The settings of the slice {@code scope}: for each spec, the value of {@code scope.key} (or of
     * {@code scope} itself for an empty spec key). Claims those keys; checks every given value's type.
     */
    public MapSettings settings(String scope, List<SettingSpec> specs)
    {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new HashMap<>();
        for (SettingSpec spec : specs) {
            String key = scope.isEmpty() ? spec.key() : scope + "." + spec.key();
            claimed.add(key);
            Optional<String> value = value(key);
            if (value.isPresent()) {
                values.put(spec.key(), value.get());
                sources.put(spec.key(), source(key));
            }
            else {
                spec.defaultValue().ifPresent(defaultValue -> claimedDefaults.put(key, defaultValue));
            }
        }
        MapSettings settings = new MapSettings(scope.isEmpty() ? "experiment" : scope, values, sources, specs);
        SettingsValidation.check(settings, specs);
        return settings;
    }

    /**
     * The settings of {@code scope} with every value explicitly given under {@code overlayScope}
     * replacing it, e.g. a method's adaptation settings with its meta-training overrides. Without any
     * key given under {@code overlayScope} these are the settings of {@code scope} themselves, so
     * that errors name the keys the user wrote ({@link #overlayKeys} tells which keys the overlay gives).
     */
    public MapSettings overlaid(String scope, String overlayScope, List<SettingSpec> specs)
    {
        MapSettings base = settings(scope, specs);
        for (SettingSpec spec : specs) {
            claimed.add(overlayScope + "." + spec.key());
        }
        if (overlayKeys(overlayScope, specs).isEmpty()) {
            return base;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new HashMap<>();
        for (String key : base.keys()) {
            values.put(key, base.raw(key).get());
            sources.put(key, base.source(key));
        }
        for (SettingSpec spec : specs) {
            String key = overlayScope + "." + spec.key();
            claimed.add(key);
            Optional<String> value = value(key);
            if (value.isPresent()) {
                values.put(spec.key(), value.get());
                sources.put(spec.key(), source(key));
            }
        }
        MapSettings settings = new MapSettings(overlayScope, values, sources, specs);
        SettingsValidation.check(settings, specs);
        return settings;
    }

    /** The keys among {@code specs} (relative to the slice) that are given explicitly under {@code overlayScope}. */
    public Set<String> overlayKeys(String overlayScope, List<SettingSpec> specs)
    {
        Set<String> keys = new TreeSet<>();
        for (SettingSpec spec : specs) {
            if (value(overlayScope + "." + spec.key()).isPresent()) {
                keys.add(spec.key());
            }
        }
        return keys;
    }

    /** The value of the selector key {@code key} (e.g. {@code environment = env.frozenlake}), claiming it. */
    public String selector(String key, Optional<String> defaultValue)
    {
        claimed.add(key);
        Optional<String> value = value(key).map(String::trim);
        if (value.isPresent()) {
            return value.get();
        }
        String result = defaultValue.orElseThrow(() -> new InvalidSettingException(fileLabel + ": required key '" + key + "' is missing"));
        claimedDefaults.put(key, result);
        return result;
    }

    /** Keys given explicitly (file or overrides) that start with {@code prefix.}. */
    public Set<String> keysUnder(String prefix)
    {
        Set<String> keys = new TreeSet<>();
        for (String key : givenKeys()) {
            if (key.startsWith(prefix + ".")) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Claims every given key under {@code prefix.}, and {@code prefix} itself if given, without reading them (a section that is given but switched off). */
    public void claimUnder(String prefix)
    {
        claimed.addAll(keysUnder(prefix));
        if (value(prefix).isPresent()) {
            claimed.add(prefix);
        }
    }

    /** Fails on the given keys that no slice claimed, each named with its file and the closest known key. */
    public void checkNoUnknownKeys()
    {
        List<String> unknown = unknownKeys();
        if (!unknown.isEmpty()) {
            throw new InvalidSettingException(unknown);
        }
    }

    /** One error per given key that no slice claimed, naming the file and the closest known key. */
    public List<String> unknownKeys()
    {
        List<String> errors = new ArrayList<>();
        for (String key : givenKeys()) {
            if (!claimed.contains(key)) {
                errors.add(source(key) + ": unknown key '" + key + "'" + Suggestions.didYouMean(key, claimed)
                        + (Suggestions.didYouMean(key, claimed).isEmpty() ? "; see 'bomrl describe' for the valid keys" : ""));
            }
        }
        return errors;
    }

    /** Every claimed key with its effective value (given or default), sorted. */
    public Map<String, String> effective()
    {
        Map<String, String> result = new TreeMap<>(claimedDefaults);
        for (String key : claimed) {
            value(key).ifPresent(value -> result.put(key, value));
        }
        return result;
    }

    /** Effective values with their sources, for the written configuration's comments. */
    public Map<String, String> effectiveSources()
    {
        Map<String, String> result = new TreeMap<>();
        for (String key : effective().keySet()) {
            result.put(key, source(key));
        }
        return result;
    }

    private List<String> givenKeys()
    {
        Set<String> keys = new TreeSet<>(overrides.keySet());
        for (Iterator<String> it = file.getKeys(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return new ArrayList<>(keys);
    }

    /**
     * What a suite or seeds experiment hands on to its members, claiming it: the {@code --set}
     * overrides and every key of the file outside {@code suite.*}, {@code seeds.*} and
     * {@code experiment.name|type|base_directory} (their own sections, whose keys stay checked; so that a
     * resumed suite, whose file records the overrides, hands on the same values).
     */
    public Map<String, String> overrides()
    {
        Map<String, String> result = new TreeMap<>();
        for (String key : givenKeys()) {
            if (!key.startsWith("suite.") && !key.startsWith("seeds.") && !SUITE_OWN_KEYS.contains(key)) {
                result.put(key, value(key).orElseThrow());
                claimed.add(key);
            }
        }
        return result;
    }

    public String fileLabel()
    {
        return fileLabel;
    }
}
