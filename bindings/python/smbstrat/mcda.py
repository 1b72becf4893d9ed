# SPDX-License-Identifier: MIT
"""Multi-criteria decision tools over plain tables: criteria weights from
an AHP pairwise-comparison matrix, the weighted sum of min–max normalised
values, and TOPSIS (docs/methodology.md, "Responses and decisions").

They take nested sequences, numpy arrays or DataFrames and hand back numpy
arrays that the C library wrote in place. numpy is needed here only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Optional, Tuple

from . import _enums, _result_tables
from . import core as _core
from ._errors import InvalidArgumentError, RangeError, check

if TYPE_CHECKING:  # pragma: no cover
    import numpy
    import numpy.typing
    import pandas

__all__ = ["AhpResult", "McdaResult", "ahp", "topsis", "weighted_sum", "consistency_of"]


def _numpy() -> Any:
    try:
        import numpy
    except ImportError as exc:
        raise ImportError(
            "the decision tools need numpy, which is not installed "
            "(Debian: apt install python3-numpy; elsewhere: pip install numpy)"
        ) from exc
    return numpy


def _table(value: object, name: str, ndim: int) -> "numpy.typing.NDArray[numpy.float64]":
    """`value` as a new C-contiguous float64 array of `ndim` dimensions."""
    np = _numpy()
    try:
        array = np.array(value, dtype=np.float64, order="C")
    except (TypeError, ValueError) as exc:
        raise InvalidArgumentError(f"{name} must be a table of numbers: {exc}") from None
    except OverflowError:
        raise RangeError(f"{name} holds a number beyond a double") from None
    if array.ndim != ndim:
        shape = "a sequence of numbers" if ndim == 1 else "a table (rows of numbers)"
        raise InvalidArgumentError(f"{name} must be {shape}, not an array of shape "
                                   f"{array.shape}")
    return array


def _frozen(array: "numpy.typing.NDArray[Any]") -> "numpy.typing.NDArray[Any]":
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class AhpResult:
    """Criteria weights from a pairwise-comparison matrix (:func:`ahp`).

    Attributes:
        weights: the principal eigenvector normalised to sum 1 (a read-only
            numpy array; None when only the consistency was asked for).
        size: n, the number of criteria.
        lambda_max: the principal eigenvalue (n for perfect consistency).
        ci: consistency index (λmax − n)/(n − 1).
        ri: Saaty's random index for n.
        cr: consistency ratio CI/RI (0 for n ≤ 2).
        consistent: cr ≤ 0.10; False means the judgements should be revised.
        iterations: steps of the power iteration.
    """

    weights: Optional["numpy.typing.NDArray[numpy.float64]"]
    size: int
    lambda_max: float
    ci: float
    ri: float
    cr: float
    consistent: bool
    iterations: int

    def __repr__(self) -> str:
        weights = None if self.weights is None else [round(float(w), 4) for w in self.weights]
        verdict = "consistent" if self.consistent else "inconsistent"
        return (f"AhpResult(weights={weights}, lambda_max={self.lambda_max:.4f}, "
                f"ci={self.ci:.4f}, cr={self.cr:.4f}, {verdict})")


def consistency_of(raw: Tuple[Any, ...],
                   weights: Optional["numpy.typing.NDArray[numpy.float64]"]) -> AhpResult:
    """An AhpResult from the consistency tuple the C layer returns."""
    size, lambda_max, ci, ri, cr, consistent, iterations = raw
    return AhpResult(weights=weights, size=size, lambda_max=lambda_max, ci=ci, ri=ri, cr=cr,
                     consistent=bool(consistent), iterations=iterations)


def ahp(matrix: object) -> AhpResult:
    """Criteria weights from a reciprocal pairwise-comparison matrix.

    Entry (i, j) says how many times more important criterion i is than
    criterion j on Saaty's 1–9 scale; a_ii = 1 and a_ji = 1/a_ij. An
    inconsistent matrix (CR above 0.10) is not an error: the result says
    ``consistent=False``.

    Raises InvalidArgumentError for a matrix that is not square or not
    reciprocal, RangeError for a zero, negative or non-finite entry,
    LimitError above 15 criteria.

    >>> result = ahp([[1, 3], [1/3, 1]])
    >>> [round(w, 2) for w in result.weights]
    [0.75, 0.25]
    """
    np = _numpy()
    table = _table(matrix, "matrix", 2)
    n = table.shape[0]
    if table.shape != (n, n):
        raise InvalidArgumentError(f"matrix must be square, not {table.shape[0]} × "
                                   f"{table.shape[1]}")
    weights = np.empty(n, dtype=np.float64)
    status, raw = _core.smbpy_ahp_weights(table, n, weights)
    check(status)
    return consistency_of(raw, _frozen(weights))


@dataclass(frozen=True, eq=False)
class McdaResult:
    """Alternatives scored by :func:`weighted_sum` or :func:`topsis`.

    Attributes:
        method: ``"weighted_sum"`` or ``"topsis"``.
        scores: one score per alternative, 0 (worst) to 1 (best), in input
            order (a read-only numpy array).
        order: the alternatives' indices, best first (equal scores to 12
            decimal places keep input order).
    """

    method: str
    scores: "numpy.typing.NDArray[numpy.float64]"
    order: "numpy.typing.NDArray[numpy.intp]"

    @property
    def ranks(self) -> "numpy.typing.NDArray[numpy.intp]":
        """Each alternative's 1-based rank, in input order."""
        np = _numpy()
        ranks = np.empty(len(self.order), dtype=np.intp)
        ranks[self.order] = np.arange(1, len(self.order) + 1)
        return _frozen(ranks)

    def _repr_html_(self) -> str:
        return _result_tables.mcda_html(self)

    def to_dataframe(self) -> "pandas.DataFrame":
        """One row per alternative, in input order: score, rank (the index
        is the alternative's position). Needs pandas."""
        from ._frame import mcda_dataframe

        return mcda_dataframe(self)


def _directions(value: Optional[Iterable[str]], criteria: int) -> Any:
    if value is None:
        return None
    if isinstance(value, (str, bytes)):
        raise TypeError("directions must be a sequence of 'benefit' / 'cost', not a single str")
    keys = list(value)
    if len(keys) != criteria:
        raise InvalidArgumentError(f"directions must have one entry per criterion "
                                   f"({criteria}), not {len(keys)}")
    np = _numpy()
    return np.array([_enums.criterion_direction_from_key(key) for key in keys], dtype=np.intc)


def _rank(method: str, values: object, weights: object,
          directions: Optional[Iterable[str]]) -> McdaResult:
    np = _numpy()
    table = _table(values, "values", 2)
    alternatives, criteria = table.shape
    weight_row = _table(weights, "weights", 1)
    if weight_row.shape != (criteria,):
        raise InvalidArgumentError(f"weights must have one entry per criterion ({criteria}), "
                                   f"not {weight_row.shape[0]}")
    dirs = _directions(directions, criteria)
    scores = np.empty(alternatives, dtype=np.float64)
    order = np.empty(alternatives, dtype=np.intp)
    status = _core.smbpy_mcda(_enums.rank_method_from_key(method), table, alternatives,
                              criteria, weight_row, dirs, scores, order)
    check(status)
    return McdaResult(method=method, scores=_frozen(scores), order=_frozen(order))


def weighted_sum(values: object, weights: object,
                 directions: Optional[Iterable[str]] = None) -> McdaResult:
    """Score alternatives by the weighted sum of min–max normalised values.

    Args:
        values: alternatives × criteria (rows of numbers, a 2-D array or a
            DataFrame); every value finite, |x| ≤ 1e15.
        weights: one per criterion, 0 to 1e6, not all 0 (normalised to sum 1).
        directions: one ``"benefit"`` (more is better) or ``"cost"`` per
            criterion; None: all benefit.

    A criterion on which all alternatives are equal gives each of them 1.
    """
    return _rank("weighted_sum", values, weights, directions)


def topsis(values: object, weights: object,
           directions: Optional[Iterable[str]] = None) -> McdaResult:
    """Score alternatives by TOPSIS (Hwang & Yoon 1981): closeness to the
    ideal alternative after vector normalisation. Arguments as for
    :func:`weighted_sum`, with every value from 0 to 1e15."""
    return _rank("topsis", values, weights, directions)
