"""Render clips as tasks on a ``dask.distributed`` cluster.

Each task runs on a worker, renders its clip in a fresh process there (the same
:func:`course.job_process.run_job` as a local build), and returns the clip's files as
bytes. The client checks their hashes and that the video decodes, then publishes the folder
with one rename, exactly as a local build does. Everything else stays with the client: the
lock, the manifest, the gallery.

- A worker that dies mid-clip: the scheduler gives the task to another worker (dask retries
  a task whose worker was lost up to ``distributed.scheduler.allowed-failures`` times, 3 by
  default).
- A worker whose project code differs: the job process there computes the clip's input key
  from its own code; when it differs from the client's key, it refuses the job, and the
  client names the files that differ, stops sending clips to that worker and renders the
  clip elsewhere.
- Progress: the task forwards its job process's reports as Dask events on a topic of this
  build; the client subscribes to it.
- Interruption: the client sets a Dask ``Event`` that makes each running task kill its job
  process, and cancels the rest.
"""

from __future__ import annotations

import concurrent.futures
import re
import tempfile
import uuid
from dataclasses import asdict
from pathlib import Path

from .job_process import JobProcesses, Progress, WrongProjectCode, run_job
from .jobs import ClipJob, clip_record_ok, key_inputs, publish_folder
from .runners import BuildFailed, Rendered, Runner
from .sources import describe_difference

__all__ = ["DaskRunner", "check_address", "connect", "render_on_worker"]

_ADDRESS = re.compile(r"^(?:(tcp|tls)://)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):(\d{1,5})$")
CONNECT_TIMEOUT = "10s"


def check_address(address: str) -> str:
    """``address`` as a Dask scheduler address (``tcp://HOST:PORT``), or :class:`CourseError`."""
    from .course_file import CourseError  # (not at the top: a worker needs no manim to run a task)

    match = _ADDRESS.match(address.strip())
    if not match or not 0 < int(match.group(3)) < 65536:
        raise CourseError(f"--scheduler {address!r}: expected a Dask scheduler address such as tcp://HOST:8786")
    return f"{match.group(1) or 'tcp'}://{match.group(2)}:{int(match.group(3))}"


def connect(address: str):
    """A Dask client of the scheduler at ``address``, or :class:`CourseError` in one line."""
    from distributed import Client

    from .course_file import CourseError

    address = check_address(address)
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise CourseError(f"--scheduler {address}: cannot reach the Dask scheduler ({str(error).splitlines()[0]})") from None


def render_on_worker(fields: dict, topic: str, stop_event: str) -> Rendered:
    """The task: render one clip on this worker and return its files (runs on the worker)."""
    from distributed import Event, get_worker

    worker = get_worker()
    with tempfile.TemporaryDirectory(prefix="lessons-clip-") as temporary:
        base = Path(temporary)
        job = ClipJob(**{**fields, "clips_dir": str(base / "clips"), "work_dir": str(base / "work")})
        Path(job.work_dir).mkdir()
        processes, stop = JobProcesses(), Event(stop_event)
        report = lambda progress: worker.log_event(topic, asdict(progress))  # noqa: E731
        # The clip renders in a helper thread; this one (the task's, where the Event works)
        # waits for it and kills its job process if the client says stop.
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            rendering = pool.submit(run_job, job, Path(job.work_dir), processes, report, worker.address)
            while not rendering.done():
                if stop.wait(timeout=1):
                    processes.stop()
                    break
            wall = rendering.result()
        folder = Path(job.clips_dir) / job.folder_name
        files = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}
    return Rendered(job.id, wall, worker.address, job.folder_name, files)


class DaskRunner(Runner):
    """Clips as tasks through a Dask ``client`` (its concurrent.futures executor).

    The client stays open after :meth:`stop`; whoever connected it closes it.
    """

    def __init__(self, client, work: Path, progress) -> None:
        self.client, self.work, self.progress = client, work, progress
        build = uuid.uuid4().hex[:12]
        self.topic, self.stop_name = f"lessons-progress-{build}", f"lessons-stop-{build}"
        self.client.subscribe_topic(self.topic, self._heard)
        self.executor = self.client.get_executor(pure=False)
        self.refused: dict[str, str] = {}
        self._priority = 0

    def _heard(self, event: tuple) -> None:
        """A progress event from a worker: ``(time, message)``; the scheduler adds fields."""
        message = event[1]
        try:
            self.progress.update(Progress(message["clip"], message["phase"], float(message["seconds"]), message["where"]))
        except (KeyError, TypeError, ValueError):
            pass

    @property
    def where(self) -> str:
        workers = self.client.scheduler_info(n_workers=-1)["workers"]
        return f"the Dask cluster at {self.client.scheduler.address} ({len(workers)} workers)"

    def submit(self, job: ClipJob):
        options: dict = {"priority": self._priority}
        self._priority -= 1  # first submitted, first started
        if self.refused:
            allowed = [w for w in self.client.scheduler_info(n_workers=-1)["workers"] if w not in self.refused]
            if not allowed:
                refused = "; ".join(f"{w}: {why}" for w, why in self.refused.items())
                raise BuildFailed(f"no worker runs this checkout's project code (refused {refused}); set the workers up from the same commit (see README)")
            options.update(workers=allowed, allow_other_workers=False)
        fields = {**asdict(job), "clips_dir": "", "work_dir": ""}
        return self.executor.submit(render_on_worker, fields, self.topic, self.stop_name, **options)

    def refuse(self, job: ClipJob, error: WrongProjectCode) -> None:
        why = describe_difference(key_inputs(job.scene, job.params, job.quality, job.narration), error.inputs)
        self.refused[error.where] = why
        self.progress.note(f"refused worker {error.where}: its project code differs from this checkout ({why}); its clips go to other workers")

    def receive(self, job: ClipJob, rendered: Rendered) -> dict:
        staged = self.work / f"{job.folder_name}.incoming"
        staged.mkdir()
        for name, data in (rendered.files or {}).items():
            if name != Path(name).name or name.startswith("."):
                raise BuildFailed(f"clip {job.id!r} came back from {rendered.where} with a bad file name {name!r}")
            (staged / name).write_bytes(data)
        if clip_record_ok(staged, job.key) is None:
            raise BuildFailed(f"clip {job.id!r} came back from {rendered.where} with files that do not check out")
        publish_folder(staged, Path(job.clips_dir) / job.folder_name, job.key)
        return super().receive(job, rendered)

    def stop(self) -> None:
        from distributed import Event

        Event(self.stop_name, client=self.client).set()
        self.executor.shutdown(wait=False)
