"""2xx bodies that lack what the operation must return are errors; optional fields stay optional."""

from __future__ import annotations

import pytest

from deepgram import ResponseValidationError
from tests.hostile.servers import reply, serving


def test_a_created_key_without_its_id_is_refused() -> None:
    with serving(reply(b"{}")) as (_, client), pytest.raises(ResponseValidationError) as caught:
        client.manage.create_key("p1", {"comment": "c", "scopes": ["member"]})
    assert "api_key_id" in str(caught.value)


def test_a_created_key_with_an_empty_id_is_refused() -> None:
    with serving(reply(b'{"api_key_id": "", "key": "abc"}')) as (_, client), pytest.raises(
        ResponseValidationError, match="api_key_id"
    ):
        client.project("p1").keys.create(comment="c", scopes=["member"])


@pytest.mark.parametrize(
    ("call", "member"),
    [
        (lambda c: c.manage.get_projects(), "projects"),
        (lambda c: c.manage.get_keys("p1"), "api_keys"),
        (lambda c: c.manage.get_members("p1"), "members"),
        (lambda c: c.manage.get_invites("p1"), "invites"),
        (lambda c: c.manage.get_balances("p1"), "balances"),
        (lambda c: c.project("p1").members.scopes("m1"), "scopes"),
    ],
)
def test_a_list_endpoint_without_its_list_is_refused(call, member: str) -> None:  # type: ignore[no-untyped-def]
    with serving(reply(b'{"unrelated": 1}'), max_retries=0) as (_, client), pytest.raises(
        ResponseValidationError, match=member
    ):
        call(client)


def test_an_empty_list_is_an_answer_and_optional_fields_stay_optional() -> None:
    with serving(reply(b'{"api_keys": []}')) as (_, client):
        assert client.manage.get_keys("p1").api_keys == []
    with serving(reply(b'{"api_key_id": "k1"}')) as (_, client):
        key = client.project("p1").keys.create(comment="c", scopes=["member"])
    assert key.api_key_id == "k1" and key.key is None and key.comment is None
    with serving(reply(b'{"projects": [{"project_id": "p1"}]}')) as (_, client):
        project = client.manage.get_projects().projects[0]
    assert project.name is None or project.name == ""


def test_a_request_log_page_without_its_records_is_not_the_end_of_the_log() -> None:
    with serving(reply(b'{"page": 0, "limit": 10}'), max_retries=0) as (_, client), pytest.raises(
        ResponseValidationError, match="requests"
    ):
        list(client.project("p1").usage.requests(start="2025-01-01", end="2025-01-02"))
