# SPDX-License-Identifier: MIT
"""The decision tools over plain tables: AHP weights and consistency,
weighted sum and TOPSIS, checked against published examples and hand
arithmetic, with numpy arrays in and out."""

import importlib.util

import pytest

import smbstrat

np = pytest.importorskip("numpy")
approx = pytest.approx
HAS_PANDAS = importlib.util.find_spec("pandas") is not None

# "Analytic hierarchy process – leader example", Wikipedia (after Saaty's
# method): the board compares four criteria for choosing a leader. The
# article's priorities: Experience .547, Education .127, Charisma .270,
# Age .056. The exact principal eigenvector has 0.5476 for Experience, a
# hair from what the article prints, so its figures are matched to 0.001.
LEADER = [
    [1, 4, 3, 7],          # Experience
    [1 / 4, 1, 1 / 3, 3],  # Education
    [1 / 3, 3, 1, 5],      # Charisma
    [1 / 7, 1 / 3, 1 / 5, 1],  # Age
]


def test_ahp_leader_example():
    result = smbstrat.ahp(LEADER)
    assert isinstance(result, smbstrat.AhpResult)
    assert isinstance(result.weights, np.ndarray) and result.weights.dtype == np.float64
    # the published priorities
    assert result.weights == approx([0.547, 0.127, 0.270, 0.056], abs=0.001)
    assert result.weights.sum() == approx(1.0)
    # λmax, checked independently with LAPACK's eigenvalues (numpy) rather
    # than the library's power iteration: 4.1184. By hand from it:
    # CI = (4.1184 − 4) / 3 = 0.0395; RI(4) = 0.90; CR = 0.0395 / 0.90 = 0.0439
    lambda_max = max(np.linalg.eigvals(np.array(LEADER)).real)
    assert result.lambda_max == approx(lambda_max, abs=1e-9)
    assert result.lambda_max == approx(4.1184, abs=0.0001)
    assert result.ci == approx((lambda_max - 4) / 3)
    assert (result.ri, result.size) == (approx(0.90), 4)
    assert result.cr == approx(0.0439, abs=0.0001)
    assert result.consistent
    assert result.iterations > 0
    with pytest.raises(ValueError):  # the weights are a result: read-only
        result.weights[0] = 1


def test_ahp_consistent_and_inconsistent_by_hand():
    # a_ij = w_i / w_j with w = (0.5, 0.3, 0.2): perfectly consistent,
    # λmax = n = 3, CI = CR = 0
    w = np.array([0.5, 0.3, 0.2])
    consistent = smbstrat.ahp(np.outer(w, 1 / w))
    assert consistent.weights == approx(w)
    assert (consistent.lambda_max, consistent.ci, consistent.cr) == (approx(3), approx(0, abs=1e-12),
                                                                     approx(0, abs=1e-12))
    # A > B 9, B > C 9, C > A 9: a circular matrix (first row 1, 9, 1/9) whose
    # principal eigenvalue is the row sum 1 + 9 + 1/9 = 10.111 with equal weights;
    # CI = (10.111 − 3) / 2 = 3.5556; CR = 3.5556 / 0.58 = 6.13 > 0.10
    circular = smbstrat.ahp([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]])
    assert circular.weights == approx([1 / 3] * 3)
    assert circular.lambda_max == approx(1 + 9 + 1 / 9)
    assert circular.cr == approx((1 + 9 + 1 / 9 - 3) / 2 / 0.58)
    assert not circular.consistent


def test_ahp_small_sizes():
    # two criteria: always consistent (RI = 0, CR = 0); 3 to 1 -> 0.75, 0.25
    pair = smbstrat.ahp([[1, 3], [1 / 3, 1]])
    assert pair.weights == approx([0.75, 0.25]) and pair.cr == 0.0 and pair.consistent
    single = smbstrat.ahp([[1]])
    assert single.weights.tolist() == [1.0] and single.ci == 0.0
    assert "consistent" in repr(pair) and "weights=[0.75, 0.25]" in repr(pair)


@pytest.mark.parametrize("matrix, error, needle", [
    ([[1, 0], [0, 1]], smbstrat.RangeError, r"matrix\[0\]\[1\]"),
    ([[1, -2], [-0.5, 1]], smbstrat.RangeError, r"matrix\[0\]\[1\]"),
    ([[1, float("nan")], [1, 1]], smbstrat.RangeError, r"matrix\[0\]\[1\]"),
    ([[1, 2], [2, 1]], smbstrat.InvalidArgumentError, "not reciprocal"),
    ([[2, 1], [1, 1]], smbstrat.InvalidArgumentError, r"matrix\[0\]\[0\]"),
    ([[1, 2, 3], [0.5, 1]], smbstrat.InvalidArgumentError, "table of numbers"),
    ([[1, 2], [0.5, 1], [1, 1]], smbstrat.InvalidArgumentError, "square"),
    ([1, 2, 3], smbstrat.InvalidArgumentError, "rows of numbers"),
    ([["a", "b"], ["c", "d"]], smbstrat.InvalidArgumentError, "table of numbers"),
    (np.ones((16, 16)), smbstrat.LimitError, "at most 15"),
    (np.ones((0, 0)), smbstrat.InvalidArgumentError, ""),
])
def test_ahp_refuses_bad_matrices(matrix, error, needle):
    original = np.array(matrix, dtype=object) if not isinstance(matrix, np.ndarray) else None
    with pytest.raises(error, match=needle):
        smbstrat.ahp(matrix)
    if original is not None:  # the caller's matrix is never written to
        assert np.array(matrix, dtype=object).tolist() == original.tolist()


# Hwang, C.-L. & Yoon, K. (1981), Multiple Attribute Decision Making, Lecture
# Notes in Economics and Mathematical Systems 186, Springer: the fighter
# aircraft example. Columns: maximum speed, ferry range, maximum payload,
# acquisition cost (a cost), reliability, manoeuvrability; weights 0.2, 0.1,
# 0.1, 0.1, 0.2, 0.3. Published relative closeness: A1 0.643, A2 0.268,
# A3 0.613, A4 0.312 (the book rounds its intermediate tables, so the
# match is to 0.001).
AIRCRAFT = [
    [2.0, 1500, 20000, 5.5, 5, 9],
    [2.5, 2700, 18000, 6.5, 3, 5],
    [1.8, 2000, 21000, 4.5, 7, 7],
    [2.2, 1800, 20000, 5.0, 5, 5],
]
AIRCRAFT_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]
AIRCRAFT_DIRECTIONS = ["benefit", "benefit", "benefit", "cost", "benefit", "benefit"]


def test_topsis_fighter_aircraft():
    result = smbstrat.topsis(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_DIRECTIONS)
    assert isinstance(result, smbstrat.McdaResult) and result.method == "topsis"
    assert result.scores == approx([0.643, 0.268, 0.613, 0.312], abs=0.001)
    assert result.order.tolist() == [0, 2, 3, 1]
    assert result.ranks.tolist() == [1, 4, 2, 3]
    # a numpy array in gives the same answer, and raw weights are normalised
    again = smbstrat.topsis(np.array(AIRCRAFT), np.array(AIRCRAFT_WEIGHTS) * 10,
                            AIRCRAFT_DIRECTIONS)
    assert again.scores == approx(result.scores)


def test_topsis_by_hand():
    # A (3, 4), B (4, 3), equal weights: column norms 5; weighted A (0.3, 0.4),
    # B (0.4, 0.3). Both benefits: each is 0.1 from the ideal (0.4, 0.4) and
    # from the anti-ideal (0.3, 0.3): 0.5 each, the tie kept in input order.
    both = smbstrat.topsis([[3, 4], [4, 3]], [1, 1])
    assert both.scores.tolist() == approx([0.5, 0.5]) and both.order.tolist() == [0, 1]
    # second criterion a cost: the ideal is B (score 1), the anti-ideal A (0)
    mixed = smbstrat.topsis([[3, 4], [4, 3]], [1, 1], ["benefit", "cost"])
    assert mixed.scores.tolist() == approx([0.0, 1.0]) and mixed.order.tolist() == [1, 0]


def test_weighted_sum_by_hand():
    # cost (a cost) 100, 200, 300 and quality 2, 5, 4; weights 1 and 3.
    # Min–max: cost -> (300 − x) / 200 = 1, 0.5, 0; quality -> (x − 2) / 3 = 0, 1, 2/3.
    # Weights normalised 0.25, 0.75: A 0.25, B 0.125 + 0.75 = 0.875, C 0.5
    result = smbstrat.weighted_sum([[100, 2], [200, 5], [300, 4]], [1, 3], ["cost", "benefit"])
    assert result.method == "weighted_sum"
    assert result.scores.tolist() == approx([0.25, 0.875, 0.5])
    assert result.order.tolist() == [1, 2, 0]
    # a criterion on which everyone is equal gives everyone 1 on it
    flat = smbstrat.weighted_sum([[1, 7], [2, 7]], [1, 1])
    assert flat.scores.tolist() == approx([0.5, 1.0])


@pytest.mark.skipif(not HAS_PANDAS, reason="pandas is not installed")
def test_a_dataframe_is_a_table():
    import pandas

    frame = pandas.DataFrame({"cost": [100, 200, 300], "quality": [2, 5, 4]})
    result = smbstrat.weighted_sum(frame, [1, 3], ["cost", "benefit"])
    assert result.scores.tolist() == approx([0.25, 0.875, 0.5])


@pytest.mark.parametrize("call, error, needle", [
    (lambda: smbstrat.topsis([[1, 2], [3, -4]], [1, 1]), smbstrat.RangeError,
     r"values\[1\]\[1\]"),
    (lambda: smbstrat.weighted_sum([[1, float("inf")]], [1, 1]), smbstrat.RangeError,
     r"values\[0\]\[1\]"),
    (lambda: smbstrat.topsis([[1, 2], [3, 4]], [1, 1, 1]), smbstrat.InvalidArgumentError,
     "one entry per criterion"),
    (lambda: smbstrat.topsis([[1, 2], [3, 4]], [0, 0]), smbstrat.RangeError,
     "at least one criterion"),
    (lambda: smbstrat.topsis([[1, 2], [3, 4]], [1, -1]), smbstrat.RangeError,
     r"weights\[1\]"),
    (lambda: smbstrat.topsis([[1, 2], [3, 4]], [1, 1], ["benefit", "up"]),
     smbstrat.InvalidArgumentError, "unknown criterion direction 'up'"),
    (lambda: smbstrat.topsis([[1, 2], [3, 4]], [1, 1], ["cost"]),
     smbstrat.InvalidArgumentError, "one entry per criterion"),
    (lambda: smbstrat.topsis([1, 2], [1, 1]), smbstrat.InvalidArgumentError, "rows"),
    (lambda: smbstrat.weighted_sum(np.ones((0, 2)), [1, 1]), smbstrat.InvalidArgumentError,
     ""),
])
def test_ranking_refuses_bad_tables(call, error, needle):
    with pytest.raises(error, match=needle):
        call()


def test_raw_helpers_check_their_buffers():
    from smbstrat import core

    weights = np.empty(2)
    # a list is not a buffer
    with pytest.raises(TypeError):
        core.smbpy_ahp_weights([[1, 1], [1, 1]], 2, weights)
    # a buffer of the wrong size is refused before C reads past its end
    with pytest.raises(ValueError, match="must hold 4 items"):
        core.smbpy_ahp_weights(np.ones(3), 2, weights)
    # integers are not float64
    with pytest.raises(TypeError, match="float64"):
        core.smbpy_ahp_weights(np.ones((2, 2), dtype=np.int64), 2, weights)
    # the output must be writable
    frozen = np.empty(2)
    frozen.setflags(write=False)
    with pytest.raises(TypeError):
        core.smbpy_ahp_weights(np.ones((2, 2)), 2, frozen)
    # a non-contiguous view is refused rather than read wrongly
    with pytest.raises(TypeError):
        core.smbpy_ahp_weights(np.ones((2, 4))[:, ::2], 2, weights)
    scores, order = np.empty(2), np.empty(2, dtype=np.intp)
    with pytest.raises(ValueError, match="unknown method"):
        core.smbpy_mcda(7, np.ones((2, 2)), 2, 2, np.ones(2), None, scores, order)
    with pytest.raises(TypeError, match="integers"):
        core.smbpy_mcda(core.SMB_RANK_TOPSIS, np.ones((2, 2)), 2, 2, np.ones(2),
                        np.zeros(2), scores, order)
    assert core.smbpy_mcda(core.SMB_RANK_TOPSIS, np.ones((2, 2)), 2, 2, np.ones(2), None,
                           scores, None) == core.SMB_OK
