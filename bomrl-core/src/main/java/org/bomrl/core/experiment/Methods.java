package org.bomrl.core.experiment;

import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.config.SettingKeys;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code methods} list and each {@code method.<id>.*} section. */
public final class Methods
{
    /** The prefix of every method's keys: {@code method.<id>.*}. */
    static final String METHOD_SCOPE = "method";

    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of("label", SettingType.STRING, "", "label in reports (default: the id)"),
            SettingSpec.of("prior", SettingType.STRING, "trained", "meta-policy: trained, uniform, constant:<logit>, file:<path> or method:<id>"),
            SettingSpec.of("test.lambda_growth", SettingType.DOUBLE, "1",
                    "meta-test λ of test task k (0-based, in task order) is λ·g^(k+1); 1 keeps λ constant (2: the as-published random initialisation, spec §5a)"));

    private Methods() {}

    public static List<MethodSpec> parse(ExperimentConfiguration config, Components components, Path baseDirectory)
    {
        List<String> ids = List.of(config.selector("methods", Optional.empty()).split("\\s*,\\s*"));
        List<MethodSpec> methods = new ArrayList<>();
        for (String id : ids) {
            if (!id.matches("[A-Za-z0-9_-]+")) {
                throw new InvalidSettingException("methods: '" + id + "' is not a valid method id (letters, digits, '_' and '-')");
            }
            if (methods.stream().anyMatch(method -> method.id().equals(id))) {
                throw new InvalidSettingException("methods: '" + id + "' is listed twice");
            }
            String scope = "method." + id;
            MapSettings section = config.settings(scope, SPECS);
            String adaptationKey = scope + ".adaptation";
            String adaptation = config.selector(adaptationKey, Optional.empty());
            AdaptationAlgorithmFactory factory = components.adaptation(adaptationKey, adaptation);
            MapSettings test = config.settings(adaptationKey, factory.settings());
            MapSettings train = config.overlaid(adaptationKey, scope + ".train", factory.settings());
            BoundSettings bound = BoundSettings.parse(config.settings(scope + ".bound", BoundSettings.SPECS));
            Optional<MapSettings> boundSettings = bound.enabled()
                    ? Optional.of(config.overlaid(adaptationKey, scope + ".bound.adaptation", factory.settings()))
                    : Optional.empty();
            String label = section.getString("label").isBlank() ? id : section.getString("label");
            Prior prior = Prior.parse(scope + ".prior", section.getString("prior"), baseDirectory);
            double growth = section.getDouble("test.lambda_growth");
            if (!(growth > 0) || Double.isInfinite(growth)) {
                throw new InvalidSettingException(scope + ".test.lambda_growth = " + growth + " is invalid: expected a positive finite factor (1 for a constant λ)");
            }
            if (growth != 1 && factory.settings().stream().noneMatch(spec -> spec.key().equals("lambda"))) {
                throw new InvalidSettingException(scope + ".test.lambda_growth needs an adaptation with a lambda setting; " + adaptationKey + " = " + adaptation + " has none");
            }
            check(components, factory, config, adaptationKey, test, train, scope + ".train");
            if (boundSettings.isPresent()) {
                check(components, factory, config, adaptationKey, test, boundSettings.get(), scope + ".bound.adaptation");
            }
            methods.add(new MethodSpec(id, label, prior, adaptation, test, train, bound, boundSettings, growth));
        }
        claimUnlisted(config, ids);
        for (MethodSpec method : methods) {
            if (method.prior() instanceof Prior.FromMethod from && methods.stream().noneMatch(other -> other.id().equals(from.method()) && other.prior() instanceof Prior.Trained)) {
                throw new InvalidSettingException("method." + method.id() + ".prior = method:" + from.method() + " names no method with prior = trained");
            }
        }
        return methods;
    }

    /**
     * A method defined in the file (it has {@code method.<id>.adaptation}) but left out of
     * {@code methods} — e.g. {@code --set methods=alg1} on a file with several — is switched off, not
     * an error; keys under an id that defines no adaptation stay unknown (a misspelt id fails).
     */
    private static void claimUnlisted(ExperimentConfiguration config, List<String> listed)
    {
        java.util.Set<String> defined = new java.util.TreeSet<>();
        for (String key : config.keysUnder("method")) {
            String rest = key.substring("method.".length());
            int dot = rest.indexOf('.');
            if (dot > 0 && rest.substring(dot + 1).equals("adaptation")) {
                defined.add(rest.substring(0, dot));
            }
        }
        for (String id : defined) {
            if (!listed.contains(id)) {
                config.claimUnder("method." + id);
            }
        }
    }

    /**
     * Creates the method's algorithm with its test settings and then with an overlay of them (e.g.
     * {@code train.*}) before anything runs, so that a bad value fails here and its error names the
     * key the user wrote: {@code method.<id>.adaptation.<key>} for a value the overlay does not give
     * (also when only its combination with an overlay value is invalid), the overlay's key otherwise.
     */
    private static void check(Components components, AdaptationAlgorithmFactory factory, ExperimentConfiguration config, String adaptationKey, MapSettings test,
            MapSettings overlaid, String overlayScope)
    {
        RandomSource random = RandomSource.seeded(0).derive("settings-check");
        components.create(factory, test, random);
        if (overlaid == test) {
            return;
        }
        try {
            components.create(factory, overlaid, random);
        }
        catch (InvalidSettingException e) {
            Set<String> given = config.overlayKeys(overlayScope, factory.settings());
            InvalidSettingException named = e;
            for (SettingSpec spec : factory.settings()) {
                if (!given.contains(spec.key())) {
                    named = SettingKeys.renamed(named, overlayScope + "." + spec.key(), adaptationKey + "." + spec.key());
                }
            }
            throw named;
        }
    }
}
