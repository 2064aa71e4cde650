"""The Dask engine: the same parts, processed by ``distributed`` workers (``--engine dask``).

Each worker process loads the pipeline once, through a ``WorkerPlugin``, and processes one part
at a time with it (spaCy's ``memory_zone`` is not thread-safe, so threads of a worker take
turns; give workers one thread and scale with processes). The client reads the inputs, keeps
a bounded number of parts in flight and writes every finished part itself, so the parts
folder, resuming and the records are exactly those of the local engine.

On a cluster of its own (no ``scheduler`` given) the engine loads the pipeline once in this
process and starts the workers by ``fork``, as the local engine does, so they share the loaded
models instead of each importing and loading them again; a remote cluster's workers load it
through the plugin. Closing retires the workers before the scheduler goes, and the
``distributed`` loggers are kept at ERROR meanwhile, so a run ends without "connection closed"
tracebacks.

Per-article size limits and exception isolation work as in the local engine. The time limit
does not: Dask cannot stop a task that hangs, so corpora that may hold pathological articles
are better run with the local engine, one ``--shard`` per machine.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import threading
import uuid
from typing import Callable, Iterable, Iterator, Optional

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker
from spacy.language import Language

from .chunks import Chunk, ChunkResult, ProcessOptions, chunk_records

PLUGIN_NAME = "conflictnlp-pipeline"
# pipelines loaded in this process before the workers were forked from it, by key
_PRELOADED: dict[str, Language] = {}
QUIET_LOGGERS = ("distributed", "tornado")


class PipelinePlugin(WorkerPlugin):
    """Loads the conflictnlp pipeline once in each Dask worker process: ``model()``, a
    picklable function that builds it (e.g. ``functools.partial(conflictnlp.load, name)``)."""

    name = PLUGIN_NAME

    def __init__(self, model: Callable[[], Language], preloaded: Optional[str] = None, threads: int = 1):
        self.model = model
        self.preloaded = preloaded
        self.threads = threads
        self.nlp: Optional[Language] = None
        self.lock = threading.Lock()

    def setup(self, worker) -> None:
        from .local import _limit_threads

        _limit_threads(self.threads)  # the workers of one machine share its cores
        # a worker forked from the process that loaded the pipeline already holds it
        self.nlp = _PRELOADED.get(self.preloaded) if self.preloaded else None
        if self.nlp is None:
            self.nlp = self.model()
        # as in the local engine's workers: the pipeline lives as long as the worker, so keep it
        # out of the collector's reach (full collections no longer walk and copy-on-write it)
        gc.freeze()

    def teardown(self, worker) -> None:
        self.nlp = None

    def __getstate__(self):
        return {"model": self.model, "preloaded": self.preloaded, "threads": self.threads}

    def __setstate__(self, state):
        self.__init__(state["model"], state.get("preloaded"), state.get("threads", 1))


def process_chunk(chunk: Chunk, options: ProcessOptions) -> ChunkResult:
    """Run on a Dask worker: the records of one part, with the worker's pipeline."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    assert isinstance(plugin, PipelinePlugin) and plugin.nlp is not None  # set up by setup()
    with plugin.lock:
        return ChunkResult(chunk.number, list(chunk_records(chunk.articles, plugin.nlp, options)))


@contextlib.contextmanager
def _quiet_logs(level: int = logging.ERROR) -> Iterator[None]:
    """``distributed`` logs every worker start and stop at INFO, and a connection closing while
    the cluster shuts down as an error with a traceback; neither is news to the user."""
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    before = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(level)
    try:
        yield
    finally:
        for logger, old in zip(loggers, before):
            logger.setLevel(old)


def _local_cluster(n_workers: int):
    import dask

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with dask.config.set({"distributed.worker.multiprocessing-method": method}):
        return LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
        ), method


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
    with _quiet_logs():
        cluster = None
        key = None
        if scheduler is None:
            key = uuid.uuid4().hex
            from .local import WARM_UP_TEXT

            nlp = model()
            nlp(WARM_UP_TEXT)  # data loaded on first use is loaded before the fork, once
            _PRELOADED[key] = nlp
            cluster, method = _local_cluster(n_workers)
            if method != "fork":
                _PRELOADED.pop(key, None)
                key = None
            client = Client(cluster)
        else:
            client = Client(scheduler)
        finished = as_completed()
        try:
            client.register_plugin(PipelinePlugin(model, key, threads=n_workers), name=PLUGIN_NAME)
            # enough parts queued to keep every worker thread busy, few enough to bound memory
            limit = 2 * max(1, sum(client.nthreads().values()))
            for chunk in chunks:
                finished.add(client.submit(process_chunk, chunk, options, pure=False))
                while finished.count() >= limit:
                    yield next(finished).result()
            for future in finished:
                yield future.result()
        finally:
            finished.clear()
            # a nanny whose worker exits while the cluster closes may log the cancelled close
            # as an ERROR with a traceback (distributed's race, seen under load): not news here
            with _quiet_logs(logging.CRITICAL):
                if cluster is not None:
                    # retire the workers first, so no task or heartbeat is cut off mid-message
                    with contextlib.suppress(Exception):
                        client.retire_workers(close_workers=True)
                client.close()
                if cluster is not None:
                    cluster.close()
            if key is not None:
                _PRELOADED.pop(key, None)
