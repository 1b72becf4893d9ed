# SPDX-License-Identifier: MIT
"""Monte Carlo simulation of a document's scenarios (smbstrat/simulate.h).

``doc.simulate(trials)`` does everything at once. Underneath are the three
stages of the C API, for runs split across threads, processes or machines:

- a :class:`SimulationConfig` holds the settings (seed, correlation,
  measure, tail level, percentiles, threshold, ...);
- a :class:`SimulationModel` is compiled from a document and a
  configuration; it is immutable, and any number of threads may run it;
- :meth:`SimulationModel.run` simulates a range of trials into a
  :class:`SimulationPart`; parts of adjacent ranges merge exactly, travel
  between processes as bytes, and :meth:`SimulationModel.finish` turns one
  into a :class:`~smbstrat.SimulationResult`.

Every random number is a pure function of the seed, the trial, the
scenario and the draw, so a result does not depend on the number of
threads nor on how the trials were split. The formulas are in
docs/methodology.md, "Monte Carlo simulation".
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, Optional, Tuple, Union

from . import _args, _enums
from . import core as _core
from ._errors import InvalidArgumentError, NotFoundError, RangeError, check
from ._handles import OwnedHandle, lock_all
from ._model import new_handle
from .simulation_results import SimulationResult, result_of

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

__all__ = [
    "DEFAULT_PERCENTILES",
    "SimulationConfig",
    "SimulationModel",
    "SimulationPart",
    "Progress",
]

#: The percentiles a configuration reports unless told otherwise.
DEFAULT_PERCENTILES: Tuple[float, ...] = (5, 50, 90, 95, 99)

#: A progress callback: called with the fraction done (0 to 1) on the
#: thread that started the run; returning True cancels the run.
Progress = Callable[[float], Optional[bool]]

_UINT64_MAX = 2**64 - 1


def _unsigned(value: object, name: str, high: int = _UINT64_MAX) -> int:
    """`value` as an int from 0 to `high` (bool refused)."""
    if isinstance(value, bool):
        raise TypeError(f"{name} must be an integer, not bool")
    try:
        number = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{name} must be an integer, not {type(value).__name__}") from None
    if not 0 <= number <= high:
        raise RangeError(f"{name}: {number} is out of range (0 to {high})")
    return number


def _threads(value: object) -> int:
    # The library refuses more than SMB_SIM_MAX_THREADS with its own message;
    # only what does not fit a C unsigned is stopped here.
    return _unsigned(value, "threads", 2**32 - 1)


def _callback(progress: object) -> object:
    if progress is not None and not callable(progress):
        raise TypeError(f"progress must be callable or None, not {type(progress).__name__}")
    return progress


def _percentiles(value: object) -> Tuple[float, ...]:
    wrong = TypeError(f"percentiles must be a sequence of numbers, not {type(value).__name__}")
    if isinstance(value, (str, bytes)):
        raise wrong
    try:
        items: Tuple[object, ...] = tuple(value)  # type: ignore[arg-type]
    except TypeError:
        raise wrong from None
    return tuple(_args.real(p, f"percentiles[{i}]") for i, p in enumerate(items))


def _source_rho(value: object) -> Dict[int, float]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"source_rho must be a mapping of source keys to numbers, not "
                        f"{type(value).__name__}")
    return {_enums.source_from_key(key): _args.real(rho, f"source_rho[{key!r}]")
            for key, rho in value.items()}


class SimulationConfig:
    """The settings of a simulation; immutable (:meth:`replace` makes a
    changed copy).

    Args:
        seed: any integer from 0 to 2**64 − 1.
        rho: the correlation ρ of the one-factor Gaussian copula on
            occurrences, from 0 (independent) to below 1.
        source_rho: ρ for the scenarios of some sources, by source key
            (``{"economic": 0.6}``), overriding `rho`.
        measure: ``"severity"`` (impact 1–5 × vulnerability, as the
            exposure scores) or ``"money"`` (money impact × vulnerability).
        level: the tail level α of value-at-risk and expected shortfall,
            strictly between 0 and 1.
        percentiles: the percentiles to report, each 0 to 100.
        threshold: report the probability that the loss exceeds it; None
            for none.
        keep_totals: keep every trial's totals (exact percentiles, VaR and
            ES, and :attr:`SimulationResult.totals`); False keeps memory
            flat in the number of trials and uses a quantile sketch.
        sketch_accuracy: the sketch's relative accuracy (1e-4 to 0.1).
        sensitivity_trials: how many trials feed the Spearman sensitivity;
            0 turns it off.

    A refused value raises :class:`RangeError` (a number out of range),
    :class:`InvalidArgumentError` (an unknown measure or source),
    :class:`LimitError` (too many percentiles) or TypeError (a wrong type).
    """

    __slots__ = ("_handle", "__weakref__")

    def __init__(self, *, seed: int = 0, rho: float = 0.0,
                 source_rho: Optional[Mapping[str, float]] = None,
                 measure: str = "severity", level: float = _core.SMB_SIM_DEFAULT_LEVEL,
                 percentiles: Iterable[float] = DEFAULT_PERCENTILES,
                 threshold: Optional[float] = None, keep_totals: bool = True,
                 sketch_accuracy: float = _core.SMB_SIM_DEFAULT_SKETCH_ACCURACY,
                 sensitivity_trials: int = _core.SMB_SIM_DEFAULT_SENSITIVITY_TRIALS) -> None:
        seed = _unsigned(seed, "seed")
        rho = _args.real(rho, "rho")
        overrides = _source_rho(source_rho)
        measure_value = _enums.sim_measure_from_key(measure)
        level = _args.real(level, "level")
        levels = _percentiles(percentiles)
        if threshold is not None:
            threshold = _args.real(threshold, "threshold")
        if not isinstance(keep_totals, bool):
            raise TypeError(f"keep_totals must be bool, not {type(keep_totals).__name__}")
        sketch_accuracy = _args.real(sketch_accuracy, "sketch_accuracy")
        sensitivity_trials = _unsigned(sensitivity_trials, "sensitivity_trials")
        self._handle = new_handle(_core.smb_sim_config_new, _core.smb_sim_config_free,
                                     "sim_config")
        ptr = self._handle.pointer()
        check(_core.smb_sim_config_set_seed(ptr, seed))
        check(_core.smb_sim_config_set_rho(ptr, rho))
        for source, value in overrides.items():
            check(_core.smb_sim_config_set_source_rho(ptr, source, value))
        check(_core.smb_sim_config_set_measure(ptr, measure_value))
        check(_core.smb_sim_config_set_level(ptr, level))
        check(_core.smb_sim_config_set_percentiles(ptr, levels))
        if threshold is not None:
            check(_core.smb_sim_config_set_threshold(ptr, threshold))
        check(_core.smb_sim_config_set_keep_totals(ptr, int(keep_totals)))
        check(_core.smb_sim_config_set_sketch_accuracy(ptr, sketch_accuracy))
        check(_core.smb_sim_config_set_sensitivity_trials(ptr, sensitivity_trials))

    @classmethod
    def _owning(cls, ptr: Any) -> "SimulationConfig":
        config = cls.__new__(cls)
        config._handle = OwnedHandle(ptr, _core.smb_sim_config_free, "sim_config")
        return config

    # The configuration never changes after __init__, so reading it needs
    # no lock.
    @property
    def _ptr(self) -> Any:
        return self._handle.pointer()

    @property
    def seed(self) -> int:
        """The seed of the random numbers, 0 to 2**64 − 1."""
        return _core.smb_sim_config_seed(self._ptr)

    @property
    def rho(self) -> float:
        """ρ of the sources without an override."""
        return _core.smb_sim_config_rho(self._ptr)

    @property
    def source_rho(self) -> Dict[str, float]:
        """The overrides, by source key (only the sources that have one)."""
        ptr = self._ptr
        return {key: _core.smb_sim_config_source_rho(ptr, source)
                for source, key in enumerate(_enums.source_keys())
                if _core.smb_sim_config_has_source_rho(ptr, source)}

    @property
    def measure(self) -> str:
        """``"severity"`` or ``"money"``: what a trial's total adds up."""
        return _enums.sim_measure_key(_core.smb_sim_config_measure(self._ptr))

    @property
    def level(self) -> float:
        """The tail level α of value-at-risk and expected shortfall."""
        return _core.smb_sim_config_level(self._ptr)

    @property
    def percentiles(self) -> Tuple[float, ...]:
        """The percentiles reported, each 0 to 100, in the order given."""
        ptr = self._ptr
        return tuple(_core.smb_sim_config_percentile_at(ptr, i)
                     for i in range(_core.smb_sim_config_percentile_count(ptr)))

    @property
    def threshold(self) -> Optional[float]:
        """The loss whose exceedance probability is reported, or None."""
        ptr = self._ptr
        if not _core.smb_sim_config_has_threshold(ptr):
            return None
        return _core.smb_sim_config_threshold(ptr)

    @property
    def keep_totals(self) -> bool:
        """Whether every trial's totals are kept (exact tail figures)."""
        return bool(_core.smb_sim_config_keep_totals(self._ptr))

    @property
    def sketch_accuracy(self) -> float:
        """The relative accuracy of the quantile sketch used without totals."""
        return _core.smb_sim_config_sketch_accuracy(self._ptr)

    @property
    def sensitivity_trials(self) -> int:
        """How many trials feed the Spearman sensitivity (0: none)."""
        return _core.smb_sim_config_sensitivity_trials(self._ptr)

    _FIELDS = ("seed", "rho", "source_rho", "measure", "level", "percentiles", "threshold",
               "keep_totals", "sketch_accuracy", "sensitivity_trials")

    def settings(self) -> Dict[str, Any]:
        """Every setting, as the keyword arguments that make this
        configuration again."""
        return {name: getattr(self, name) for name in self._FIELDS}

    def replace(self, **changes: Any) -> "SimulationConfig":
        """A new configuration with some settings changed."""
        unknown = set(changes) - set(self._FIELDS)
        if unknown:
            raise TypeError(f"unknown setting {sorted(unknown)[0]!r}; the settings are "
                            f"{', '.join(self._FIELDS)}")
        return SimulationConfig(**{**self.settings(), **changes})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SimulationConfig):
            return NotImplemented
        return self.settings() == other.settings()

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_config_from_settings, (self.settings(),))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.settings().items())
        return f"SimulationConfig({shown})"


def _config_from_settings(settings: Dict[str, Any]) -> SimulationConfig:
    return SimulationConfig(**settings)


def _response_ids(responses: object) -> Tuple[str, ...]:
    """Ids from an iterable of ids or Response objects."""
    if isinstance(responses, (str, bytes)):
        raise TypeError(f"responses must be an iterable of response ids, not a single "
                        f"{type(responses).__name__}")
    try:
        items: Tuple[object, ...] = tuple(responses)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"responses must be an iterable of response ids, not "
                        f"{type(responses).__name__}") from None
    return tuple(_args.text(getattr(item, "id", item), f"responses[{i}]")
                 for i, item in enumerate(items))


class SimulationModel:
    """A document's scenarios compiled for simulation with a configuration
    and, optionally, chosen responses (ids of the document's responses,
    applied to the threats as :meth:`Responses.residual` does).

    The model copies what it needs: the document may change afterwards
    without affecting it. It is immutable; any number of threads may call
    :meth:`run` at once.

    Raises InvalidArgumentError when the document has no scenarios (or a
    response is listed twice), NotFoundError for an unknown response,
    RangeError for the money measure when no scenario has a money impact.
    """

    __slots__ = ("_handle", "__weakref__")

    def __init__(self, doc: "Document", config: Optional[SimulationConfig] = None,
                 responses: Iterable[Union[str, Any]] = ()) -> None:
        from .document import Document

        if not isinstance(doc, Document):
            raise TypeError(f"doc must be a Document, not {type(doc).__name__}")
        if config is None:
            config = SimulationConfig()
        elif not isinstance(config, SimulationConfig):
            raise TypeError(f"config must be a SimulationConfig or None, not "
                            f"{type(config).__name__}")
        ids = _response_ids(responses)
        with lock_all(doc._lock, config._handle.lock):
            scenarios = _core.smb_document_scenarios(doc._ptr)
            if scenarios is None:
                raise InvalidArgumentError(
                    "the document has no scenarios to simulate (no 'scenarios' section)")
            chosen = _core.smb_document_responses(doc._ptr)
            if ids and chosen is None:
                raise NotFoundError(f"responses[0]: the document has no responses section, "
                                    f"so no response {ids[0]!r}")
            status, ptr = _core.smb_sim_model_new(scenarios, _core.smb_document_resilience(
                doc._ptr), chosen, list(ids), config._handle.pointer())
            check(status)
        self._handle = OwnedHandle(ptr, _core.smb_sim_model_free, "sim_model")

    # A model never changes, and many threads may run it at once, so it is
    # used without its lock; the caller's reference keeps it alive.
    @property
    def _ptr(self) -> Any:
        return self._handle.pointer()

    @property
    def fingerprint(self) -> int:
        """A 64-bit digest of everything that shapes the trials and the
        statistics; parts carry it, and only merge and finish with a model
        that has the same."""
        return _core.smb_sim_model_fingerprint(self._ptr)

    @property
    def scenario_count(self) -> int:
        """The number of scenarios simulated."""
        return _core.smb_sim_model_scenario_count(self._ptr)

    @property
    def config(self) -> SimulationConfig:
        """A copy of the configuration the model was compiled with."""
        status, ptr = _core.smb_sim_config_copy(_core.smb_sim_model_config(self._ptr))
        check(status)
        return SimulationConfig._owning(ptr)

    def run(self, first: int, count: int, threads: int = 0,
            progress: Optional[Progress] = None) -> "SimulationPart":
        """Simulate trials [first, first + count) on `threads` threads (0:
        one per processor; the part does not depend on it). `progress` is
        called now and then with the fraction done; returning True cancels
        the run with CanceledError. The GIL is released meanwhile."""
        first = _unsigned(first, "first")
        count = _unsigned(count, "count")
        threads = _threads(threads)
        _callback(progress)
        status, ptr = _core.smbpy_sim_run(self._ptr, first, count, threads, progress)
        check(status)
        return SimulationPart._owning(ptr)

    def finish(self, part: "SimulationPart", threads: int = 0) -> SimulationResult:
        """The statistics of a part run by this model (or merged from such
        parts); InvalidArgumentError for another model's part."""
        if not isinstance(part, SimulationPart):
            raise TypeError(f"part must be a SimulationPart, not {type(part).__name__}")
        threads = _threads(threads)
        with part._handle as part_ptr:
            status, ptr = _core.smb_sim_finish(self._ptr, part_ptr, threads)
        check(status)
        return result_of(ptr)

    def simulate(self, trials: int, threads: int = 0,
                 progress: Optional[Progress] = None) -> SimulationResult:
        """Run trials [0, trials) and finish them (the progress callback
        covers both)."""
        trials = _unsigned(trials, "trials")
        threads = _threads(threads)
        _callback(progress)
        status, ptr = _core.smbpy_simulate(self._ptr, trials, threads, progress)
        check(status)
        return result_of(ptr)

    def load_part(self, data: Union[bytes, bytearray, memoryview]) -> "SimulationPart":
        """A part from the bytes of :meth:`SimulationPart.to_bytes` (or from
        unpickling a part). ParseError when they are truncated or corrupt,
        InvalidArgumentError when another model made them."""
        status, ptr = _core.smb_sim_part_load(self._ptr, data)
        check(status)
        return SimulationPart._owning(ptr)

    def __repr__(self) -> str:
        return (f"<SimulationModel: {self.scenario_count} scenarios, fingerprint "
                f"{self.fingerprint:#018x}>")


class SimulationPart:
    """The trials of one contiguous range, before their statistics.

    A part is pickled as its bytes: unpickling gives those bytes, which
    :meth:`SimulationModel.load_part` turns back into a part after checking
    that the model is the one that ran it.
    """

    __slots__ = ("_handle", "__weakref__")

    _handle: OwnedHandle

    def __init__(self) -> None:
        raise TypeError("parts come from SimulationModel.run() and load_part()")

    @classmethod
    def _owning(cls, ptr: Any) -> "SimulationPart":
        part = cls.__new__(cls)
        part._handle = OwnedHandle(ptr, _core.smb_sim_part_free, "sim_part")
        return part

    @property
    def first(self) -> int:
        """The first trial of the range."""
        with self._handle as ptr:
            return _core.smb_sim_part_first(ptr)

    @property
    def count(self) -> int:
        """The number of trials in the range."""
        with self._handle as ptr:
            return _core.smb_sim_part_count(ptr)

    @property
    def fingerprint(self) -> int:
        """The fingerprint of the model that ran it."""
        with self._handle as ptr:
            return _core.smb_sim_part_fingerprint(ptr)

    def merge(self, other: "SimulationPart") -> None:
        """Add `other`'s trials to this part, in place. The two ranges must
        be adjacent (either may come first) and from the same model
        (InvalidArgumentError otherwise, and nothing changes); the merged
        part is exactly what one run over both ranges gives."""
        if not isinstance(other, SimulationPart):
            raise TypeError(f"other must be a SimulationPart, not {type(other).__name__}")
        with lock_all(self._handle.lock, other._handle.lock):
            check(_core.smb_sim_part_merge(self._handle.pointer(), other._handle.pointer()))

    def to_bytes(self) -> bytes:
        """The part as bytes (little-endian, versioned), for another process."""
        with self._handle as ptr:
            status, data = _core.smb_sim_part_save(ptr)
        check(status)
        return data

    __bytes__ = to_bytes

    def __reduce__(self) -> Tuple[Any, ...]:
        return (bytes, (self.to_bytes(),))

    def __repr__(self) -> str:
        first, count = self.first, self.count
        return (f"<SimulationPart: trials {first} to {first + count - 1} ({count}), "
                f"fingerprint {self.fingerprint:#018x}>")


def simulate_document(doc: "Document", trials: int, threads: int, responses: Iterable[Any],
                      progress: Optional[Progress], settings: Dict[str, Any]
                      ) -> SimulationResult:
    """Document.simulate(): a model of `doc` with the configuration
    `settings`, run over trials [0, trials)."""
    model = SimulationModel(doc, SimulationConfig(**settings), responses)
    return model.simulate(trials, threads, progress)
