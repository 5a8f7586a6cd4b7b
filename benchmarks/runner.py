"""Runs the suite: starts the servers, runs every subject in its own processes, alternating, and
collects raw samples. Peers run under their own venv's python; ours and raw under this one."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from benchmarks import payloads
from benchmarks.snippets import snippet
from benchmarks.suite import PEERS, SETTINGS, Cell, Mode, Subject, Workload

ROOT = Path(__file__).resolve().parent
REPO = ROOT.parent
SCRIPTS = ROOT / "workloads"
CACHE = REPO / ".cache" / "bench"
SUBJECT_TIMEOUT = 900.0


@dataclass
class Server:
    """A server subprocess on loopback and what a client needs to reach it."""

    url: str
    process: subprocess.Popen[str]
    api_key: str = "bench-key"
    project_id: str = payloads.PROJECT_ID

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _read_line(stream: IO[str], process: subprocess.Popen[str], predicate: Callable[[str], bool]) -> str:
    """The first stdout line of a starting server that satisfies `predicate` (fails if it dies first)."""
    while True:
        line = stream.readline()
        if not line:
            raise RuntimeError(f"server exited early with code {process.wait()}")
        if predicate(line):
            return line


def start_fixed(payload_dir: Path, latency: float) -> Server:
    """The fixed-bytes server, with `latency` seconds added to every /v1 response."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "benchmarks.fixed_server",
            "--dir",
            str(payload_dir),
            "--latency",
            str(latency),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    port = json.loads(_read_line(process.stdout, process, lambda line: line.startswith("{")))["port"]
    return Server(f"http://127.0.0.1:{port}", process)


def start_emulator(requests: int, *options: str) -> Server:
    """The SDK's emulator as a subprocess; `options` are more `serve` flags (e.g. `--latency 0.05`).

    The suite passes `--shapes legacy`, the one shape every peer can decode.
    """
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "deepgram.testing",
            "serve",
            "--port",
            "0",
            "--requests",
            str(requests),
            "--api-key",
            "bench-key",
            *options,
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    url = _read_line(process.stdout, process, lambda line: "listening on" in line).split()[-1]
    project = _read_line(process.stdout, process, lambda line: "project id" in line).split()[-1]
    return Server(url, process, project_id=project)


@dataclass
class Outcome:
    """Everything collected for one cell (workload x column)."""

    samples: list[float] = field(default_factory=list)
    meta: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: str = ""


class Run:
    """One benchmark run in one mode."""

    def __init__(self, mode: Mode, rows: list[Workload], *, log: Callable[[str], None] = print) -> None:
        self.mode = mode
        self.settings = SETTINGS[mode]
        self.rows = rows
        self.log = log
        self.pythons: dict[Subject, Path | None] = {"ours": Path(sys.executable), "raw": Path(sys.executable)}
        self.skipped: dict[Subject, str] = {}
        self.servers: dict[str, Server] = {}
        self.outcomes: dict[tuple[str, str], Outcome] = {
            (row.id, cell.column): Outcome() for row in rows for cell in row.cells
        }
        self.versions: dict[str, str] = {}
        self.payload_dir = CACHE / "payloads"
        self.load: dict[str, list[float]] = {}

    # set-up -------------------------------------------------------------------------------------

    def prepare_peers(self) -> None:
        """Find (or, outside smoke mode, build) each peer's venv; smoke mode skips absent ones."""
        from benchmarks import peers

        for name in PEERS:
            ready = (peers.CACHE_DIR / name / ".installed").is_file()
            if self.mode == "smoke" and not ready:
                self.skipped[name] = (
                    f"skipped: venv {peers.CACHE_DIR / name} absent (smoke mode never installs)"
                )
                self.pythons[name] = None
                continue
            try:
                if not ready:
                    self.log(f"installing {peers.REQUIREMENTS[name]} into {peers.CACHE_DIR / name} ...")
                self.pythons[name] = peers.peer_python(name)
                self.versions[name] = peers.peer_version(name)
            except Exception as exc:  # an install failure is reported in every cell of that peer
                self.skipped[name] = f"skipped: could not install {peers.REQUIREMENTS[name]}: {exc}"[:300]
                self.pythons[name] = None
        for skipped, reason in self.skipped.items():
            for row in self.rows:
                for cell in row.cells:
                    if cell.subject == skipped:
                        self.outcomes[(row.id, cell.column)].skipped = reason

    @contextlib.contextmanager
    def servers_running(self) -> Iterator[None]:
        """Payloads written, fixed-bytes servers (0 and 50 ms) and the emulator up for the run."""
        payloads.write_all(self.payload_dir)
        try:
            self.servers["fixed0"] = start_fixed(self.payload_dir, 0.0)
            self.servers["fixed50"] = start_fixed(self.payload_dir, 0.05)
            self.servers["emulator"] = start_emulator(self.settings.emulator_requests, "--shapes", "legacy")
            self.servers["fixed"] = self.servers["fixed0"]
            yield
        finally:
            for server in {id(s): s for s in self.servers.values()}.values():
                server.stop()

    def _args(self, cell: Cell) -> dict[str, Any]:
        """Cell arguments plus where to find payloads and the server it names."""
        args = {**cell.args, "payload_dir": str(self.payload_dir)}
        server = self.servers.get(str(cell.args.get("server", "fixed")))
        if server is not None:
            args.update(url=server.url, api_key=server.api_key, project_id=server.project_id)
        return args

    # execution ----------------------------------------------------------------------------------

    def _spawn(self, subject: Subject, tasks: list[dict[str, Any]]) -> dict[str, Any]:
        """Run one subject process with a job; its results by key (every key errors if it crashed).

        Import timings run as `python -c` snippets instead, in an interpreter that has imported nothing.
        """
        python = self.pythons[subject]
        assert python is not None
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("PYTHONPATH", None)
        if len(tasks) == 1 and tasks[0]["task"] in ("import", "import_call"):
            args = tasks[0]["args"]
            program = snippet(tasks[0]["task"], subject, args.get("url", ""), args.get("api_key", ""))
            command = [str(python), "-c", program]
            marker = '{"samples"'
        else:
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as job:
                json.dump({"tasks": tasks}, job)
            command = [str(python), str(SCRIPTS / f"{subject}.py"), job.name]
            marker = '{"results"'
        try:
            done = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=SUBJECT_TIMEOUT,
                env=env,
                cwd=tempfile.gettempdir(),
            )
        except subprocess.TimeoutExpired:
            return {t["key"]: {"error": f"timed out after {SUBJECT_TIMEOUT:.0f} s"} for t in tasks}
        finally:
            if marker == '{"results"':
                os.unlink(command[-1])
        lines = [line for line in done.stdout.splitlines() if line.startswith(marker)]
        if not lines:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            failure = f"{subject} exited {done.returncode}: {' | '.join(tail)}"
            return {t["key"]: {"error": failure} for t in tasks}
        if marker == '{"samples"':
            return {tasks[0]["key"]: json.loads(lines[-1])}
        results: dict[str, Any] = json.loads(lines[-1])["results"]
        return results

    def _record(self, key: tuple[str, str], result: dict[str, Any]) -> None:
        outcome = self.outcomes[key]
        if "error" in result:
            outcome.errors.append(str(result["error"]))
            return
        outcome.samples.extend(float(x) for x in result.pop("samples"))
        outcome.meta.append(result)

    def run(self) -> None:
        """Batch cells: one process per subject per round, subjects in rotating order. Fresh cells:
        one process per sample, subjects alternating within each sample."""
        self.load["start"] = [round(x, 2) for x in os.getloadavg()]
        subjects: list[Subject] = [s for s in ("v4", "v7", "ours", "raw") if self.pythons.get(s) is not None]
        batch = [(row, cell) for row in self.rows for cell in row.cells if not cell.fresh]
        fresh = [(row, cell) for row in self.rows for cell in row.cells if cell.fresh]
        for index in range(self.settings.rounds):
            order = subjects[index % len(subjects) :] + subjects[: index % len(subjects)]
            for subject in order:
                tasks = [
                    {"key": f"{row.id}|{cell.column}", "task": cell.task, "args": self._args(cell)}
                    for row, cell in batch
                    if cell.subject == subject
                ]
                if not tasks:
                    continue
                started = time.perf_counter()
                for key, result in self._spawn(subject, tasks).items():
                    row_id, column = key.split("|", 1)
                    self._record((row_id, column), result)
                self.log(
                    f"  round {index + 1}/{self.settings.rounds}: {subject} done "
                    f"({time.perf_counter() - started:.1f} s)"
                )
        by_row: dict[str, list[tuple[Workload, Cell]]] = {}
        for row, cell in fresh:
            by_row.setdefault(row.id, []).append((row, cell))
        for row_id, cells in by_row.items():
            started = time.perf_counter()
            count = max(int(cell.args.get("samples", 1)) for _, cell in cells)
            for index in range(count):
                rotated = cells[index % len(cells) :] + cells[: index % len(cells)]
                for row, cell in rotated:
                    if self.pythons.get(cell.subject) is None or index >= int(cell.args.get("samples", 1)):
                        continue
                    args = self._args(cell)
                    if cell.task == "export":
                        args["path"] = str(CACHE / f"export-{os.getpid()}.jsonl")
                    task = {"key": f"{row.id}|{cell.column}", "task": cell.task, "args": args}
                    result = self._spawn(cell.subject, [task])
                    self._record((row.id, cell.column), result[f"{row.id}|{cell.column}"])
            self.log(
                f"  {row_id}: {count} fresh process(es) per subject ({time.perf_counter() - started:.1f} s)"
            )
        self.load["end"] = [round(x, 2) for x in os.getloadavg()]
