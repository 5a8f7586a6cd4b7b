"""OpenTelemetry: one span per operation with the documented attributes, retries as events, no ids."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from deepgram import NotFoundError

from .conftest import make_client

_EXPORTER = InMemorySpanExporter()


def _install_provider() -> None:
    """The global provider can be set once per process: one in-memory exporter for every test here."""
    current = trace.get_tracer_provider()
    if isinstance(current, TracerProvider):
        if _EXPORTER not in getattr(current, "_test_exporters", ()):
            current.add_span_processor(SimpleSpanProcessor(_EXPORTER))
            current._test_exporters = (*getattr(current, "_test_exporters", ()), _EXPORTER)  # type: ignore[attr-defined]
        return
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(_EXPORTER))
    provider._test_exporters = (_EXPORTER,)  # type: ignore[attr-defined]
    trace.set_tracer_provider(provider)


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    _install_provider()
    _EXPORTER.clear()
    yield _EXPORTER
    _EXPORTER.clear()


def _ours(exporter: InMemorySpanExporter) -> list[ReadableSpan]:
    return [s for s in exporter.get_finished_spans() if s.name.startswith("deepgram.manage ")]


def test_one_span_per_call_with_its_attributes(emu, pid, spans) -> None:
    with make_client(emu) as client:
        raw = client.manage.with_raw_response.get_keys(pid)
    (span,) = _ours(spans)
    assert span.name == "deepgram.manage get_keys"
    assert span.kind is SpanKind.CLIENT
    attributes = dict(span.attributes or {})
    assert attributes["http.request.method"] == "GET"
    assert attributes["url.template"] == "/v1/projects/{project_id}/keys"
    assert attributes["http.response.status_code"] == 200
    assert attributes["deepgram.attempts"] == 1
    assert attributes["deepgram.request_id"] == raw.request_id
    assert attributes["server.address"] == "127.0.0.1"
    assert "error.type" not in attributes
    assert span.status.status_code is StatusCode.UNSET


def test_no_attribute_carries_an_id_or_an_email(emu, pid, spans) -> None:
    with make_client(emu) as client:
        project = client.project(pid)
        member = project.members.list()[0]
        key = project.keys.create("traced", ["usage:read"])
        key.delete()
    recorded = _ours(spans)
    assert [s.name for s in recorded] == [
        "deepgram.manage get_members", "deepgram.manage create_key", "deepgram.manage delete_key"
    ]
    for span in recorded:
        for value in (span.attributes or {}).values():
            text = str(value)
            assert pid not in text and key.api_key_id not in text and str(member.email) not in text


def test_retries_are_events_and_counted(emu, spans) -> None:
    emu.faults.add(path="/v1/projects", status=503, times=1)
    with make_client(emu, max_retries=2) as client:
        client.manage.get_projects()
    (span,) = _ours(spans)
    assert (span.attributes or {})["deepgram.attempts"] == 2
    (event,) = [e for e in span.events if e.name == "retry"]
    assert (event.attributes or {})["deepgram.retry.reason"] == "503"


def test_a_failed_call_records_the_error_type(emu, pid, spans) -> None:
    with make_client(emu, max_retries=0) as client, pytest.raises(NotFoundError):
        client.manage.get_key(pid, "missing")
    (span,) = _ours(spans)
    attributes = dict(span.attributes or {})
    assert attributes["error.type"] == "404"
    assert attributes["http.response.status_code"] == 404
    assert attributes["url.template"] == "/v1/projects/{project_id}/keys/{key_id}"
    assert span.status.status_code is StatusCode.ERROR


async def test_async_calls_make_spans_too(emu, spans) -> None:
    async with make_client(emu) as client:
        await client.projects.alist()
    assert [s.name for s in _ours(spans)] == ["deepgram.manage get_projects"]


ABSENT = """
import sys
sys.modules["opentelemetry"] = None  # as if the extra were not installed
from deepgram import DeepgramClient
from deepgram.testing import Emulator
with Emulator() as emu, DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
    assert client.manage.get_projects().projects
loaded = sorted(name for name, module in sys.modules.items() if name.startswith("opentelemetry") and module)
print("loaded:", loaded)
"""

LAZY = """
import sys
from deepgram import DeepgramClient
client = DeepgramClient(api_key="k" * 12)
client.close()
print("loaded:", sorted(name for name in sys.modules if name.startswith("opentelemetry")))
"""


LATE = """
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from deepgram import DeepgramClient
from deepgram.core import tracing
from deepgram.testing import Emulator
with Emulator() as emu, DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
    client.manage.get_projects()                    # no provider yet: no span is made at all
    assert tracing.tracer() is None
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    client.manage.get_projects()                    # the provider set since is used
    assert [s.name for s in exporter.get_finished_spans()] == ["deepgram.manage get_projects"]
print("loaded: []")
"""


@pytest.mark.parametrize(
    "script", [ABSENT, LAZY, LATE], ids=["absent", "not-before-the-first-call", "provider-set-later"]
)
def test_nothing_is_imported_without_the_extra_or_before_a_call(script) -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("loaded: []"), done.stdout
