"""The operation registry is the one declaration: every surface that performs an operation agrees with it.

For each operation in `deepgram.endpoints.ALL`, the classic method of its name and every collection
method documented by it take its ids (in order), its options type, and return its result type.
"""

from __future__ import annotations

import inspect
import sys
import typing
from typing import Any

import pytest

from deepgram.core.operation import Operation
from deepgram.endpoints import ALL, BY_NAME
from deepgram.manage.async_client import AsyncManageClient
from deepgram.manage.auth import AsyncAuthClient, AuthClient
from deepgram.manage.client import ManageClient
from deepgram.manage.selfhosted import AsyncSelfHostedClient, SelfHostedClient
from deepgram.resources.agents import AgentConfiguration, AgentConfigurations, AgentVariable, AgentVariables
from deepgram.resources.billing import Balances, Billing, Purchases
from deepgram.resources.collection import ProjectCollection
from deepgram.resources.invites import Invite, Invites
from deepgram.resources.keys import Key, Keys
from deepgram.resources.members import Member, Members, Scopes
from deepgram.resources.models import Models
from deepgram.resources.projects import Project, Projects
from deepgram.resources.selfhosted import DistributionCredentials, DistributionCredentialsCollection
from deepgram.resources.usage import Usage
from deepgram.types.options_base import Options

COLLECTIONS = (
    Projects, Keys, Members, Invites, Usage, Balances, Purchases, Billing, Models,
    DistributionCredentialsCollection, AgentConfigurations, AgentVariables,
)
OBJECTS = (Project, Key, Member, Scopes, Invite, DistributionCredentials, AgentConfiguration, AgentVariable)
# The classic clients (async, sync twin): Manage, and the 4.x SDK's self-hosted and auth clients.
CLASSIC = ((AsyncManageClient, ManageClient), (AsyncSelfHostedClient, SelfHostedClient), (AsyncAuthClient, AuthClient))


def classic_of(operation: Operation[Any]) -> tuple[type, type]:
    """The classic client (async, sync) whose method of that name performs `operation`."""
    return next(pair for pair in CLASSIC if hasattr(pair[0], operation.name))
PER_CALL = {"timeout", "addons", "headers", "call"}
# Collection methods that build their own result from the operation's: the new invitation (the API
# answers with a message), the scopes list that can update itself.
BUILDS_OWN_RESULT = {"Invites.asend": "Invite", "Members.ascopes": "Scopes"}


def documented(owner: type) -> list[tuple[str, Any, Operation[Any]]]:
    """`(name, function, operation)` for each method of `owner` declared to perform an operation."""
    found = []
    members: dict[str, Any] = {}
    for klass in [*owner.__mro__[1:-1], owner]:  # the classic client's methods live in two mixins
        members.update(vars(klass))
    for name, member in members.items():
        operation = vars(member).get("__operation__") if inspect.isfunction(member) else None
        if operation is not None:
            found.append((name, member, operation))
    return found


def positional(function: Any) -> list[inspect.Parameter]:
    return [
        p
        for p in inspect.signature(function).parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.name != "self"
    ]


def options_types(function: Any) -> set[type]:
    """The Options classes the `options` parameter of `function` accepts (its annotation, resolved)."""
    annotation = inspect.signature(function).parameters["options"].annotation
    resolved = eval(annotation, vars(sys.modules[function.__module__]))
    return {t for t in typing.get_args(resolved) if isinstance(t, type) and issubclass(t, Options)}


def result_names(operation: Operation[Any]) -> set[str]:
    """The result type and its bases (a classic method may name the base, as the 4.x SDK did)."""
    return {cls.__name__ for cls in operation.result.__mro__}


def test_registry_names_are_unique_and_complete() -> None:
    assert len(BY_NAME) == len(ALL)
    declared = {
        id(operation)
        for owner in (*(pair[0] for pair in CLASSIC), *COLLECTIONS)
        for _, _, operation in documented(owner)
    }
    assert {op.name for op in ALL if id(op) not in declared} <= {"get_model"}  # see the catalogue test


@pytest.mark.parametrize("operation", ALL, ids=lambda op: op.name)
def test_classic_method_agrees_with_its_operation(operation: Operation[Any]) -> None:
    classic, sync_classic = classic_of(operation)
    method = getattr(classic, operation.name)
    performs = vars(method)["__operation__"]
    if performs is not operation:
        # The public catalogue form of a project call (`get_model(model_id)`): same call without
        # the project, reached through the project call's method.
        assert operation.path == performs.path.replace("/projects/{project_id}", "")
        return
    params = positional(method)
    assert [p.name for p in params[: len(operation.ids)]] == list(operation.ids)
    rest = [p.name for p in params[len(operation.ids) :]]
    if operation.options is None:
        assert "options" not in rest
        assert set(inspect.signature(method).parameters) - {"self", *operation.ids} <= PER_CALL
    else:
        taken = options_types(method)
        assert operation.options in taken
        for other in taken - {operation.options}:
            # Another usage endpoint's options are taken for their window, and nothing else.
            assert "start" in other.__struct_fields__ and "start" in operation.options.__struct_fields__
    assert inspect.signature(method).return_annotation in result_names(operation)
    assert method.__doc__.startswith(operation.http)
    # The sync client is derived from the same function.
    assert getattr(sync_classic, operation.name).__doc__ == method.__doc__


@pytest.mark.parametrize("owner", [*(pair[0] for pair in CLASSIC), *COLLECTIONS], ids=lambda cls: cls.__name__)
def test_every_documented_method_takes_the_declared_ids(owner: type) -> None:
    for name, function, operation in documented(owner):
        ids = list(operation.ids)
        if issubclass(owner, ProjectCollection) or owner is Models:
            ids = [i for i in ids if i != "project_id"]  # the collection holds the project
        assert [p.name for p in positional(function)][: len(ids)] == ids, f"{owner.__name__}.{name}"
        assert function.__doc__.startswith(operation.http), f"{owner.__name__}.{name}"


@pytest.mark.parametrize("owner", COLLECTIONS, ids=lambda cls: cls.__name__)
def test_collection_methods_return_the_result_or_its_list(owner: type) -> None:
    for name, function, operation in documented(owner):
        annotation = inspect.signature(function).return_annotation
        if f"{owner.__name__}.{name}" in BUILDS_OWN_RESULT:
            assert annotation == BUILDS_OWN_RESULT[f"{owner.__name__}.{name}"]
            continue
        fields = {str(a) for a in getattr(operation.result, "__annotations__", {}).values()}
        assert annotation in result_names(operation) | fields, f"{owner.__name__}.{name}: {annotation}"
        if operation.options is None:
            assert "options" not in inspect.signature(function).parameters
        elif "options" in inspect.signature(function).parameters:
            assert operation.options in options_types(function), f"{owner.__name__}.{name}"


@pytest.mark.parametrize("owner", OBJECTS, ids=lambda cls: cls.__name__)
def test_object_methods_are_documented_by_an_operation(owner: type) -> None:
    for name, function, operation in documented(owner):
        sync = getattr(owner, name.removeprefix("a"))
        assert function.__doc__.startswith(operation.http) and sync.__doc__ == function.__doc__
    assert documented(owner)


def test_operation_ids_come_from_the_path_template() -> None:
    op = Operation[Any]("x", "GET", "/v1/projects/{project_id}/things/{thing_id}", dict)
    assert op.ids == ("project_id", "thing_id")
    assert op.http == "GET /v1/projects/{project_id}/things/{thing_id}"
    assert op.result is dict and op.retryable
    assert not Operation[Any]("y", "POST", "/v1/x", dict).retryable
