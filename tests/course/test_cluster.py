"""A course built through a real Dask scheduler and workers on 127.0.0.1 (the dask CLI):
clips from both workers, a worker killed mid-clip, a worker with other code refused, and a
bad scheduler address."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from course.files import sha256_of

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]
QUICK = "title_hold = 0.2\nread_time = 0.3\nshrink_time = 0.6\nsweep_time = 1.0\nflat_pause = 0.2\nend_hold = 0.3\n"


def _course(path: Path, functions: list[str]) -> Path:
    text = 'title = "Cluster course"\n'
    for number, function in enumerate(functions):
        text += f'\n[[clips]]\nid = "clip-{number}"\ntitle = "Clip {number}"\nscene = "TangentSlope"\n[clips.params]\nfunction = "{function}"\n{QUICK}'
    path.write_text(text)
    return path


class DaskCluster:
    """``dask scheduler`` and ``dask worker`` processes, as the README starts them."""

    def __init__(self, folder: Path):
        self.folder, self.processes = folder, []
        folder.mkdir(parents=True, exist_ok=True)
        self.file = folder / "scheduler.json"
        self._start(["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(self.file)], ROOT)
        deadline = time.monotonic() + 60
        while not self.file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        self.address = json.loads(self.file.read_text())["address"]

    def _start(self, args: list[str], project: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(project)}
        log = open(self.folder / f"dask-{len(self.processes)}.log", "wb")
        self.processes.append(subprocess.Popen([sys.executable, "-m", "dask", *args], cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT))

    def add_worker(self, name: str, project: Path = ROOT) -> None:
        self._start(["worker", self.address, "--nthreads", "1", "--no-dashboard", "--name", name, "--local-directory", str(self.folder / name)], project)

    def wait_for_workers(self, count: int) -> None:
        with distributed.Client(self.address, set_as_default=False) as client:
            client.wait_for_workers(count, timeout=120)

    def close(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    dask = DaskCluster(tmp_path_factory.mktemp("dask"))
    try:
        dask.add_worker("one")
        dask.add_worker("two")
        dask.wait_for_workers(2)
        yield dask
    finally:
        dask.close()


def lessons(*args: str, env: dict | None = None, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "course.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, env={**os.environ, **(env or {})}
    )


def _check_course(out: Path, count: int) -> list[dict]:
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["clips"]) == count
    for clip in manifest["clips"]:
        for kind, relative in clip["files"].items():
            assert sha256_of(out / relative) == clip["sha256"][kind], relative
    assert not (out / ".work").exists()
    return manifest["clips"]


def test_course_builds_through_two_workers(cluster, tmp_path):
    course = _course(tmp_path / "course.toml", ["x**2 - 1", "x**3 - 3*x", "x**2 - 2"])
    out = tmp_path / "site"
    result = lessons("build", str(course), "--out", str(out), "--quality", "low", "--scheduler", cluster.address)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"on the Dask cluster at {cluster.address} (2 workers)" in result.stdout
    clips = _check_course(out, 3)
    assert all(clip["width"] == 854 for clip in clips)
    # progress came back from the workers, and both rendered clips
    workers = set(re.findall(r"rendering clip-\d \(TangentSlope\) on (tcp://\S+)", result.stdout))
    assert len(workers) == 2, result.stdout
    again = lessons("build", str(course), "--out", str(out), "--quality", "low", "--scheduler", cluster.address)
    assert again.returncode == 0 and "3 up to date, 0 to render" in again.stdout


def test_a_worker_killed_mid_clip_is_replaced_and_the_build_completes(cluster, tmp_path):
    course = _course(tmp_path / "course.toml", ["x**2 - 3", "x**3 - x", "x**2 - 4"])
    out = tmp_path / "site"
    build = subprocess.Popen(
        [sys.executable, "-m", "course.cli", "build", str(course), "--out", str(out), "--quality", "low", "--scheduler", cluster.address],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    lines, killed = [], None
    for line in build.stdout:  # the build reports each clip's worker once its job process runs
        lines.append(line)
        started = re.search(r"rendering (clip-\d) \(TangentSlope\) on (tcp://\S+)", line)
        if started and killed is None:
            clip, worker = started.groups()
            with distributed.Client(cluster.address, set_as_default=False) as client:
                pid = client.run(os.getpid, workers=[worker])[worker]
            os.kill(pid, signal.SIGKILL)
            killed = clip, worker
    build.wait(timeout=60)
    output = "".join(lines)
    assert killed is not None, output
    assert build.returncode == 0, output
    assert re.search(rf"rendering {killed[0]} again on tcp://\S+ \({re.escape(killed[1])} was lost\)", output), output
    _check_course(out, 3)


def test_a_worker_with_other_project_code_is_refused_and_named(tmp_path):
    other = tmp_path / "other-checkout"
    for package in ("mathcore", "scenes", "course"):
        shutil.copytree(ROOT / package, other / package, ignore=shutil.ignore_patterns("__pycache__"))
    scene = other / "scenes" / "derivative.py"
    scene.write_text(scene.read_text() + "\n# edited on this worker only\n")
    dask = DaskCluster(tmp_path / "dask")
    try:
        dask.add_worker("stale", project=other)
        dask.add_worker("good")
        dask.wait_for_workers(2)
        course = _course(tmp_path / "course.toml", ["x**2 - 1", "x**2 - 5"])
        result = lessons("build", str(course), "--out", str(tmp_path / "site"), "--quality", "low", "--scheduler", dask.address)
    finally:
        dask.close()
    assert result.returncode == 0, result.stdout + result.stderr
    refusals = re.findall(r"refused worker (tcp://\S+): its project code differs from this checkout \((.*)\)", result.stdout)
    assert refusals and refusals[0][1] == "scenes/derivative.py differs", result.stdout
    _check_course(tmp_path / "site", 2)


def test_only_workers_with_other_code_fail_the_build_with_one_line(tmp_path):
    other = tmp_path / "other-checkout"
    for package in ("mathcore", "scenes", "course"):
        shutil.copytree(ROOT / package, other / package, ignore=shutil.ignore_patterns("__pycache__"))
    curves = other / "mathcore" / "curves.py"
    curves.write_text(curves.read_text() + "\n# edited\n")
    dask = DaskCluster(tmp_path / "dask")
    try:
        dask.add_worker("stale", project=other)
        dask.wait_for_workers(1)
        course = _course(tmp_path / "course.toml", ["x**2 - 1"])
        result = lessons("build", str(course), "--out", str(tmp_path / "site"), "--quality", "low", "--scheduler", dask.address)
    finally:
        dask.close()
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "no worker runs this checkout's project code" in result.stderr and "mathcore/curves.py differs" in result.stderr
    assert not (tmp_path / "site" / "manifest.json").exists()


@pytest.mark.parametrize(
    "args, env, words",
    [
        (["--scheduler", "not an address"], {}, "--scheduler 'not an address': expected a Dask scheduler address such as tcp://HOST:8786"),
        ([], {"LESSONS_SCHEDULER": "tcp://127.0.0.1:1"}, "$LESSONS_SCHEDULER tcp://127.0.0.1:1: cannot reach the Dask scheduler"),
    ],
    ids=["malformed", "unreachable-from-env"],
)
def test_bad_scheduler_address_is_one_line_and_exit_2(tmp_path, args, env, words):
    course = _course(tmp_path / "course.toml", ["x**2"])
    out = tmp_path / "site"
    result = lessons("build", str(course), "--out", str(out), *args, env=env, timeout=120)
    assert result.returncode == 2
    assert result.stderr.startswith(f"lessons: error: {words}")  # named as it was given: option or environment
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not out.exists()


def test_a_cluster_build_stopped_with_sigterm_stops_its_clips_and_keeps_nothing_half_done(cluster, tmp_path):
    course = _course(tmp_path / "course.toml", ["x**2 - 7", "x**3 - 7*x"])
    clip_ids = [f"stop-me-{tmp_path.name}-{number}" for number in range(2)]
    course.write_text(course.read_text().replace('id = "clip-0"', f'id = "{clip_ids[0]}"').replace('id = "clip-1"', f'id = "{clip_ids[1]}"'))
    out = tmp_path / "site"
    build = subprocess.Popen(
        [sys.executable, "-m", "course.cli", "build", str(course), "--out", str(out), "--quality", "low", "--scheduler", cluster.address],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    for line in build.stdout:
        if "rendering stop-me-" in line:
            break
    build.send_signal(signal.SIGTERM)
    _, err = build.communicate(timeout=120)
    assert build.returncode == 130 and "interrupted" in err and "Traceback" not in err
    assert not (out / "manifest.json").exists() and not (out / ".work").exists()
    # the workers were told to stop: their job processes for these clips end
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _running("stop-me-" + tmp_path.name):
        time.sleep(0.5)
    assert not _running("stop-me-" + tmp_path.name)


def _running(text: str) -> bool:
    return subprocess.run(["pgrep", "-f", text], capture_output=True).returncode == 0
