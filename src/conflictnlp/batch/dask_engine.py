"""The Dask engine: the same parts, processed by ``distributed`` workers (``--engine dask``).

Each worker process loads the pipeline once, through a ``WorkerPlugin``, and processes one part
at a time with it (spaCy's ``memory_zone`` is not thread-safe, so threads of a worker take
turns; give workers one thread and scale with processes). The client reads the inputs, keeps
a bounded number of parts in flight and writes every finished part itself, so the parts
folder, resuming and the records are exactly those of the local engine.

Per-article size limits and exception isolation work as in the local engine. The time limit
does not: Dask cannot stop a task that hangs, so corpora that may hold pathological articles
are better run with the local engine, one ``--shard`` per machine.
"""

from __future__ import annotations

import logging
import threading
from typing import Callable, Iterable, Iterator, Optional

from spacy.language import Language

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from .chunks import Chunk, ChunkResult, ProcessOptions, chunk_records

PLUGIN_NAME = "conflictnlp-pipeline"


class PipelinePlugin(WorkerPlugin):
    """Loads the conflictnlp pipeline once in each Dask worker process: ``model()``, a
    picklable function that builds it (e.g. ``functools.partial(conflictnlp.load, name)``)."""

    name = PLUGIN_NAME

    def __init__(self, model: Callable[[], Language]):
        self.model = model
        self.nlp = None
        self.lock = threading.Lock()

    def setup(self, worker) -> None:
        self.nlp = self.model()

    def teardown(self, worker) -> None:
        self.nlp = None

    def __getstate__(self):
        return {"model": self.model}

    def __setstate__(self, state):
        self.__init__(state["model"])


def process_chunk(chunk: Chunk, options: ProcessOptions) -> ChunkResult:
    """Run on a Dask worker: the records of one part, with the worker's pipeline."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    with plugin.lock:
        return ChunkResult(chunk.number, list(chunk_records(chunk.articles, plugin.nlp, options)))


def run_on_dask(
    chunks: Iterable[Chunk],
    options: ProcessOptions,
    *,
    model: Callable[[], Language],
    scheduler: Optional[str] = None,
    n_workers: int = 1,
) -> Iterator[ChunkResult]:
    """Process parts on the cluster at ``scheduler`` (default: a new ``LocalCluster`` of
    ``n_workers`` single-threaded processes); yield each part as it finishes."""
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        client.register_plugin(PipelinePlugin(model), name=PLUGIN_NAME)
        # enough parts queued to keep every worker thread busy, few enough to bound memory
        limit = 2 * max(1, sum(client.nthreads().values()))
        finished = as_completed()
        for chunk in chunks:
            finished.add(client.submit(process_chunk, chunk, options, pure=False))
            while finished.count() >= limit:
                yield next(finished).result()
        for future in finished:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
