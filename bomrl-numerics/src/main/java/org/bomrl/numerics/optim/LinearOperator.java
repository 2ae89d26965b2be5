package org.bomrl.numerics.optim;

/** A linear map x ↦ A x given only through its product, e.g. a Hessian- or Fisher-vector product (spec §3.5). */
@FunctionalInterface
public interface LinearOperator
{
    /**
     * Writes A x into {@code out}.
     *
     * @param x not modified
     * @param out overwritten; never the same array as {@code x}
     */
    void apply(double[] x, double[] out);
}
