package org.bomrl.api.env;

import org.bomrl.api.Stable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 fingerprints of the parts that define a task distribution. */
@Stable(since = "0.1")
public final class Fingerprint
{
    private Fingerprint() {}

    /** The first 16 hex digits of SHA-256 over the parts, each followed by a NUL byte. */
    public static String of(Object... parts)
    {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
