"""Handlers for the request log, usage, billing and models (endpoints 17-30 of the reference)."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

import msgspec

from . import params
from .call import Call, Reply
from .errors import bad_query, not_found
from .request_log import RecordFilter
from .state import Project
from .stats import BILLING_GROUPINGS, USAGE_GROUPINGS, Window
from .traffic import DEPLOYMENTS, ENDPOINTS, FEATURE_FLAGS, METHODS


def _bounds(call: Call) -> tuple[datetime | None, datetime | None]:
    """`start`/`end` as instants (a bare `end` date covers its whole day); start after end is a 400."""
    start = params.instant(call.query, "start", end_of_day=False)
    end = params.instant(call.query, "end", end_of_day=True)
    if start is not None and end is not None and start > end:
        raise bad_query("start", "must not be after 'end'")
    return start, end


def _window(call: Call, project: Project) -> Window:
    return project.stats.window(*_bounds(call))


def _common_filter(call: Call) -> dict[str, Any]:
    return {
        "accessor": params.text(call.query, "accessor"),
        "deployment": params.choice(call.query, "deployment", DEPLOYMENTS),
        "endpoint": params.choice(call.query, "endpoint", ENDPOINTS),
        "method": params.choice(call.query, "method", METHODS),
    }


def _usage_filter(call: Call) -> RecordFilter:
    """The filters of `/usage` and `/usage/breakdown`: strings, enums and feature booleans."""
    on: set[str] = set()
    off: set[str] = set()
    for flag in FEATURE_FLAGS:
        value = params.boolean(call.query, flag)
        if value is not None:
            (on if value else off).add(flag)
    return RecordFilter(
        **_common_filter(call),
        model=params.text(call.query, "model"),
        tag=params.text(call.query, "tag"),
        features_on=frozenset(on),
        features_off=frozenset(off),
    )


# request log -------------------------------------------------------------------------------------


def list_requests(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/requests — newest first, `page` from 0, `limit` 1..1000."""
    project = call.project("usage:read")
    start, end = _bounds(call)
    limit = params.number(call.query, "limit", 10, 1, 1000)
    page = params.number(call.query, "page", 0, 0, 10**12)
    record_filter = RecordFilter(
        **_common_filter(call), status=params.choice(call.query, "status", ("succeeded", "failed"))
    )
    log = project.log
    window = project.stats.window(start, end)
    if start is None:  # an open start: added requests older than the generated log count too
        window = dataclasses.replace(window, start_ms=0)
    # `page` and `limit` are echoed as sent (the definition types both as numbers); paging uses
    # their whole part.
    echo = msgspec.json.encode({"page": page, "limit": limit})[:-1]
    wanted = params.text(call.query, "request_id")
    if wanted is not None:
        seq = log.seq_of(wanted)
        lo, hi = window.seqs
        hit = seq is not None and lo <= seq < hi and record_filter.accepts(log.slot(seq))
        seqs = [seq] if hit and int(page) == 0 and seq is not None else []
        added = log.added.find(wanted)
        if added is not None and int(page) == 0 and added in log.added.visible(window, record_filter):
            return echo + b',"requests":[' + log.added.render(added) + b"]}"
    elif len(log.added):
        records = log.added.page(window, record_filter, int(page), int(limit))
        return echo + b',"requests":[' + b",".join(records) + b"]}"
    else:
        seqs = log.page(window.seqs, record_filter, int(page), int(limit))
    return echo + b',"requests":' + log.render(seqs) + b"}"


def get_request(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/requests/{request_id} (current: `{"request": ...}`; legacy: flat)"""
    project = call.project("usage:read")
    seq = project.log.seq_of(call.params["request_id"])
    added = project.log.added.find(call.params["request_id"])
    if seq is not None:
        record = project.log.record_json(seq)
    elif added is not None:
        record = project.log.added.render(added)
    else:
        raise not_found("Request")
    return record if call.state.shapes == "legacy" else b'{"request":' + record + b"}"


# usage -------------------------------------------------------------------------------------------


def usage_summary(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/usage"""
    project = call.project("usage:read")
    window = _window(call, project)
    return project.stats.summary(window, _usage_filter(call), legacy=call.state.shapes == "legacy")


def usage_fields(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/usage/fields"""
    project = call.project("usage:read")
    return project.stats.usage_fields(_window(call, project))


def usage_breakdown(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/usage/breakdown"""
    project = call.project("usage:read")
    groupings = [g for g in call.query_all("grouping") if g]
    if len(groupings) > 1:
        raise bad_query("grouping", "only one grouping dimension is supported")
    grouping = groupings[0] if groupings else None
    if grouping is not None and grouping not in USAGE_GROUPINGS:
        raise bad_query("grouping", f"must be one of {', '.join(USAGE_GROUPINGS)}")
    return project.stats.breakdown(_window(call, project), _usage_filter(call), grouping)


# billing -----------------------------------------------------------------------------------------


def list_balances(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/balances"""
    project = call.project("billing:read")
    return {"balances": list(project.balances.values())}


def get_balance(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/balances/{balance_id}"""
    project = call.project("billing:read")
    balance = project.balances.get(call.params["balance_id"])
    if balance is None:
        raise not_found("Balance")
    return balance


def billing_breakdown(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/billing/breakdown"""
    project = call.project("billing:read")
    grouping: list[str] = []
    for value in call.query_all("grouping"):
        for dim in filter(None, value.split(",")):
            if dim not in BILLING_GROUPINGS:
                raise bad_query("grouping", f"must be among {', '.join(BILLING_GROUPINGS)}")
            if dim not in grouping:
                grouping.append(dim)
    record_filter = RecordFilter(
        accessor=params.text(call.query, "accessor"),
        deployment=params.choice(call.query, "deployment", DEPLOYMENTS),
        tag=params.text(call.query, "tag"),
        line_item=params.text(call.query, "line_item"),
    )
    return project.stats.billing_breakdown(_window(call, project), record_filter, tuple(grouping))


def billing_fields(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/billing/fields"""
    project = call.project("billing:read")
    return project.stats.billing_fields(_window(call, project))


def list_purchases(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/purchases"""
    project = call.project("billing:read")
    limit = params.number(call.query, "limit", 10, 1, 1000)
    return {"orders": project.purchases[: int(limit)]}


# models ------------------------------------------------------------------------------------------


def _include_outdated(call: Call) -> bool:
    """From the query, or from a JSON body on the GET (as the v4 SDK sends it)."""
    flag = params.boolean(call.query, "include_outdated")
    if flag is None and isinstance(call.body.get("include_outdated"), bool):
        flag = call.body["include_outdated"]
    return bool(flag)


def _catalogue(call: Call, project: Project | None) -> Reply:
    models = call.state.models(project, _include_outdated(call))
    return {
        "stt": [m.to_wire() for m in models if m.kind == "stt"],
        "tts": [m.to_wire() for m in models if m.kind == "tts"],
    }


def list_models(call: Call) -> Reply:
    """GET /v1/models"""
    return _catalogue(call, None)


def get_model(call: Call) -> Reply:
    """GET /v1/models/{model_id}"""
    return call.state.model(None, call.params["model_id"]).to_wire()


def list_project_models(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/models"""
    return _catalogue(call, call.project("project:read"))


def get_project_model(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/models/{model_id}"""
    return call.state.model(call.project("project:read"), call.params["model_id"]).to_wire()


def encode(reply: Reply) -> bytes:
    """A handler's reply as JSON bytes."""
    return reply if isinstance(reply, bytes) else msgspec.json.encode(reply)
