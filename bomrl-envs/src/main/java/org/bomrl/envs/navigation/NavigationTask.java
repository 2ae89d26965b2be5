package org.bomrl.envs.navigation;

import io.vavr.control.Option;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.KnownOptimum;
import org.bomrl.api.env.Task;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One navigation task, identified by its goal as {@code goal=(x,y)} with both coordinates written
 * by {@link Double#toString(double)}, so that {@link #parseGoal} recovers them exactly. Its
 * capability {@link KnownOptimum} is the closed form of {@link NavigationRules#optimalReturn()}.
 * Immutable.
 */
final class NavigationTask
        implements Task<double[], double[]>, KnownOptimum
{
    private static final Pattern ID = Pattern.compile("goal=\\(([^,()]+),([^,()]+)\\)");

    private final NavigationRules rules;
    private final String id;
    private final double optimalReturn;

    NavigationTask(NavigationRules rules)
    {
        this.rules = requireNonNull(rules, "rules is null");
        this.id = id(rules.goalX(), rules.goalY());
        this.optimalReturn = rules.optimalReturn();
    }

    static String id(double x, double y)
    {
        return "goal=(" + x + "," + y + ")";
    }

    /**
     * The goal {@code {x, y}} that {@code id} encodes.
     *
     * @throws IllegalArgumentException if {@code id} is not {@code goal=(x,y)} in the canonical form of {@link #id}
     */
    static double[] parseGoal(String id)
    {
        Matcher matcher = ID.matcher(requireNonNull(id, "id is null"));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("task id '" + id + "' is not of the form goal=(x,y), e.g. goal=(0.25,-0.125)");
        }
        double x;
        double y;
        try {
            x = Double.parseDouble(matcher.group(1));
            y = Double.parseDouble(matcher.group(2));
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("task id '" + id + "' has a goal coordinate that is not a number");
        }
        if (!id(x, y).equals(id)) {
            throw new IllegalArgumentException("task id '" + id + "' is not written canonically: the goal's id is " + id(x, y));
        }
        return new double[] {x, y};
    }

    @Override
    public String id()
    {
        return id;
    }

    NavigationRules rules()
    {
        return rules;
    }

    @Override
    public Environment<double[], double[]> newEnvironment()
    {
        return new NavigationEnvironment(rules);
    }

    @Override
    public double optimalReturn()
    {
        return optimalReturn;
    }

    @Override
    public <C> Option<C> capability(Class<C> type)
    {
        return type == KnownOptimum.class ? Option.some(type.cast(this)) : Option.none();
    }

    @Override
    public String toString()
    {
        return "NavigationTask[" + id + ", J*=" + optimalReturn + "]";
    }
}
