package org.bomrl.core.experiment;

import org.bomrl.api.settings.InvalidSettingException;

import java.nio.file.Path;

/**
 * Where a method's meta-policy π_φ comes from: {@code trained} (meta-trained in this run with the
 * method's own algorithm), {@code uniform}, {@code constant:x} (every logit x), {@code file:path}
 * (a logits table, see {@link PriorFile}) or {@code method:id} (the prior another method trained).
 */
public sealed interface Prior
{
    record Trained()
            implements Prior {}

    record Constant(double logit)
            implements Prior {}

    record FromFile(Path path)
            implements Prior {}

    record FromMethod(String method)
            implements Prior {}

    /** Parses a prior setting; relative files resolve against {@code base} (the experiment file's directory). */
    static Prior parse(String key, String value, Path base)
    {
        String trimmed = value.trim();
        if (trimmed.equals("trained")) {
            return new Trained();
        }
        if (trimmed.equals("uniform")) {
            return new Constant(0);
        }
        if (trimmed.startsWith("constant:")) {
            try {
                return new Constant(Double.parseDouble(trimmed.substring("constant:".length())));
            }
            catch (NumberFormatException e) {
                throw invalid(key, value);
            }
        }
        if (trimmed.startsWith("file:")) {
            return new FromFile(base.resolve(trimmed.substring("file:".length())).normalize());
        }
        if (trimmed.startsWith("method:")) {
            return new FromMethod(trimmed.substring("method:".length()));
        }
        throw invalid(key, value);
    }

    private static InvalidSettingException invalid(String key, String value)
    {
        return new InvalidSettingException(key + " = '" + value + "' is invalid: expected trained, uniform, constant:<logit>, file:<path> or method:<id>");
    }
}
