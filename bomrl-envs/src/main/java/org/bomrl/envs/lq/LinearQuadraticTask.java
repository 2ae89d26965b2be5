package org.bomrl.envs.lq;

import io.vavr.control.Option;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.LinearQuadraticModel;
import org.bomrl.api.env.Task;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One linear-quadratic task, identified by its parameters as {@code a=<a>,b=<b>} with both written
 * by {@link Double#toString(double)} so that {@link #parseParameters} recovers them exactly; its
 * capability is the exact {@link LinearQuadraticModel}. Immutable.
 */
final class LinearQuadraticTask
        implements Task<double[], double[]>
{
    private static final Pattern ID = Pattern.compile("a=([^,]+),b=([^,]+)");

    private final String id;
    private final LinearQuadraticFamily family;
    private final LinearQuadraticModel model;

    LinearQuadraticTask(LinearQuadraticFamily family, double a, double b)
    {
        this.family = requireNonNull(family, "family is null");
        this.id = id(a, b);
        this.model = family.model(a, b);
    }

    static String id(double a, double b)
    {
        return "a=" + a + ",b=" + b;
    }

    /**
     * The parameters {@code {a, b}} that {@code id} encodes.
     *
     * @throws IllegalArgumentException if {@code id} is not {@code a=<a>,b=<b>} in the canonical form of {@link #id}
     */
    static double[] parseParameters(String id)
    {
        Matcher matcher = ID.matcher(requireNonNull(id, "id is null"));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("task id '" + id + "' is not of the form a=<a>,b=<b>, e.g. a=0.05,b=1.25");
        }
        double a;
        double b;
        try {
            a = Double.parseDouble(matcher.group(1));
            b = Double.parseDouble(matcher.group(2));
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("task id '" + id + "' has a parameter that is not a number");
        }
        if (!id(a, b).equals(id)) {
            throw new IllegalArgumentException("task id '" + id + "' is not written canonically: the parameters' id is " + id(a, b));
        }
        return new double[] {a, b};
    }

    @Override
    public String id()
    {
        return id;
    }

    LinearQuadraticModel model()
    {
        return model;
    }

    @Override
    public Environment<double[], double[]> newEnvironment()
    {
        return new LinearQuadraticEnvironment(model, family.noiseStd(), family.initialStd());
    }

    @Override
    public <C> Option<C> capability(Class<C> type)
    {
        return type == LinearQuadraticModel.class ? Option.some(type.cast(model)) : Option.none();
    }

    @Override
    public String toString()
    {
        return "LinearQuadraticTask[" + id + "]";
    }
}
