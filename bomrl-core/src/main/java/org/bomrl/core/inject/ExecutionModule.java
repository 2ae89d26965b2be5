package org.bomrl.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.bomrl.core.exec.ExecutionBackend;
import org.bomrl.core.exec.LocalExecutionBackend;

import java.util.ServiceLoader;

/**
 * Binds the execution backends by {@code execution.backend} name: {@code local}, and every
 * {@link ExecutionBackend} registered for {@link ServiceLoader} on core's class path (e.g. the
 * Hazelcast cluster backend when its module is present).
 */
final class ExecutionModule
        extends AbstractModule
{
    @Override
    protected void configure()
    {
        MapBinder<String, ExecutionBackend> backends = MapBinder.newMapBinder(binder(), String.class, ExecutionBackend.class);
        LocalExecutionBackend local = new LocalExecutionBackend();
        backends.addBinding(local.name()).toInstance(local);
        for (ExecutionBackend backend : ServiceLoader.load(ExecutionBackend.class, ExecutionModule.class.getClassLoader())) {
            backends.addBinding(backend.name()).toInstance(backend);
        }
    }
}
