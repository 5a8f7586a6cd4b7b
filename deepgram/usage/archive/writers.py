"""Part files: records go to a hidden temporary file that is fsynced and renamed when complete.

JSONL writes each record's bytes as received (credentials already masked) one per line; Parquet
writes the flat table of `deepgram.usage.arrow`, a row group per page, so memory stays flat
however large the file. Each format can also read back the request ids of a part.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any, Protocol

import msgspec

from deepgram.errors import DeepgramValueError
from deepgram.usage import arrow
from deepgram.usage.archive.layout import TEMP_PREFIX, fsync_dir
from deepgram.usage.wire import Stamp

# Rows buffered before a Parquet row group is written: about one page, so memory stays flat.
ROW_GROUP_ROWS = 1_000


class PartWriter(Protocol):
    """An open part file."""

    final: Path
    rows: int

    def write(self, records: list[bytes]) -> None: ...

    def finish(self) -> None: ...

    def abort(self) -> None: ...


class _Part:
    """A part under its temporary name until `finish()` makes it durable and renames it."""

    def __init__(self, final: Path) -> None:
        final.parent.mkdir(parents=True, exist_ok=True)
        self.final = final
        self.temporary = final.with_name(TEMP_PREFIX + final.name)
        self.rows = 0

    def _publish(self) -> None:
        os.replace(self.temporary, self.final)
        fsync_dir(self.final.parent)

    def _discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.temporary.unlink()


class JsonlPart(_Part):
    """One record per line."""

    def __init__(self, final: Path) -> None:
        super().__init__(final)
        self._fd = os.open(self.temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)

    def write(self, records: list[bytes]) -> None:
        if b"\n" in b"".join(records):  # a pretty-printed record: keep it on one line
            records = [record.replace(b"\n", b" ") for record in records]
        data = memoryview(b"\n".join(records) + b"\n")
        while data:
            data = data[os.write(self._fd, data) :]
        self.rows += len(records)

    def finish(self) -> None:
        os.fsync(self._fd)
        os.close(self._fd)
        self._publish()

    def abort(self) -> None:
        os.close(self._fd)
        self._discard()


class ParquetPart(_Part):
    """The flat typed table, a row group per `ROW_GROUP_ROWS` rows."""

    def __init__(self, final: Path) -> None:
        super().__init__(final)
        parquet = arrow.require("pyarrow.parquet", "parquet", "Parquet output")
        self._writer: Any = parquet.ParquetWriter(str(self.temporary), arrow.schema())
        self._pending: list[bytes] = []

    def write(self, records: list[bytes]) -> None:
        self._pending.extend(records)
        self.rows += len(records)
        if len(self._pending) >= ROW_GROUP_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._writer.write_table(arrow.table(self._pending), row_group_size=len(self._pending))
            self._pending = []
            # Hand freed buffers back to the system, or the allocator's cache grows with the file.
            arrow.pyarrow().default_memory_pool().release_unused()

    def finish(self) -> None:
        self._flush()
        self._writer.close()
        with open(self.temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        self._publish()

    def abort(self) -> None:
        self._pending = []
        try:
            self._writer.close()
        finally:
            self._discard()


_stamps = msgspec.json.Decoder(Stamp)


def jsonl_ids(path: Path) -> set[str]:
    """The request ids in a JSONL part."""
    with open(path, "rb") as handle:
        return {_stamps.decode(line).request_id for line in handle if line.strip()}


def parquet_ids(path: Path) -> set[str]:
    """The request ids in a Parquet part (only that column is read)."""
    parquet = arrow.require("pyarrow.parquet", "parquet", "Parquet output")
    column = parquet.read_table(str(path), columns=["request_id"]).column("request_id")
    return {value for value in column.to_pylist() if value}


EXTENSIONS = {"jsonl": "jsonl", "parquet": "parquet"}
_WRITERS: dict[str, type[JsonlPart] | type[ParquetPart]] = {"jsonl": JsonlPart, "parquet": ParquetPart}
_READERS = {"jsonl": jsonl_ids, "parquet": parquet_ids}


def check_format(name: str) -> str:
    """A known archive format, with its dependency present; else a clear error before any request."""
    if name not in _WRITERS:
        raise DeepgramValueError(f"format must be one of {', '.join(_WRITERS)}, got {name!r}")
    if name == "parquet":
        arrow.require("pyarrow.parquet", "parquet", "Parquet output")
    return name


def open_part(fmt: str, final: Path) -> PartWriter:
    """A new part file of format `fmt`."""
    return _WRITERS[fmt](final)


def read_ids(fmt: str, path: Path) -> set[str]:
    """The request ids of an existing part file."""
    return _READERS[fmt](path)
