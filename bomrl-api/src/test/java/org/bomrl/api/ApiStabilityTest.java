package org.bomrl.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every public top-level type of the API carries a stability label (its dependencies are checked by the enforcer). */
final class ApiStabilityTest
{
    @Test
    void everyPublicApiTypeIsLabelled()
            throws IOException, URISyntaxException, ClassNotFoundException
    {
        Path classes = Path.of(BomrlPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> walk = Files.walk(classes)) {
            names = walk.map(path -> classes.relativize(path).toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.endsWith("package-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .toList();
        }
        assertThat(names).hasSizeGreaterThan(30);
        int checked = 0;
        for (String name : names) {
            Class<?> type = Class.forName(name);
            if (!Modifier.isPublic(type.getModifiers()) || type.isAnnotation()) {
                continue;
            }
            assertThat(type.isAnnotationPresent(Stable.class) || type.isAnnotationPresent(Experimental.class)).as(name + " is labelled @Stable or @Experimental").isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
    }
}
