"""One sync at a time per archive directory: an exclusive, non-blocking lock on `DIR/_sync.lock`.

The operating system drops the lock when its holder exits, even when killed, so a crash never
leaves a stale lock behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from deepgram.errors import ArchiveLockedError


def _try_lock(fd: int) -> bool:
    """Lock the open file `fd` exclusively without waiting; False if someone holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class ArchiveLock:
    """`with ArchiveLock(path):` holds the lock or raises `ArchiveLockedError` at once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, or fail at once if another process (or client) holds it."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            os.close(fd)
            raise ArchiveLockedError(
                f"another usage sync is writing to {self.path.parent} (it holds {self.path.name}); "
                "wait for it to finish"
            )
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        """Drop the lock (closing the file releases it)."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)

    def __enter__(self) -> ArchiveLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
