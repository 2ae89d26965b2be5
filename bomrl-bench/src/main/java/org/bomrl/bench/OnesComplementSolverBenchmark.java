package org.bomrl.bench;

import org.bomrl.api.context.RandomSource;
import org.bomrl.numerics.tabular.OnesComplementSolver;
import org.bomrl.numerics.tabular.SoftmaxDerivatives;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One per-state system of the implicit hypergradient (spec §3.6) with its conditioning check:
 * {@code onesComplement} solves the Alg(1) Hessian H = λF(π) − M(π, q) on 1^⊥ (symmetric, singular
 * along 1), {@code dense} the plain system H + I (the non-shift-invariant distances' shape).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OnesComplementSolverBenchmark
{
    @Param({"4"})
    public int actions;

    private OnesComplementSolver solver;
    private double[] hessian;
    private double[] shifted;
    private double[] b;
    private double[] x;

    @Setup
    public void setUp()
    {
        SplittableRandom random = RandomSource.seeded(11).generator();
        double[] logits = new double[actions];
        double[] q = new double[actions];
        b = new double[actions];
        for (int a = 0; a < actions; a++) {
            logits[a] = random.nextGaussian();
            q[a] = random.nextGaussian();
            b[a] = random.nextGaussian();
        }
        double[] pi = new double[actions];
        double sum = 0;
        for (int a = 0; a < actions; a++) {
            pi[a] = Math.exp(logits[a]);
            sum += pi[a];
        }
        for (int a = 0; a < actions; a++) {
            pi[a] /= sum;
        }
        double[] f = new double[actions * actions];
        double[] m = new double[actions * actions];
        SoftmaxDerivatives.jacobian(pi, 0, actions, f);
        SoftmaxDerivatives.surrogateHessian(pi, q, 0, actions, m);
        hessian = new double[actions * actions];
        shifted = new double[actions * actions];
        for (int i = 0; i < hessian.length; i++) {
            hessian[i] = f[i] - 0.1 * m[i];
            shifted[i] = hessian[i] + (i % (actions + 1) == 0 ? 1 : 0);
        }
        solver = new OnesComplementSolver(actions);
        x = new double[actions];
    }

    @Benchmark
    public double[] onesComplement()
    {
        solver.solveOnOnesComplement(hessian, b, 0, x, 0);
        return x;
    }

    @Benchmark
    public double[] dense()
    {
        solver.solve(shifted, b, 0, x, 0);
        return x;
    }
}
