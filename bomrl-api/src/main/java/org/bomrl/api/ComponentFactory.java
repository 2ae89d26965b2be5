package org.bomrl.api;

import org.bomrl.api.context.RunContext;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.Settings;

import java.util.List;

/**
 * A named maker of one kind of component. The name is stable across releases, namespaced by
 * kind ({@code env.}, {@code distance.}, {@code adapt.}, {@code compare.}, {@code optimizer.},
 * {@code policy.}, {@code report.}) and case-sensitive;
 * experiment files select components by it.
 *
 * @param <T> what the factory creates
 */
@Stable(since = "0.1")
public interface ComponentFactory<T>
{
    /** Stable namespaced name, e.g. {@code env.frozenlake.paper-high-variance}; never null or blank. */
    String name();

    /** One line for {@code bomrl plugins}. */
    String description();

    /**
     * Every setting the component reads, with type and default. Core rejects keys not listed
     * here before {@link #create} is called.
     */
    List<SettingSpec> settings();

    /**
     * Builds the component. {@code settings} holds only this component's slice, already checked
     * against {@link #settings()}; an invalid value is reported by throwing
     * {@link org.bomrl.api.settings.InvalidSettingException}. Called from one thread.
     */
    T create(Settings settings, RunContext context);
}
