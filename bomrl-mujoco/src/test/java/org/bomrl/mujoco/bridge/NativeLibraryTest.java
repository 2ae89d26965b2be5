package org.bomrl.mujoco.bridge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The advice given where MuJoCo is missing (pure Java: runs everywhere). */
final class NativeLibraryTest
{
    @Test
    void unavailableMessageIsOneLineWithInstallAdvice()
    {
        String message = NativeLibrary.unavailableMessage("libmujoco.so.2.2.2: cannot open shared object file\nNo such file");
        assertThat(message)
                .contains("apt-get install libmujoco-dev")
                .contains("libmujoco.so.2.2.2")
                .doesNotContain("\n");
    }

    @Test
    void requireAgreesWithAvailable()
    {
        if (NativeLibrary.available()) {
            NativeLibrary.require();
        }
        else {
            org.assertj.core.api.Assertions.assertThatThrownBy(NativeLibrary::require)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("apt-get install libmujoco-dev");
        }
    }
}
