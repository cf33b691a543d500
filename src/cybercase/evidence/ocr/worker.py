"""Working through the OCR queue: in the foreground (``run_pending``) or in the background
(``OcrRunner``, for a thread worker of the app; no Textual here).

One thread (the caller's) talks to the vault: it claims jobs, reads each image into memory
and stores the readings; ``workers`` threads (default: one per core, at most two) each wait
on one Tesseract process, so both cores read while the vault is written.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from cybercase.evidence.ocr import engine
from cybercase.evidence.ocr import store as jobs
from cybercase.evidence.ocr.model import EngineInfo, Recognised, RunProgress
from cybercase.evidence.store import read_chunks
from cybercase.vault import Vault

ProgressCb = Callable[[RunProgress], None]


@dataclass(frozen=True)
class RunSummary:
    done: int
    failed: int
    engine_available: bool
    stopped: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"done": self.done, "failed": self.failed,
                "engine_available": self.engine_available, "stopped": self.stopped}


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def _read(vault: Vault, item_id: int, blob_id: int) -> bytes:
    data = b"".join(read_chunks(vault.conn, blob_id))
    row = vault.conn.execute("SELECT sha256 FROM evidence_items WHERE id = ?",
                             (item_id,)).fetchone()
    if row is None or hashlib.sha256(data).hexdigest() != row[0]:
        raise engine.EngineFailed("the stored content does not match its SHA-256")
    return data


def run_pending(
    vault: Vault, ref: str | None = None, progress: ProgressCb | None = None,
    workers: int | None = None, stop: threading.Event | None = None,
    info: EngineInfo | None = None,
) -> RunSummary:
    """Work the queue (this user's visible cases, or case ``ref``) until it is empty or
    ``stop`` is set. Without Tesseract nothing is touched (``engine_available`` False)."""
    vault.require("evidence.write")
    info = info or engine.find_engine()
    if not info.available:
        return RunSummary(0, 0, False)
    try:
        engine.languages_for(info)
    except engine.EngineMissing:
        return RunSummary(0, 0, False)
    jobs.reclaim_dead(vault)
    before = jobs.status(vault, ref)
    total = before.pending
    worker = jobs.worker_name()
    count = max(1, workers or default_workers())
    done = failed = 0
    inflight: dict[Future[Recognised], tuple[int, str]] = {}
    stopped = False
    with ThreadPoolExecutor(count, thread_name_prefix="ocr") as pool:
        try:
            while True:
                while len(inflight) < count and not (stop is not None and stop.is_set()):
                    job = jobs.claim(vault, worker, ref)
                    if job is None:
                        break
                    item_id, mime, case_ref, blob_id = job
                    try:
                        data = _read(vault, item_id, blob_id)
                    except engine.EngineFailed as exc:
                        jobs.fail(vault, item_id, case_ref, worker, str(exc))
                        failed += 1
                        continue
                    inflight[pool.submit(engine.recognise, data, mime, info)] = (item_id,
                                                                                 case_ref)
                    del data
                if not inflight:
                    stopped = stop is not None and stop.is_set()
                    break
                finished, _rest = wait(list(inflight), return_when=FIRST_COMPLETED)
                for fut in finished:
                    item_id, case_ref = inflight.pop(fut)
                    try:
                        result = fut.result()
                    except (engine.EngineFailed, engine.EngineMissing) as exc:
                        jobs.fail(vault, item_id, case_ref, worker, str(exc))
                        failed += 1
                    else:
                        if jobs.save(vault, item_id, case_ref, worker, result):
                            done += 1
                    if progress is not None:
                        progress(RunProgress(done, failed, max(total, done + failed), item_id))
        finally:
            for fut, (item_id, _ref) in inflight.items():
                fut.cancel()
                jobs.release(vault, item_id, worker)
    return RunSummary(done, failed, True, stopped)


class OcrRunner:
    """The queue worked in the background, e.g. from a Textual thread worker:
    ``runner = OcrRunner(vault); app.run_worker(runner.run, thread=True)``; ``wake()``
    after an ingest, ``stop()`` when the app closes (the job in hand is given back).

    ``run`` uses a connection of its own (``vault.sibling()``) and keeps watching the
    queue (every ``idle_wait`` seconds, or at once on ``wake``) until ``stop``."""

    def __init__(
        self, vault: Vault, ref: str | None = None, progress: ProgressCb | None = None,
        workers: int | None = None, idle_wait: float = 5.0, keep_watching: bool = True,
    ) -> None:
        self.vault = vault
        self.ref = ref
        self.progress = progress
        self.workers = workers
        self.idle_wait = idle_wait
        self.keep_watching = keep_watching
        self._stop = threading.Event()
        self._wake = threading.Event()
        self.done = 0
        self.failed = 0
        self.engine_available = True

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def wake(self) -> None:
        self._wake.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def run(self) -> RunSummary:
        own = self.vault.sibling()
        try:
            while not self._stop.is_set():
                self._wake.clear()
                summary = run_pending(own, self.ref, self.progress, self.workers, self._stop)
                self.done += summary.done
                self.failed += summary.failed
                self.engine_available = summary.engine_available
                if not summary.engine_available or not self.keep_watching:
                    break
                self._wake.wait(self.idle_wait)
        finally:
            own.close()
        return RunSummary(self.done, self.failed, self.engine_available,
                          self._stop.is_set())
