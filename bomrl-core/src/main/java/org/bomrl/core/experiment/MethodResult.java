package org.bomrl.core.experiment;

import org.bomrl.core.train.MetaTester;

import java.util.OptionalDouble;

/**
 * A method's meta-test outcome; the bound line when its recipe is enabled; and, in exact mode on
 * infinite-horizon tasks, the rigorous bound on the gap after one step ({@link org.bomrl.core.train.RigorousGapBound}).
 */
record MethodResult(MethodSpec method, MetaTester.Outcome outcome, OptionalDouble bound, OptionalDouble rigorousBound)
{
    /** Mean over tasks of the reported return, per repetition and step: [repetition][step]. */
    double[][] taskMeans(boolean exact)
    {
        double[][][] values = exact ? outcome.exactReturns() : outcome.returns();
        double[][] means = new double[values.length][values[0][0].length];
        for (int r = 0; r < values.length; r++) {
            for (int k = 0; k < means[r].length; k++) {
                double sum = 0;
                for (double[] task : values[r]) {
                    sum += task[k];
                }
                means[r][k] = sum / values[r].length;
            }
        }
        return means;
    }

    int steps()
    {
        return outcome.returns()[0][0].length;
    }
}
