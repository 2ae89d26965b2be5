package org.bomrl.api.tck;

import java.util.function.DoubleBinaryOperator;

/**
 * A brute-force maximum of f(x, y) on [−range, range]²: a grid of spacing {@code coarse}, then one
 * of spacing {@code fine} over ±{@code coarse} around the best coarse point; the first of equal
 * values wins. The independent check of an ascent on a two-parameter objective (e.g. a
 * meta-parameter comparator on two-state, two-action tasks, where F depends only on each state's
 * logit difference).
 */
public record GridMaximum(double x, double y, double value)
{
    public static GridMaximum of(DoubleBinaryOperator f, double range, double coarse, double fine)
    {
        GridMaximum best = new GridMaximum(0, 0, Double.NEGATIVE_INFINITY);
        int coarseSteps = (int) Math.round(2 * range / coarse);
        for (int i = 0; i <= coarseSteps; i++) {
            for (int j = 0; j <= coarseSteps; j++) {
                best = best.or(f, -range + i * coarse, -range + j * coarse);
            }
        }
        GridMaximum centre = best;
        int fineSteps = (int) Math.round(2 * coarse / fine);
        for (int i = 0; i <= fineSteps; i++) {
            for (int j = 0; j <= fineSteps; j++) {
                best = best.or(f, centre.x() - coarse + i * fine, centre.y() - coarse + j * fine);
            }
        }
        return best;
    }

    /** This point, or (x, y) if f is higher there. */
    private GridMaximum or(DoubleBinaryOperator f, double x, double y)
    {
        double candidate = f.applyAsDouble(x, y);
        return candidate > value ? new GridMaximum(x, y, candidate) : this;
    }
}
