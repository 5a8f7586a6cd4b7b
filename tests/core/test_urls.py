"""Base URLs, path building and query encoding: no id, email or option can change where a request goes."""

from __future__ import annotations

import datetime
import enum
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deepgram.core.urls import build_path, encode_query, encode_segment, normalize_base_url, query_string
from deepgram.errors import DeepgramTypeError, DeepgramValueError

UNRESERVED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://api.deepgram.com", "https://api.deepgram.com"),
        ("api.deepgram.com", "https://api.deepgram.com"),
        ("api.eu.deepgram.com", "https://api.eu.deepgram.com"),
        ("https://api.deepgram.com/", "https://api.deepgram.com"),
        ("https://api.deepgram.com//", "https://api.deepgram.com"),
        ("https://api.deepgram.com/v1", "https://api.deepgram.com"),
        ("https://api.deepgram.com/v1/", "https://api.deepgram.com"),
        ("https://api.deepgram.com/V1", "https://api.deepgram.com"),
        ("api.deepgram.com/v1/", "https://api.deepgram.com"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
        ("http://localhost:8080/v1", "http://localhost:8080"),
        ("localhost:8080", "https://localhost:8080"),
        ("HTTPS://API.Deepgram.COM", "https://api.deepgram.com"),
        ("http://[::1]:9000/", "http://[::1]:9000"),
        ("https://proxy.example.com/deepgram", "https://proxy.example.com/deepgram"),
        ("https://proxy.example.com/deepgram/v1/", "https://proxy.example.com/deepgram"),
        ("https://proxy.example.com/v1x", "https://proxy.example.com/v1x"),
        ("  https://api.deepgram.com\n", "https://api.deepgram.com"),
    ],
)
def test_normalize_base_url(url: str, expected: str) -> None:
    assert normalize_base_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "\n",
        "https://api.deepgram .com",
        "https://api.deepgram.com/a b",
        "https://api.deepgram.com\t/v1",
        "https://api.deepgram.com?x=1",
        "https://api.deepgram.com/?",
        "https://api.deepgram.com#frag",
        "ftp://api.deepgram.com",
        "ws://api.deepgram.com",
        "file:///etc/passwd",
        "javascript://alert(1)",
        "https://",
        "https:///v1",
        "https://:8080",
        "https://api.deepgram.com:notaport",
        "https://api.deepgram.com:99999",
        "https://user:pass@api.deepgram.com",
        "https://api.deepgram.com\x00",
    ],
)
def test_normalize_base_url_rejects(url: str) -> None:
    with pytest.raises(DeepgramValueError):
        normalize_base_url(url)


@pytest.mark.parametrize("url", [None, 8080, b"https://api.deepgram.com"])
def test_normalize_base_url_rejects_non_str(url: object) -> None:
    with pytest.raises(DeepgramTypeError):
        normalize_base_url(url)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("abc-DEF_123.~", "abc-DEF_123.~"),
        ("a/b", "a%2Fb"),
        (".", "%2E"),
        ("..", "%2E%2E"),
        ("...", "..."),
        ("a.b", "a.b"),
        ("?", "%3F"),
        ("#", "%23"),
        ("%", "%25"),
        ("%2F", "%252F"),
        (" ", "%20"),
        ("+", "%2B"),
        ("@", "%40"),
        ("a@b.co", "a%40b.co"),
        ("a+tag@b.co", "a%2Btag%40b.co"),
        ("é", "%C3%A9"),
        ("日本", "%E6%97%A5%E6%9C%AC"),
        ("🎙", "%F0%9F%8E%99"),
        (";,=&$!*'()", "%3B%2C%3D%26%24%21%2A%27%28%29"),
        (":", "%3A"),
        ("\\", "%5C"),
        ("\n", "%0A"),
        ("", ""),
    ],
)
def test_encode_segment(value: str, expected: str) -> None:
    assert encode_segment(value) == expected


def test_encode_segment_rejects_lone_surrogates_and_non_str() -> None:
    with pytest.raises(DeepgramValueError):
        encode_segment("\ud800")
    with pytest.raises(DeepgramTypeError):
        encode_segment(b"abc")  # type: ignore[arg-type]


@given(st.text())
def test_encode_segment_round_trips_and_stays_one_segment(value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return
    encoded = encode_segment(value)
    assert set(encoded) <= UNRESERVED | set("%0123456789ABCDEF")
    assert encoded not in (".", "..")
    assert unquote(encoded, errors="strict") == value


KEY_TEMPLATE = "/v1/projects/{project_id}/keys/{key_id}"


@pytest.mark.parametrize(
    ("template", "params", "expected"),
    [
        ("/v1/projects", {}, "/v1/projects"),
        ("/v1/projects/{project_id}", {"project_id": "p1"}, "/v1/projects/p1"),
        (KEY_TEMPLATE, {"project_id": "p1", "key_id": "k1"}, "/v1/projects/p1/keys/k1"),
        (
            KEY_TEMPLATE,
            {"project_id": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "key_id": "k"},
            "/v1/projects/3fa85f64-5717-4562-b3fc-2c963f66afa6/keys/k",
        ),
        (KEY_TEMPLATE, {"project_id": "p/../../x", "key_id": "k"}, "/v1/projects/p%2F..%2F..%2Fx/keys/k"),
        (KEY_TEMPLATE, {"project_id": "..", "key_id": "."}, "/v1/projects/%2E%2E/keys/%2E"),
        (KEY_TEMPLATE, {"project_id": "../..", "key_id": "k"}, "/v1/projects/..%2F../keys/k"),
        (KEY_TEMPLATE, {"project_id": "p?admin=1", "key_id": "k"}, "/v1/projects/p%3Fadmin%3D1/keys/k"),
        (KEY_TEMPLATE, {"project_id": "p#frag", "key_id": "k"}, "/v1/projects/p%23frag/keys/k"),
        (KEY_TEMPLATE, {"project_id": "100%", "key_id": "%2e%2e"}, "/v1/projects/100%25/keys/%252e%252e"),
        (KEY_TEMPLATE, {"project_id": "my project", "key_id": "k"}, "/v1/projects/my%20project/keys/k"),
        (KEY_TEMPLATE, {"project_id": "proj\u00e9", "key_id": "k"}, "/v1/projects/proj%C3%A9/keys/k"),
        (
            "/v1/projects/{project_id}/invites/{email}",
            {"project_id": "p1", "email": "jane.doe+dg@example.co.uk"},
            "/v1/projects/p1/invites/jane.doe%2Bdg%40example.co.uk",
        ),
        (
            "/v1/projects/{project_id}/invites/{email}",
            {"project_id": "p1", "email": "名前@例え.jp"},
            "/v1/projects/p1/invites/%E5%90%8D%E5%89%8D%40%E4%BE%8B%E3%81%88.jp",
        ),
        (
            "/v1/projects/{project_id}/members/{member_id}/scopes",
            {"project_id": "p", "member_id": "m", "unused": "ignored"},
            "/v1/projects/p/members/m/scopes",
        ),
        ("/v1/{a}{b}", {"a": "x/", "b": "/y"}, "/v1/x%2F%2Fy"),
    ],
)
def test_build_path(template: str, params: dict[str, str], expected: str) -> None:
    assert build_path(template, params) == expected


@pytest.mark.parametrize(
    ("params", "error", "mentions"),
    [
        ({"key_id": "k"}, DeepgramValueError, "project_id"),
        ({"project_id": "p"}, DeepgramValueError, "key_id"),
        ({"project_id": "", "key_id": "k"}, DeepgramValueError, "project_id"),
        ({"project_id": "p", "key_id": "   "}, DeepgramValueError, "key_id"),
        ({"project_id": "p", "key_id": "\t\n"}, DeepgramValueError, "key_id"),
        ({"project_id": None, "key_id": "k"}, DeepgramTypeError, "project_id"),
        ({"project_id": 123, "key_id": "k"}, DeepgramTypeError, "project_id"),
        ({"project_id": "p", "key_id": b"k"}, DeepgramTypeError, "key_id"),
        ({"project_id": "p", "key_id": ["k"]}, DeepgramTypeError, "key_id"),
        ({"project_id": "p", "key_id": "\udcff"}, DeepgramValueError, "segment"),
    ],
)
def test_build_path_rejects(params: dict[str, object], error: type[Exception], mentions: str) -> None:
    with pytest.raises(error, match=mentions) as info:
        build_path(KEY_TEMPLATE, params)  # type: ignore[arg-type]
    if error is DeepgramTypeError:
        assert not isinstance(info.value, ValueError)


def test_build_path_accepts_str_enum() -> None:
    class Scope(str, enum.Enum):
        ADMIN = "admin"

    assert build_path("/v1/{x}", {"x": Scope.ADMIN}) == "/v1/admin"


class Color(str, enum.Enum):
    RED = "red"


class Level(enum.IntEnum):
    HIGH = 3


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, []),
        ({"a": None}, []),
        ({"a": "x", "b": None, "c": "y"}, [("a", "x"), ("c", "y")]),
        ({"include_outdated": True}, [("include_outdated", "true")]),
        ({"include_outdated": False}, [("include_outdated", "false")]),
        ({"limit": 10}, [("limit", "10")]),
        ({"page": 0}, [("page", "0")]),
        ({"limit": -1}, [("limit", "-1")]),
        ({"limit": 10.0}, [("limit", "10")]),
        ({"limit": 1e3}, [("limit", "1000")]),
        ({"ratio": 0.5}, [("ratio", "0.5")]),
        ({"ratio": 0.1}, [("ratio", "0.1")]),
        ({"ratio": -2.25}, [("ratio", "-2.25")]),
        ({"grouping": ["a", "b"]}, [("grouping", "a"), ("grouping", "b")]),
        ({"grouping": ("a", None, "b")}, [("grouping", "a"), ("grouping", "b")]),
        ({"grouping": []}, []),
        ({"mixed": [1, True, 2.0, "x"]}, [("mixed", "1"), ("mixed", "true"), ("mixed", "2"), ("mixed", "x")]),
        ({"start": datetime.date(2026, 1, 2)}, [("start", "2026-01-02")]),
        ({"start": datetime.datetime(2026, 1, 2, 3, 4, 5)}, [("start", "2026-01-02T03:04:05")]),
        (
            {"start": datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)},
            [("start", "2026-01-02T03:04:05+00:00")],
        ),
        ({"s": ""}, [("s", "")]),
        ({"s": "a b&c=d"}, [("s", "a b&c=d")]),
        ({"color": Color.RED}, [("color", "red")]),
        ({"level": Level.HIGH}, [("level", "3")]),
    ],
)
def test_encode_query(params: dict[str, object], expected: list[tuple[str, str]]) -> None:
    assert encode_query(params) == expected


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"a": {"b": 1}}, DeepgramTypeError),
        ({"a": {1, 2}}, DeepgramTypeError),
        ({"a": b"bytes"}, DeepgramTypeError),
        ({"a": object()}, DeepgramTypeError),
        ({"a": [[1]]}, DeepgramTypeError),
        ({"a": [{"b": 1}]}, DeepgramTypeError),
        ({1: "x"}, DeepgramTypeError),
        ({"a": float("nan")}, DeepgramValueError),
        ({"a": float("inf")}, DeepgramValueError),
        ({"a": [float("-inf")]}, DeepgramValueError),
    ],
)
def test_encode_query_rejects(params: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        encode_query(params)


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([], ""),
        ([("a", "1")], "a=1"),
        ([("a", "1"), ("b", "2")], "a=1&b=2"),
        ([("tag", "x"), ("tag", "y")], "tag=x&tag=y"),
        ([("s", "")], "s="),
        ([("s", "a b")], "s=a%20b"),
        ([("start", "2026-01-02T03:04:05+01:00")], "start=2026-01-02T03%3A04%3A05%2B01%3A00"),
        ([("q", "a&b=c")], "q=a%26b%3Dc"),
        ([("q", "50%")], "q=50%25"),
        ([("q", "é")], "q=%C3%A9"),
        ([("q", "/?#")], "q=%2F%3F%23"),
        ([("we ird&", "v")], "we%20ird%26=v"),
        ([("email", "a@b.co")], "email=a%40b.co"),
        ([("t", "~-._")], "t=~-._"),
    ],
)
def test_query_string(pairs: list[tuple[str, str]], expected: str) -> None:
    assert query_string(pairs) == expected


def test_query_string_rejects_lone_surrogates() -> None:
    with pytest.raises(DeepgramValueError):
        query_string([("q", "\ud800")])


def test_encode_then_join() -> None:
    params = {"start": "2026-01-01", "end": None, "limit": 1000.0, "status": "failed", "deployment": ("h",)}
    assert query_string(encode_query(params)) == "start=2026-01-01&limit=1000&status=failed&deployment=h"
