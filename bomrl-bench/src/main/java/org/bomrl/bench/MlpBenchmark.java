package org.bomrl.bench;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.numerics.neural.DenseKernels;
import org.bomrl.numerics.neural.GaussianMlpPolicy;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The spec §5b policy 17 → 128 → 128 → 6 (tanh) on a batch of {@value #ROWS} rows (spec §3.5):
 * {@code scoreGradient} is one forward and backward pass, {@code scoreHessianVector} one exact
 * R-operator Hessian-vector product, and {@code kernelMultiply} / {@code ejmlMultiply} the dense
 * 256×256×256 product of this machine with the project's kernel and with EJML, the peak the
 * passes are measured against. GFLOP/s = 2 × multiply-adds of the matrix products / time:
 * {@value #GRADIENT_FLOPS_PER_ROW} per row for the gradient (forward, weight gradients, input
 * gradients below the first layer), {@value #MULTIPLY_FLOPS} for one 256³ product.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MlpBenchmark
{
    public static final int ROWS = 4000;
    public static final int OBSERVATION = 17;
    public static final int HIDDEN = 128;
    public static final int ACTION = 6;
    /** 2·[3·(17·128 + 128·128 + 128·6) − 17·128]. */
    public static final long GRADIENT_FLOPS_PER_ROW = 2L * (3L * (OBSERVATION * HIDDEN + HIDDEN * HIDDEN + HIDDEN * ACTION) - OBSERVATION * HIDDEN);
    public static final int SIZE = 256;
    public static final long MULTIPLY_FLOPS = 2L * SIZE * SIZE * SIZE;

    private GaussianMlpPolicy policy;
    private double[] theta;
    private TrajectoryBatch batch;
    private double[] weights;
    private double[] second;
    private double[] v;
    private double[] out;
    private double[] logProbabilities;
    private DenseKernels kernels;
    private double[] a;
    private double[] b;
    private double[] c;
    private DMatrixRMaj ejmlA;
    private DMatrixRMaj ejmlB;
    private DMatrixRMaj ejmlC;

    @Setup
    public void setUp()
    {
        RandomSource root = RandomSource.seeded(543).derive("mlp-benchmark");
        policy = GaussianMlpPolicy.tanh(OBSERVATION, ACTION, HIDDEN, HIDDEN);
        theta = policy.initialParameters(root.derive("policy"));
        SplittableRandom random = root.derive("data").generator();
        double[] observations = new double[ROWS * OBSERVATION];
        double[] actions = new double[ROWS * ACTION];
        double[] dataLogProbabilities = new double[ROWS];
        double[] s = new double[OBSERVATION];
        double[] action = new double[ACTION];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < OBSERVATION; j++) {
                s[j] = random.nextGaussian();
            }
            dataLogProbabilities[i] = policy.sample(theta, s, random, action);
            System.arraycopy(s, 0, observations, i * OBSERVATION, OBSERVATION);
            System.arraycopy(action, 0, actions, i * ACTION, ACTION);
        }
        int episodes = ROWS / 200;
        int[] starts = new int[episodes + 1];
        for (int e = 0; e <= episodes; e++) {
            starts[e] = e * 200;
        }
        batch = new TrajectoryBatch("bench", OBSERVATION, ACTION, starts, observations, actions, new double[ROWS], dataLogProbabilities, new boolean[ROWS],
                new boolean[ROWS], new double[episodes * OBSERVATION]);
        weights = new double[ROWS];
        second = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            weights[i] = random.nextGaussian();
            second[i] = 0.1 * random.nextGaussian();
        }
        v = new double[policy.parameterCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        out = new double[policy.parameterCount()];
        logProbabilities = new double[ROWS];

        kernels = new DenseKernels();
        a = new double[SIZE * SIZE];
        b = new double[SIZE * SIZE];
        c = new double[SIZE * SIZE];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextDouble(-1, 1);
            b[i] = random.nextDouble(-1, 1);
        }
        ejmlA = DMatrixRMaj.wrap(SIZE, SIZE, a.clone());
        ejmlB = DMatrixRMaj.wrap(SIZE, SIZE, b.clone());
        ejmlC = new DMatrixRMaj(SIZE, SIZE);
    }

    @Benchmark
    public double[] scoreGradient()
    {
        policy.scoreGradient(theta, batch, weights, out, logProbabilities);
        return out;
    }

    @Benchmark
    public double[] scoreHessianVector()
    {
        policy.scoreHessianVector(theta, batch, weights, second, v, out);
        return out;
    }

    @Benchmark
    public double[] kernelMultiply()
    {
        kernels.multiply(a, 0, b, 0, c, 0, SIZE, SIZE, SIZE);
        return c;
    }

    @Benchmark
    public DMatrixRMaj ejmlMultiply()
    {
        CommonOps_DDRM.mult(ejmlA, ejmlB, ejmlC);
        return ejmlC;
    }
}
