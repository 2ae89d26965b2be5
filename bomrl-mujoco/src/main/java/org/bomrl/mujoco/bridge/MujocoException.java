package org.bomrl.mujoco.bridge;

/** A MuJoCo error (model compilation or {@code mju_error} at run time), carrying MuJoCo's own message. */
public final class MujocoException
        extends IllegalStateException
{
    private static final long serialVersionUID = 1L;

    public MujocoException(String message)
    {
        super(message);
    }
}
