package org.bomrl.core.config;

import io.vavr.control.Option;
import org.bomrl.api.settings.InvalidSettingException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The errors of one configuration, collected in one pass: each independent part is read with
 * {@link #check}, which records its error instead of stopping, and a part that needs another is
 * skipped when that one failed (its error is not repeated). A failed or skipped component's
 * section is claimed, so its keys are not also reported as unknown. {@link #throwIfAny} reports every error at once, each
 * on its own line, in the order found; nothing may run or be written before it passed.
 */
public final class ConfigurationErrors
{
    private final ExperimentConfiguration config;
    private final Set<String> errors = new LinkedHashSet<>();

    public ConfigurationErrors(ExperimentConfiguration config)
    {
        this.config = config;
    }

    /**
     * {@code part}'s value, or none with its errors recorded; skipped (none, no error) when one of
     * the parts it {@code needs} failed. For a part whose keys the configuration cannot know
     * without it (a component's settings behind its selector), the keys under {@code scopes} are
     * claimed when it fails or is skipped; a section read by {@link ExperimentConfiguration#settings}
     * claims its own keys, so a misspelt key beside a bad value is still reported.
     */
    public <T> Option<T> check(List<String> scopes, Supplier<T> part, Option<?>... needs)
    {
        for (Option<?> need : needs) {
            if (need.isEmpty()) {
                scopes.forEach(config::claimUnder);
                return Option.none();
            }
        }
        try {
            return Option.some(part.get());
        }
        catch (InvalidSettingException e) {
            add(e);
            scopes.forEach(config::claimUnder);
            return Option.none();
        }
    }

    /** {@link #check(List, Supplier, Option[])} claiming {@code scope}. */
    public <T> Option<T> check(String scope, Supplier<T> part, Option<?>... needs)
    {
        return check(List.of(scope), part, needs);
    }

    /** {@link #check(List, Supplier, Option[])} claiming nothing. */
    public <T> Option<T> check(Supplier<T> part, Option<?>... needs)
    {
        return check(List.of(), part, needs);
    }

    /** Records the errors of {@code error}. */
    public void add(InvalidSettingException error)
    {
        errors.addAll(error.errors());
    }

    /** Records one error per given key that no part claimed. */
    public void checkNoUnknownKeys()
    {
        errors.addAll(config.unknownKeys());
    }

    /** Throws every error found, one line each: one {@link InvalidSettingException} listing them. */
    public void throwIfAny()
    {
        if (!errors.isEmpty()) {
            throw new InvalidSettingException(new ArrayList<>(errors));
        }
    }
}
