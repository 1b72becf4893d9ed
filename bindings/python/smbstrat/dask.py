# SPDX-License-Identifier: MIT
"""Simulation spread over a Dask cluster (``distributed``).

The trials [0, trials) are split into contiguous ranges; each Dask task
loads the document from its JSON text, runs its range on one thread and
returns the part as bytes; the caller loads the parts, merges them in order
and finishes them. Since every random number depends only on the seed and
the trial, scenario and draw indices, the result is exactly the one
:meth:`Document.simulate` gives in one process::

    from distributed import Client
    import smbstrat, smbstrat.dask

    client = Client("tcp://scheduler:8786")
    result = smbstrat.dask.simulate("bakery.json", 10_000_000, client=client, rho=0.3)

The workers need libsmbstrat's Python package of the same version
(docs/distributed.md).
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Tuple, Union

from ._errors import RangeError
from .document import Document
from .simulation import SimulationConfig, SimulationModel, SimulationPart, _response_ids, _threads
from .simulation_results import SimulationResult

if TYPE_CHECKING:  # pragma: no cover
    import distributed

__all__ = ["simulate", "ranges"]

#: How many ranges per worker thread the trials are cut into by default:
#: more than one, so that a slow worker does not hold up the rest.
RANGES_PER_THREAD = 4


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise ImportError(
            "smbstrat.dask needs Dask's distributed scheduler, which is not installed "
            "(Debian: apt install python3-distributed; elsewhere: pip install distributed)"
        ) from exc
    return distributed


def ranges(trials: int, chunk_trials: int) -> List[Tuple[int, int]]:
    """(first, count) of each range of at most `chunk_trials` trials that
    together cover [0, trials), in order."""
    return [(first, min(chunk_trials, trials - first)) for first in range(0, trials, chunk_trials)]


def _run_range(text: str, settings: Dict[str, Any], responses: Tuple[str, ...], first: int,
               count: int) -> bytes:
    """One task, on a worker: trials [first, first + count) of the document
    `text` as part bytes."""
    model = SimulationModel(Document.loads(text), SimulationConfig(**settings), responses)
    return model.run(first, count, threads=1).to_bytes()


def _document(doc_or_path: Union[Document, str, "os.PathLike[str]"]) -> Document:
    if isinstance(doc_or_path, Document):
        return doc_or_path
    if isinstance(doc_or_path, (str, bytes, os.PathLike)):
        return Document.load(doc_or_path)
    raise TypeError(f"doc_or_path must be a Document or a path, not {type(doc_or_path).__name__}")


def simulate(doc_or_path: Union[Document, str, "os.PathLike[str]"], trials: int, *,
             client: "Optional[distributed.Client]" = None, chunk_trials: Optional[int] = None,
             responses: Iterable[Any] = (), threads: int = 0,
             **config: Any) -> SimulationResult:
    """Simulate trials [0, trials) of a document (or the document file at a
    path) on a Dask cluster; the same result as ``doc.simulate(trials,
    ...)``.

    Args:
        client: the ``distributed.Client`` to submit to; None uses the
            current default client, or a local cluster started for this
            call when there is none.
        chunk_trials: trials per task; None cuts the trials into
            ``RANGES_PER_THREAD`` ranges per worker thread.
        responses: ids of the document's chosen responses.
        threads: threads of the final step (the statistics), on this
            machine; each task runs on one thread.
        config: the settings of :class:`SimulationConfig` (seed, rho,
            measure, level, percentiles, threshold, keep_totals, ...).

    Every setting is checked here, before anything is sent, and raises as
    :meth:`Document.simulate` does. ImportError when ``distributed`` is
    not installed.
    """
    dist = _distributed()
    if isinstance(trials, bool) or not isinstance(trials, int):
        raise TypeError(f"trials must be an integer, not {type(trials).__name__}")
    if trials < 1:
        raise RangeError(f"trials: {trials} is out of range (at least 1)")
    if chunk_trials is not None and (isinstance(chunk_trials, bool) or
                                     not isinstance(chunk_trials, int)):
        raise TypeError(f"chunk_trials must be an integer or None, not "
                        f"{type(chunk_trials).__name__}")
    if chunk_trials is not None and chunk_trials < 1:
        raise RangeError(f"chunk_trials: {chunk_trials} is out of range (at least 1)")
    doc = _document(doc_or_path)
    settings = SimulationConfig(**config).settings()
    ids = _response_ids(responses)
    threads = _threads(threads)
    # The model checks the document, settings and responses on the spot; it
    # also loads and finishes the parts the workers send back.
    text = doc.dumps()
    model = SimulationModel(Document.loads(text), SimulationConfig(**settings), ids)

    cluster = None
    if client is None:
        try:
            client = dist.default_client()
        except ValueError:  # no client yet: a local cluster for this call
            cluster = dist.LocalCluster(threads_per_worker=1, processes=True)
            client = dist.Client(cluster)
    assert client is not None
    try:
        if chunk_trials is None:
            workers = max(1, sum(client.nthreads().values()))
            chunk_trials = max(1, math.ceil(trials / (RANGES_PER_THREAD * workers)))
        shared = client.scatter(text, broadcast=True)
        futures = [client.submit(_run_range, shared, settings, ids, first, count)
                   for first, count in ranges(trials, chunk_trials)]
        merged: Optional[SimulationPart] = None
        for future in futures:
            part = model.load_part(future.result())
            future.release()
            if merged is None:
                merged = part
            else:
                merged.merge(part)
    finally:
        if cluster is not None:
            client.close()
            cluster.close()
    assert merged is not None
    return model.finish(merged, threads)
