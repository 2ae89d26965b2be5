package org.bomrl.bench;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.openjdk.jmh.annotations.*;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DecompositionExplorationBenchmark
{
    DMatrixRMaj a4 = new DMatrixRMaj(4, 4);
    DMatrixRMaj a3 = new DMatrixRMaj(3, 3);
    DMatrixRMaj w4 = new DMatrixRMaj(4, 4);
    DMatrixRMaj w3 = new DMatrixRMaj(3, 3);
    DMatrixRMaj b4 = new DMatrixRMaj(4, 1);
    DMatrixRMaj x4 = new DMatrixRMaj(4, 1);
    DMatrixRMaj b3 = new DMatrixRMaj(3, 1);
    DMatrixRMaj x3 = new DMatrixRMaj(3, 1);
    SingularValueDecomposition_F64<DMatrixRMaj> svd4 = DecompositionFactory_DDRM.svd(4, 4, false, false, true);
    SingularValueDecomposition_F64<DMatrixRMaj> svd3 = DecompositionFactory_DDRM.svd(3, 3, false, false, true);
    EigenDecomposition_F64<DMatrixRMaj> eigv3 = DecompositionFactory_DDRM.eig(3, true, true);
    EigenDecomposition_F64<DMatrixRMaj> eig3 = DecompositionFactory_DDRM.eig(3, false, true);
    LinearSolverLu_DDRM lu4 = new LinearSolverLu_DDRM(new LUDecompositionAlt_DDRM());
    LinearSolverChol_DDRM chol3 = new LinearSolverChol_DDRM(new CholeskyDecompositionInner_DDRM(true));

    @Setup
    public void setUp()
    {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 4; i++) for (int j = 0; j <= i; j++) { double v = r.nextGaussian(); a4.set(i, j, v); a4.set(j, i, v); }
        for (int i = 0; i < 4; i++) a4.add(i, i, 5);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) a3.set(i, j, a4.get(i, j));
        for (int i = 0; i < 4; i++) b4.set(i, r.nextGaussian());
        for (int i = 0; i < 3; i++) b3.set(i, b4.get(i));
    }

    @Benchmark
    public double svd4lu()
    {
        w4.setTo(a4);
        svd4.decompose(w4);
        lu4.setA(a4);
        lu4.solve(b4, x4);
        return svd4.getSingularValues()[0] + x4.data[0];
    }

    @Benchmark
    public double svd3()
    {
        w3.setTo(a3);
        svd3.decompose(w3);
        return svd3.getSingularValues()[0];
    }

    @Benchmark
    public double eig3Vectors()
    {
        w3.setTo(a3);
        eigv3.decompose(w3);
        return eigv3.getEigenvalue(0).real + eigv3.getEigenVector(0).data[0];
    }

    @Benchmark
    public double eig3ValuesChol()
    {
        w3.setTo(a3);
        eig3.decompose(w3);
        chol3.setA(a3);
        chol3.solve(b3, x3);
        return eig3.getEigenvalue(0).real + x3.data[0];
    }

    @Benchmark
    public double chol3()
    {
        chol3.setA(a3);
        chol3.solve(b3, x3);
        return x3.data[0];
    }
}
