package org.bomrl.mujoco.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads the JNI shim once per class loader. Order: the file named by the system property
 * {@value #PATH_PROPERTY}; else the class-path resource {@value #RESOURCE} — loaded in place when it
 * is a plain file (a build tree), else copied to a temporary file that is deleted as soon as it is
 * loaded (the mapping stays valid on Linux), so nothing is left in the temporary directory. The
 * shim needs the system's {@code libmujoco.so} (Debian: {@code apt-get install libmujoco-dev}).
 * No JVM flags are needed on JDK 17.
 */
public final class NativeLibrary
{
    /** System property naming the shim to load instead of the packaged one. */
    public static final String PATH_PROPERTY = "mjshim.path";
    /** Where the build puts the shim on the class path. */
    public static final String RESOURCE = "/native/linux-x86_64/libmjshim.so";

    private static final String FAILURE = load();

    private NativeLibrary() {}

    /** Whether the shim and MuJoCo are loaded. */
    public static boolean available()
    {
        return FAILURE == null;
    }

    /**
     * Returns normally when the library is loaded; else throws {@link IllegalStateException} with one
     * line saying why and how to install MuJoCo.
     */
    public static void require()
    {
        if (FAILURE != null) {
            throw new IllegalStateException(FAILURE);
        }
    }

    /** The one-line message for a missing library, given why loading failed. */
    static String unavailableMessage(String reason)
    {
        return ("MuJoCo is not available (" + reason + "): install it with `apt-get install libmujoco-dev`"
                + " and rebuild bomrl-mujoco so that its native shim is compiled").replaceAll("[\\r\\n]+", " ");
    }

    private static String load()
    {
        String path = System.getProperty(PATH_PROPERTY);
        try {
            if (path != null && !path.isBlank()) {
                System.load(Path.of(path).toAbsolutePath().toString());
                return null;
            }
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch", "");
            if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
                return unavailableMessage("the shim is built for linux-x86_64 only, this is " + os + "-" + arch);
            }
            URL resource = NativeLibrary.class.getResource(RESOURCE);
            if (resource == null) {
                return unavailableMessage("the native shim " + RESOURCE + " is not on the class path; it is compiled only where /usr/include/mujoco/mujoco.h exists");
            }
            if (resource.getProtocol().equals("file")) {
                System.load(Path.of(resource.toURI()).toString());
                return null;
            }
            loadCopy(resource);
            return null;
        }
        catch (UnsatisfiedLinkError | IOException | URISyntaxException | SecurityException e) {
            return unavailableMessage(String.valueOf(e.getMessage()));
        }
    }

    private static void loadCopy(URL resource)
            throws IOException
    {
        Path copy = Files.createTempFile("bomrl-mjshim-", ".so");
        try {
            try (InputStream in = resource.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            System.load(copy.toString());
        }
        finally {
            Files.deleteIfExists(copy);
        }
    }
}
