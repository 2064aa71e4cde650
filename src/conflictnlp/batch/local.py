"""The local engine: worker processes running ``nlp.pipe``, watched so no article can stall them.

Each worker is forked from the process that loaded the pipeline, so models and gazetteers are
loaded once and shared copy-on-write. Each part is shared out among the workers in slices;
a worker takes one slice at a time and sends every record back as soon as ``nlp.pipe``
yields it. The watchdog kills a worker that sends
nothing for ``time_limit`` seconds (a stuck batch) or that dies (a crash, the OOM killer);
the articles it had not finished are retried, the current batch one article at a time with
``time_limit`` each, so the culprit is found and gets a ``timeout:`` or ``crash:`` error
record while the other articles are processed normally.

spaCy's own ``nlp.pipe(n_process=N)`` is not used for the parallelism because it cannot
abandon one stuck document: the whole pipe would wait for it.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Callable, Iterable, Iterator, Optional

from spacy.language import Language

from ..reading.sources import ArticleInput
from .chunks import Chunk, ChunkResult, ProcessOptions, Record, chunk_records, error_record

PARENT_CHECK_SECONDS = 2.0
# touches every kind of extraction, so components that load data on first use do it before the fork
WARM_UP_TEXT = (
    'KYIV, Ukraine (AP) — "Two people were killed about 20 kilometers (12 miles) from Kharkiv on Friday," '
    "the regional governor said on April 1, 2022. The claim could not be verified."
)


def _limit_threads(n_process: int) -> None:
    """Share the cores out: BLAS/OpenMP pools sized for the whole machine in every worker
    would oversubscribe it and cancel the gain of more workers."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - installed with scikit-learn
        return
    threadpool_limits(max(1, (os.cpu_count() or 1) // n_process))


def _worker_main(
    nlp: Language, options: ProcessOptions, n_process: int, tasks: Connection, results: Connection, inherited: list[Connection]
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    _limit_threads(n_process)
    # close the parent's pipe ends this fork inherited, so each pipe sees EOF when its owner dies
    for conn in inherited:
        conn.close()
    # the pipeline, gazetteer and tables inherited from the parent live as long as the worker:
    # out of the collector's reach, full collections no longer walk (and copy-on-write) them
    gc.freeze()
    parent = os.getppid()
    try:
        while True:
            while not tasks.poll(PARENT_CHECK_SECONDS):
                if os.getppid() != parent:
                    return
            task = tasks.recv()
            if task is None:
                return
            key, articles = task
            for index, record in enumerate(chunk_records(articles, nlp, options)):
                results.send((key, index, record))
            results.send((key, None, None))
    except (EOFError, BrokenPipeError, ConnectionResetError):
        return


@dataclass
class _Pending:
    """A part being processed: its records fill in as they arrive, from whichever task."""

    number: int
    articles: list[ArticleInput]
    records: list[Optional[Record]]
    missing: int

    def fill(self, index: int, record: Record) -> bool:
        """Put in one record; whether it was new."""
        new = self.records[index] is None
        if new:
            self.missing -= 1
        self.records[index] = record
        return new


@dataclass
class _Task:
    """Articles ``offset...`` of a part sent to one worker; ``solo`` tasks hold one article."""

    pending: _Pending
    offset: int
    articles: list[ArticleInput]
    solo: bool
    received: int = 0


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    tasks: Connection
    results: Connection
    task: Optional[_Task] = None
    task_key: int = 0
    last_progress: float = field(default_factory=time.monotonic)


class LocalEngine:
    """Runs parts on ``n_process`` watched worker processes; yields each part when complete.
    Parts must not be empty."""

    def __init__(
        self, nlp: Language, options: ProcessOptions, n_process: int = 1, on_record: Optional[Callable[[int], None]] = None
    ):
        self.nlp = nlp
        self.on_record = on_record  # called with 1 as each article's record comes in
        self.options = options
        self.n_process = n_process
        # fork shares the loaded pipeline; spawn (other platforms) pickles it to each worker
        fork = "fork" in multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork") if fork else multiprocessing.get_context("spawn")
        self.workers: list[_Worker] = []
        self.queued: deque[_Task] = deque()
        self.task_keys = 0
        self.in_flight: dict[int, _Task] = {}
        self.warmed_up = False

    def warm_up(self) -> None:
        """Run the pipeline once, so data that components load on first use is loaded before
        the workers fork (once per engine)."""
        if not self.warmed_up:
            with self.nlp.memory_zone():
                self.nlp(WARM_UP_TEXT)
            self.warmed_up = True

    def _start_worker(self) -> _Worker:
        task_read, task_write = self.context.Pipe(duplex=False)
        result_read, result_write = self.context.Pipe(duplex=False)
        inherited = [end for w in self.workers for end in (w.tasks, w.results)] + [task_write, result_read]
        process = self.context.Process(
            target=_worker_main,
            args=(self.nlp, self.options, self.n_process, task_read, result_write, inherited),
            daemon=True,
            name="conflictnlp-worker",
        )
        process.start()
        task_read.close()
        result_write.close()
        return _Worker(process, task_write, result_read)

    def _replace(self, worker: _Worker) -> _Worker:
        worker.process.kill()
        worker.process.join()
        worker.tasks.close()
        worker.results.close()
        return self._start_worker()

    def _assign(self, worker: _Worker, task: _Task) -> None:
        self.task_keys += 1
        self.in_flight[self.task_keys] = task
        worker.task = task
        worker.task_key = self.task_keys
        worker.last_progress = time.monotonic()
        worker.tasks.send((self.task_keys, task.articles))

    def _receive(self, worker: _Worker) -> list[_Pending]:
        """Take the worker's messages; the parts they completed. Raises EOFError if it died."""
        completed = []
        while worker.results.poll():
            key, index, record = worker.results.recv()
            task = self.in_flight.get(key)
            if task is None:
                continue
            worker.last_progress = time.monotonic()
            if index is None:
                del self.in_flight[key]
                worker.task = None
                continue
            task.received = index + 1
            self._fill(task.pending, task.offset + index, record)
            if task.pending.missing == 0:
                completed.append(task.pending)
        return completed

    def _fill(self, pending: _Pending, index: int, record: Record) -> None:
        if pending.fill(index, record) and self.on_record:
            self.on_record(1)

    def _fail(self, worker: _Worker, reason: str) -> list[_Pending]:
        """Replace a stuck or dead worker; retry what it had not finished. Completed parts."""
        self.workers[self.workers.index(worker)] = self._replace(worker)
        task = worker.task
        if task is None:
            return []
        del self.in_flight[worker.task_key]
        unfinished = task.articles[task.received :]
        start = task.offset + task.received
        if task.solo:
            self._fill(task.pending, start, error_record(unfinished[0], reason))
            return [task.pending] if task.pending.missing == 0 else []
        # the batch in progress holds the culprit: retry it one by one, the rest as usual
        size = self.options.batch_size
        for i, article in enumerate(unfinished[:size]):
            self.queued.append(_Task(task.pending, start + i, [article], solo=True))
        if unfinished[size:]:
            self.queued.append(_Task(task.pending, start + size, unfinished[size:], solo=False))
        return []

    def _check(self, worker: _Worker) -> list[_Pending]:
        try:
            completed = self._receive(worker)
        except (EOFError, OSError, pickle.UnpicklingError):  # it died mid-message
            completed = []
        if worker.task is None:
            return completed
        if not worker.process.is_alive():
            code = worker.process.exitcode
            return completed + self._fail(worker, f"crash: the worker process died (exit code {code}) on this article; not processed")
        if time.monotonic() - worker.last_progress > self.options.time_limit:
            return completed + self._fail(
                worker,
                f"timeout: not finished within {self.options.time_limit:g} s; not processed "
                "(raise --time-limit to allow more)",
            )
        return completed

    def run(self, chunks: Iterable[Chunk]) -> Iterator[ChunkResult]:
        """Process the parts; yield each as soon as all its records are in (any order)."""
        chunks = iter(chunks)
        exhausted = False
        self.warm_up()
        self.workers = []
        for _ in range(self.n_process):
            self.workers.append(self._start_worker())
        finished = False
        try:
            while True:
                for position, worker in enumerate(self.workers):
                    if worker.task is not None:
                        continue
                    if not worker.process.is_alive():  # died while idle
                        worker = self.workers[position] = self._replace(worker)
                    if self.queued:
                        self._assign(worker, self.queued.popleft())
                        continue
                    chunk = None if exhausted else next(chunks, None)
                    if chunk is None:
                        exhausted = True
                        continue
                    pending = _Pending(chunk.number, chunk.articles, [None] * len(chunk.articles), len(chunk.articles))
                    # a part is shared out so that all workers stay busy on small corpora too
                    share = max(self.options.batch_size, -(-len(chunk.articles) // self.n_process))
                    for offset in range(0, len(chunk.articles), share):
                        self.queued.append(_Task(pending, offset, chunk.articles[offset : offset + share], solo=False))
                    self._assign(worker, self.queued.popleft())
                busy = [w for w in self.workers if w.task is not None]
                if not busy:
                    if exhausted and not self.queued:
                        finished = True
                        return
                    continue
                deadline = min(w.last_progress for w in busy) + self.options.time_limit
                wait([w.results for w in busy] + [w.process.sentinel for w in busy], max(0.0, deadline - time.monotonic()))
                for worker in busy:
                    for pending in self._check(worker):
                        yield ChunkResult(pending.number, [record for record in pending.records if record is not None])
        finally:
            # on Ctrl-C, an error or a consumer that stopped early the work in flight is lost
            # anyway: the workers are not waited for (a batch can take seconds to finish)
            self._stop(wait=5 if finished else 0)

    def _stop(self, wait: float = 5) -> None:
        """Ask the workers to end, give them ``wait`` seconds to, then kill them."""
        for worker in self.workers:
            try:
                worker.tasks.send(None)
            except OSError:
                pass
        for worker in self.workers:
            worker.process.join(timeout=wait)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.tasks.close()
            worker.results.close()
        self.workers = []
