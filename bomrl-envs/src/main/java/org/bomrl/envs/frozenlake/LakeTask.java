package org.bomrl.envs.frozenlake;

import io.vavr.control.Option;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;

import static java.util.Objects.requireNonNull;

/** One Frozen Lake task: its rules, environments following them and their exact model. Immutable. */
final class LakeTask
        implements Task<Integer, Integer>
{
    private final String id;
    private final LakeRules rules;
    private final TabularMdp model;

    LakeTask(String id, LakeRules rules)
    {
        this.id = requireNonNull(id, "id is null");
        this.rules = requireNonNull(rules, "rules is null");
        this.model = rules.model();
    }

    @Override
    public String id()
    {
        return id;
    }

    LakeRules rules()
    {
        return rules;
    }

    @Override
    public Environment<Integer, Integer> newEnvironment()
    {
        return new LakeEnvironment(rules);
    }

    @Override
    public Option<TabularMdp> exactModel()
    {
        return Option.some(model);
    }

    @Override
    public String toString()
    {
        return "LakeTask[" + id + ": " + rules.dynamics() + "]";
    }
}
