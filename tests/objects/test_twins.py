"""Django's convention: every request-making method has an `a`-prefixed twin, derived, typed alike."""

from __future__ import annotations

import inspect
from pathlib import Path

import mypy.api
import pytest

from deepgram.core.blocking import blocking
from deepgram.resources.billing import Balances, Billing, Purchases
from deepgram.resources.invites import Invite, Invites
from deepgram.resources.keys import Key, Keys
from deepgram.resources.members import Member, Members, Scopes
from deepgram.resources.models import Models
from deepgram.resources.projects import Project, Projects
from deepgram.resources.usage import Usage

#: The contract (issue 4): each object's methods that make a request; each has an `a` twin.
CONTRACT: dict[type, set[str]] = {
    Projects: {"list", "get"},
    Project: {"refresh", "update", "delete", "leave"},
    Keys: {"list", "get", "create", "delete"},
    Key: {"delete", "refresh"},
    Members: {"list", "remove"},
    Member: {"remove"},
    Scopes: {"list", "refresh", "update"},
    Invites: {"list", "send", "delete"},
    Invite: {"delete"},
    Usage: {"get", "summary", "fields", "breakdown"},
    Balances: {"list", "get"},
    Purchases: {"list"},
    Billing: {"breakdown", "fields"},
    Models: {"list", "get"},
}


#: The code object every `blocking(...)` wrapper shares.
DERIVED = blocking(Keys.alist).__code__


def twins(cls: type) -> dict[str, str]:
    """`{sync name: async name}` for every public coroutine method `aname` of `cls`."""
    return {
        name[1:]: name
        for name, member in vars(cls).items()
        if name.startswith("a") and inspect.iscoroutinefunction(member)
    }


@pytest.mark.parametrize("cls", list(CONTRACT), ids=lambda cls: cls.__name__)
def test_every_contract_method_has_its_async_twin(cls: type) -> None:
    pairs = twins(cls)
    assert CONTRACT[cls] <= set(pairs), f"missing async twins on {cls.__name__}"
    for sync_name, async_name in pairs.items():
        sync, asynchronous = getattr(cls, sync_name), getattr(cls, async_name)
        assert not inspect.iscoroutinefunction(sync), f"{cls.__name__}.{sync_name} should be sync"
        # Derived mechanically by `blocking`, not written twice: same docstring, same parameters.
        assert sync.__doc__ == asynchronous.__doc__ and sync.__doc__
        assert sync.__qualname__ == f"{cls.__name__}.{sync_name}"
        assert sync.__code__ is DERIVED, f"{cls.__name__}.{sync_name} is not made by blocking()"


@pytest.mark.parametrize("cls", list(CONTRACT), ids=lambda cls: cls.__name__)
def test_docstrings_name_the_http_call(cls: type) -> None:
    for async_name in twins(cls).values():
        doc = getattr(cls, async_name).__doc__ or ""
        first = doc.strip().splitlines()[0]
        calls = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ", "Same as", "Reload from GET")
        assert any(verb in first for verb in calls), f"{cls.__name__}.{async_name}: {first!r}"


def test_both_surfaces_type_check() -> None:
    """mypy --strict on `typed_usage.py`: the sync and async names return the same types."""
    sample = Path(__file__).with_name("typed_usage.py")
    out, err, _ = mypy.api.run(["--strict", "--no-error-summary", "--hide-error-context", str(sample)])
    # Only this file's verdict counts here; the package's own run is `mypy deepgram`.
    mine = [line for line in out.splitlines() if "typed_usage.py:" in line]
    assert mine == [], "\n".join(mine) + err
