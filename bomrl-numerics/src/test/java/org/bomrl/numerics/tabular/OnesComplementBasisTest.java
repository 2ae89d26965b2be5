package org.bomrl.numerics.tabular;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Both constructions of a basis of 1^⊥ are orthonormal, orthogonal to 1, and span 1^⊥ (UUᵀ = I − 11ᵀ/n). */
final class OnesComplementBasisTest
{
    private static final double ROUNDING = 1e-14;

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 7})
    void helmertBasisIsAnOrthonormalBasisOfOnesComplement(int n)
    {
        checkBasis(OnesComplementBasis.of(n, true), n);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 7})
    void householderBasisIsAnOrthonormalBasisOfOnesComplement(int n)
    {
        checkBasis(OnesComplementBasis.householder(n), n);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void withoutOnesComplementTheBasisIsTheIdentity(int n)
    {
        OnesComplementBasis basis = OnesComplementBasis.of(n, false);
        assertThat(basis.dimension()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(basis.entry(i, j)).isEqualTo(i == j ? 1.0 : 0.0);
            }
        }
    }

    private static void checkBasis(OnesComplementBasis basis, int n)
    {
        int k = n - 1;
        assertThat(basis.ambient()).isEqualTo(n);
        assertThat(basis.dimension()).isEqualTo(k);
        for (int a = 0; a < k; a++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += basis.entry(i, a);
            }
            assertThat(sum).as("column %d ⟂ 1", a).isCloseTo(0, within(ROUNDING));
            for (int b = 0; b < k; b++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += basis.entry(i, a) * basis.entry(i, b);
                }
                assertThat(dot).as("column %d · column %d", a, b).isCloseTo(a == b ? 1 : 0, within(ROUNDING));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double projection = 0;
                for (int a = 0; a < k; a++) {
                    projection += basis.entry(i, a) * basis.entry(j, a);
                }
                assertThat(projection).as("(UUᵀ)_%d%d", i, j).isCloseTo((i == j ? 1 : 0) - 1.0 / n, within(ROUNDING));
            }
        }
    }
}
