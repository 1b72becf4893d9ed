# SPDX-License-Identifier: MIT
"""Document: the JSON file that holds a whole analysis, loaded and saved
strictly (docs/format.md)."""

from __future__ import annotations

import threading
import weakref
from typing import (TYPE_CHECKING, Any, Callable, Dict, Iterable, Mapping, Optional, Tuple,
                    Type, TypeVar, Union)

from . import _args, _display
from . import core as _core
from ._errors import check
from ._handles import SectionHandle, lock_all
from .canvas import Canvas
from .forces import Forces, driver_counts
from .resilience import Resilience
from .responses import Responses
from .scenarios import Scenarios
from .simulation import DEFAULT_PERCENTILES

if TYPE_CHECKING:  # pragma: no cover
    from .document_results import DocumentScore
    from .simulation_results import SimulationResult

T = TypeVar("T")

__all__ = ["Document"]


# Each section's C accessor and replacer.
_SECTIONS: Dict[str, Tuple[Callable[[Any], Any], Callable[[Any, Any], int]]] = {
    "canvas": (_core.smb_document_canvas, _core.smb_document_set_canvas),
    "forces": (_core.smb_document_forces, _core.smb_document_set_forces),
    "resilience": (_core.smb_document_resilience, _core.smb_document_set_resilience),
    "scenarios": (_core.smb_document_scenarios, _core.smb_document_set_scenarios),
    "responses": (_core.smb_document_responses, _core.smb_document_set_responses),
}


class Document:
    """A document with optional sections: the business model canvas, the
    five forces, the resilience profile, the disruption scenarios and the
    responses, plus settings such as the planning budget.

    >>> doc = Document.loads('{"smbstrat": 1, "canvas": {"name": "Crumb"}}')
    >>> doc.canvas.name
    'Crumb'

    Loading is strict: an unknown key, a wrong type or an out-of-range
    number raises a :class:`SchemaError`, :class:`RangeError`, ... naming the
    JSON path, line and column.
    """

    __slots__ = ("_ptr", "_lock", "_generations", "_finalizer", "__weakref__")

    def __init__(self) -> None:
        """An empty document, without a canvas."""
        status, ptr = _core.smb_document_new()
        check(status)
        self._adopt(ptr)

    def _adopt(self, ptr: object) -> None:
        self._ptr = ptr
        self._lock = threading.RLock()
        # Bumped whenever a section is replaced: views made for an earlier
        # generation are detached (see _handles.SectionHandle).
        self._generations = {section: 0 for section in _SECTIONS}
        self._finalizer = weakref.finalize(self, _core.smb_document_free, ptr)

    @classmethod
    def _from_pointer(cls, ptr: object) -> "Document":
        doc = cls.__new__(cls)
        doc._adopt(ptr)
        return doc

    @classmethod
    def load(cls, path: _args.PathArg) -> "Document":
        """Load the document in the file at `path` (str or os.PathLike).

        Raises FileError (an OSError) when the file cannot be read,
        ParseError, SchemaError, RangeError, ExistsError, NotFoundError or
        LimitError when its content is refused."""
        raw = _args.path(path)
        status, ptr = _core.smb_document_load_file(raw)
        check(status)
        return cls._from_pointer(ptr)

    @classmethod
    def loads(cls, text: Union[str, bytes, bytearray, memoryview]) -> "Document":
        """Load a document from JSON text (str, or UTF-8 bytes)."""
        if isinstance(text, str):
            # Lone surrogates cannot be UTF-8: let them through as invalid
            # bytes so that C reports them like any other bad input.
            data: object = text.encode("utf-8", "surrogatepass")
        elif isinstance(text, (bytes, bytearray, memoryview)):
            data = text
        else:
            raise TypeError(f"loads() needs str or bytes, not {type(text).__name__}")
        status, ptr = _core.smb_document_load_string(data)
        check(status)
        return cls._from_pointer(ptr)

    def save(self, path: _args.PathArg) -> None:
        """Write the document to `path` atomically: the old file stays
        intact if anything fails."""
        raw = _args.path(path)
        with self._lock:
            check(_core.smb_document_save_file(self._ptr, raw))

    def dumps(self) -> str:
        """The document as JSON text, exactly as save() writes it."""
        with self._lock:
            status, text = _core.smb_document_save_string(self._ptr)
            check(status)
        return text

    # -- sections ---------------------------------------------------------

    def _generation(self, section: str) -> int:
        """How many times `section` was replaced or removed (see
        _handles.SectionHandle)."""
        return self._generations[section]

    def _section_handle(self, section: str) -> Optional[SectionHandle]:
        """A handle of `section` as it is now, or None when it is absent."""
        with self._lock:
            ptr = _SECTIONS[section][0](self._ptr)
            return None if ptr is None else SectionHandle(self, section, ptr)

    def _section(self, section: str, wrap: Callable[[SectionHandle], T]) -> Optional[T]:
        handle = self._section_handle(section)
        return None if handle is None else wrap(handle)

    def _replace(self, section: str, value: Any, cls: Type[Any]) -> None:
        put = _SECTIONS[section][1]
        if value is not None and not isinstance(value, cls):
            raise TypeError(
                f"{section} must be a {cls.__name__} or None, not {type(value).__name__}")
        if value is None:
            with self._lock:
                check(put(self._ptr, None))
                self._generations[section] += 1
            return
        with lock_all(self._lock, value._handle.lock):
            check(put(self._ptr, value._handle.pointer()))
            self._generations[section] += 1

    @property
    def canvas(self) -> Optional[Canvas]:
        """The canvas section (a view that changes the document), or None.

        Assigning a Canvas stores a copy of it; assigning None removes the
        section, as ``del doc.canvas`` does. Either way, views of the
        previous canvas are detached and raise DetachedError when used."""
        return self._section("canvas", Canvas._from_handle)

    @canvas.setter
    def canvas(self, value: Optional[Canvas]) -> None:
        self._replace("canvas", value, Canvas)

    @canvas.deleter
    def canvas(self) -> None:
        self._replace("canvas", None, Canvas)

    @property
    def forces(self) -> Optional[Forces]:
        """The five-forces section (a view that changes the document), or
        None.

        Assigning a Forces stores a copy of it; assigning None removes the
        section, as ``del doc.forces`` does. Either way, views of the
        previous assessment (its forces and drivers included) are detached
        and raise DetachedError when used."""
        return self._section("forces", Forces._from_handle)

    @forces.setter
    def forces(self, value: Optional[Forces]) -> None:
        self._replace("forces", value, Forces)

    @forces.deleter
    def forces(self) -> None:
        self._replace("forces", None, Forces)

    @property
    def resilience(self) -> Optional[Resilience]:
        """The resilience profile (a view that changes the document), or
        None. Assigning a Resilience stores a copy; None (or ``del``)
        removes the section. Either way, views of the previous profile are
        detached."""
        return self._section("resilience", Resilience._from_handle)

    @resilience.setter
    def resilience(self, value: Optional[Resilience]) -> None:
        self._replace("resilience", value, Resilience)

    @resilience.deleter
    def resilience(self) -> None:
        self._replace("resilience", None, Resilience)

    @property
    def scenarios(self) -> Optional[Scenarios]:
        """The disruption scenarios with their scoring settings (a view that
        changes the document), or None. Assigning a Scenarios stores a copy;
        None (or ``del``) removes the section. Either way, views of the
        previous set (its scenarios included) are detached."""
        return self._section("scenarios", Scenarios._from_handle)

    @scenarios.setter
    def scenarios(self, value: Optional[Scenarios]) -> None:
        self._replace("scenarios", value, Scenarios)

    @scenarios.deleter
    def scenarios(self) -> None:
        self._replace("scenarios", None, Scenarios)

    @property
    def responses(self) -> Optional[Responses]:
        """The candidate responses with their criteria (a view that changes
        the document), or None. Assigning a Responses stores a copy; None
        (or ``del``) removes the section. Either way, views of the previous
        set are detached."""
        return self._section("responses", Responses._from_handle)

    @responses.setter
    def responses(self, value: Optional[Responses]) -> None:
        self._replace("responses", value, Responses)

    @responses.deleter
    def responses(self) -> None:
        self._replace("responses", None, Responses)

    @property
    def budget(self) -> Optional[float]:
        """The planning budget of the settings, or None when there is none.
        Assign a number (0 or more) to set it, None (or ``del``) to forget it."""
        with self._lock:
            status, value = _core.smb_document_budget(self._ptr)
        if status == _core.SMB_ENOTFOUND:
            return None
        check(status)
        return value

    @budget.setter
    def budget(self, value: Optional[float]) -> None:
        if value is None:
            del self.budget
            return
        value = _args.real(value, "budget")
        with self._lock:
            check(_core.smb_document_set_budget(self._ptr, value))

    @budget.deleter
    def budget(self) -> None:
        with self._lock:
            check(_core.smb_document_clear_budget(self._ptr))

    # -- everything at once -------------------------------------------------

    def score(self) -> "DocumentScore":
        """Every score of the document at once, as ``smbstrat score``
        shows them: the five forces, the resilience indices, the scenarios
        scored against the profile, each shifting scenario's stress test
        against the forces, and the threats' heat on the canvas. A part
        whose sections are absent is None (stress tests: empty)."""
        from .document_results import document_score

        with self._lock:
            return document_score({section: get(self._ptr)
                                   for section, (get, _) in _SECTIONS.items()})

    def simulate(self, trials: int = 100_000, *, seed: int = 0, threads: int = 0,
                 rho: float = 0.0, source_rho: Optional[Mapping[str, float]] = None,
                 measure: str = "severity", level: float = _core.SMB_SIM_DEFAULT_LEVEL,
                 percentiles: Iterable[float] = DEFAULT_PERCENTILES,
                 threshold: Optional[float] = None, keep_totals: bool = True,
                 sketch_accuracy: float = _core.SMB_SIM_DEFAULT_SKETCH_ACCURACY,
                 sensitivity_trials: int = _core.SMB_SIM_DEFAULT_SENSITIVITY_TRIALS,
                 responses: Iterable[Any] = (),
                 progress: Optional[Callable[[float], Optional[bool]]] = None
                 ) -> "SimulationResult":
        """Monte Carlo simulation of the scenarios: trials [0, trials) of
        how much loss (threats) and upside (opportunities) land together.

        The settings are those of :class:`SimulationConfig`; `threads` is
        the number of worker threads (0: one per processor; the result does
        not depend on it); `responses` are ids of the document's responses,
        applied to the threats as :meth:`Responses.residual` does;
        `progress` is called with the fraction done, on this thread, and
        returning True cancels the run with :class:`CanceledError`. The GIL
        is released while the simulation runs.

        Raises InvalidArgumentError (no scenarios, an unknown measure or
        source), RangeError (a number out of range: trials 0, rho 1, level
        1.5, a percentile 101), LimitError (too many percentiles),
        NotFoundError (an unknown response), TypeError (a wrong type)."""
        from .simulation import simulate_document

        settings = dict(seed=seed, rho=rho, source_rho=source_rho, measure=measure,
                        level=level, percentiles=percentiles, threshold=threshold,
                        keep_totals=keep_totals, sketch_accuracy=sketch_accuracy,
                        sensitivity_trials=sensitivity_trials)
        return simulate_document(self, trials, threads, responses, progress, settings)

    def report(self, format: str = "html",
               simulation: "Optional[SimulationResult]" = None) -> str:
        """The whole analysis as one report to share, rendered by the
        library (docs/report.md): summary, canvas, five forces, resilience,
        scenarios, block heat, simulation and recommended responses.

        `format` is ``"html"`` (one self-contained page) or ``"markdown"``
        (the same text and tables, without the pictures). `simulation` is a
        result of :meth:`simulate` on this document's scenarios, or None,
        which the simulation section then says.

        Raises InvalidArgumentError (another format; a simulation of
        scenarios this document lacks; a result rebuilt from a pickle,
        which no longer holds the C result), NotFoundError (a response
        that cannot be ranked), TypeError (a wrong type)."""
        from .document_report import render_report

        return render_report(self, format, simulation)

    def save_report(self, path: _args.PathArg, format: Optional[str] = None,
                    simulation: "Optional[SimulationResult]" = None) -> None:
        """Write :meth:`report` to `path`, atomically as :meth:`save` does.
        Without `format`, the suffix says it: ``.html`` or ``.htm`` for
        HTML, ``.md`` or ``.markdown`` for Markdown (InvalidArgumentError
        for another). Raises FileError when the file cannot be written,
        and what :meth:`report` raises."""
        from .document_report import save_report

        save_report(self, path, format, simulation)

    def __reduce__(self) -> Tuple[Any, ...]:
        """Pickle as the document's JSON text."""
        return (Document.loads, (self.dumps(),))

    def __repr__(self) -> str:
        with self._lock:
            ptrs = {section: get(self._ptr) for section, (get, _) in _SECTIONS.items()}
            parts = []
            if ptrs["canvas"] is not None:
                name = _core.smb_canvas_name(ptrs["canvas"])
                total = _core.smb_canvas_item_total(ptrs["canvas"])
                parts.append(f"canvas{_display.label(name)} with {total} "
                             f"{_display.plural(total, 'item')}")
            if ptrs["forces"] is not None:
                name = _core.smb_forces_name(ptrs["forces"])
                rated, total = driver_counts(ptrs["forces"])
                parts.append(f"forces{_display.label(name)} with {rated} of {total} "
                             f"drivers rated")
            if ptrs["resilience"] is not None:
                status, index = _core.smb_resilience_index(ptrs["resilience"])
                parts.append(f"resilience index {_display.number(index, 3)}")
            for section, count in (("scenarios", _core.smb_scenarios_count),
                                   ("responses", _core.smb_responses_count)):
                if ptrs[section] is not None:
                    n = count(ptrs[section])
                    parts.append(f"{n} {_display.plural(n, section[:-1])}")
        if not parts:
            return "<Document (empty)>"
        return f"<Document: {'; '.join(parts)}>"
