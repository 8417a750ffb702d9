"""The worker processes of a parallel build: how many pay, their signals, their end."""

from __future__ import annotations

import gc
import os
import signal
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from conftest import ROOT
from jbreport import workers
from jbreport.build import plan
from jbreport.po.lookup import load_catalogs
from jbreport.render import RenderOptions
from jbreport.source.load import load_reports


def test_the_sample_is_rendered_in_one_process() -> None:
    """The default -j never starts a pool the sample's 12 small outputs cannot pay for."""
    reports = load_reports(ROOT / "content")
    todo = plan(reports, load_catalogs(ROOT / "translations"), None, ["brief"], ["pdf", "docx"])
    assert len(todo) > 2
    assert workers.auto_workers(todo, reports) == 1


def test_a_large_build_of_several_outputs_gets_a_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    reports = load_reports(ROOT / "content")
    todo = plan(reports, load_catalogs(ROOT / "translations"), None, ["brief"], ["pdf", "docx"])
    monkeypatch.setattr(workers, "POOL_WORK", 1)
    monkeypatch.setattr(workers, "cores", lambda: 2)
    assert workers.auto_workers(todo, reports) == 2
    # one output, however large, is rendered where it was localized
    assert workers.auto_workers(todo[:1], reports) == 1


def _pool() -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        2, initializer=workers.warm_up, initargs=(gc.get_threshold(), set(), RenderOptions())
    )


def test_workers_leave_ctrl_c_to_the_main_process_but_not_sigterm() -> None:
    """Ctrl-C and a closed terminal reach the whole process group: the main process handles
    them. SIGTERM stays deadly, so the pool can stop a worker when a sibling died."""
    with _pool() as pool:
        assert pool.submit(signal.getsignal, signal.SIGINT).result() == signal.SIG_IGN
        assert pool.submit(signal.getsignal, signal.SIGHUP).result() == signal.SIG_IGN
        assert pool.submit(signal.getsignal, signal.SIGTERM).result() == signal.SIG_DFL


def test_a_killed_worker_breaks_the_pool_at_once() -> None:
    """Issue 21: SIGKILL one worker (as the OOM killer would) while its sibling works: the
    pool stops the sibling and says it is broken, instead of hanging."""
    pool = _pool()
    pids = {pool.submit(os.getpid).result() for _ in range(20)}
    busy = [pool.submit(time.sleep, 30) for _ in range(2)]
    time.sleep(0.2)
    start = time.monotonic()
    os.kill(next(iter(pids)), signal.SIGKILL)
    for future in busy:
        with pytest.raises(BrokenProcessPool):
            future.result(timeout=10)
    pool.shutdown()
    assert time.monotonic() - start < 5
    assert not any(Path(f"/proc/{pid}").exists() and _running(pid) for pid in pids)


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
