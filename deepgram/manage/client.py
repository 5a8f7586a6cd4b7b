"""`ManageClient`: the sync classic client, derived method by method from `AsyncManageClient`."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from deepgram.core.blocking import blocking
from deepgram.core.raw import RawResponses
from deepgram.errors import DeepgramValueError
from deepgram.manage.async_client import AsyncManageClient

if TYPE_CHECKING:
    from deepgram.core.api import Api

T = TypeVar("T")


class ManageClient:
    """The classic Manage client, sync: the same methods as `AsyncManageClient`, each one the async
    implementation run on the client's background loop (one connection pool for every call).
    `client.manage.asyncmanage` is the async twin."""

    def __init__(self, api: Api) -> None:
        self._api = api
        self._async = AsyncManageClient(api)

    @property
    def asyncmanage(self) -> AsyncManageClient:
        """The async classic client (`client.manage.asyncmanage`, as in the 4.x SDK)."""
        return self._async

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self._api.run(coro)

    def __repr__(self) -> str:
        return "<ManageClient>"

    @property
    def with_raw_response(self) -> RawResponses:
        """The same methods, each returning a `RawResponse` (status, headers, request id, `.parse()`)."""
        return RawResponses(self)

    def v(self, version: str = "1") -> ManageClient:
        """The older SDK's version selector; only "1" exists."""
        if str(version) != "1":
            raise DeepgramValueError(f"Manage API version {version!r} does not exist; use '1'")
        return self

    get_projects = blocking(AsyncManageClient.get_projects)
    list_projects = blocking(AsyncManageClient.list_projects)
    get_project = blocking(AsyncManageClient.get_project)
    update_project = blocking(AsyncManageClient.update_project)
    update_project_option = blocking(AsyncManageClient.update_project_option)
    delete_project = blocking(AsyncManageClient.delete_project)
    leave_project = blocking(AsyncManageClient.leave_project)
    get_keys = blocking(AsyncManageClient.get_keys)
    list_keys = blocking(AsyncManageClient.list_keys)
    get_key = blocking(AsyncManageClient.get_key)
    create_key = blocking(AsyncManageClient.create_key)
    delete_key = blocking(AsyncManageClient.delete_key)
    get_members = blocking(AsyncManageClient.get_members)
    list_members = blocking(AsyncManageClient.list_members)
    remove_member = blocking(AsyncManageClient.remove_member)
    get_member_scopes = blocking(AsyncManageClient.get_member_scopes)
    update_member_scope = blocking(AsyncManageClient.update_member_scope)
    get_invites = blocking(AsyncManageClient.get_invites)
    list_invites = blocking(AsyncManageClient.list_invites)
    send_invite = blocking(AsyncManageClient.send_invite)
    send_invite_options = blocking(AsyncManageClient.send_invite_options)
    delete_invite = blocking(AsyncManageClient.delete_invite)
    get_usage = blocking(AsyncManageClient.get_usage)
    get_usage_request = blocking(AsyncManageClient.get_usage_request)
    get_usage_requests = blocking(AsyncManageClient.get_usage_requests)
    get_usage_summary = blocking(AsyncManageClient.get_usage_summary)
    get_usage_fields = blocking(AsyncManageClient.get_usage_fields)
    get_usage_breakdown = blocking(AsyncManageClient.get_usage_breakdown)
    get_balances = blocking(AsyncManageClient.get_balances)
    list_balances = blocking(AsyncManageClient.list_balances)
    get_balance = blocking(AsyncManageClient.get_balance)
    get_billing_breakdown = blocking(AsyncManageClient.get_billing_breakdown)
    get_billing_fields = blocking(AsyncManageClient.get_billing_fields)
    get_purchases = blocking(AsyncManageClient.get_purchases)
    get_models = blocking(AsyncManageClient.get_models)
    list_models = blocking(AsyncManageClient.list_models)
    get_model = blocking(AsyncManageClient.get_model)
    get_project_models = blocking(AsyncManageClient.get_project_models)
    list_project_models = blocking(AsyncManageClient.list_project_models)
    get_project_model = blocking(AsyncManageClient.get_project_model)
    get_agent_configurations = blocking(AsyncManageClient.get_agent_configurations)
    get_agent_configuration = blocking(AsyncManageClient.get_agent_configuration)
    create_agent_configuration = blocking(AsyncManageClient.create_agent_configuration)
    update_agent_configuration = blocking(AsyncManageClient.update_agent_configuration)
    delete_agent_configuration = blocking(AsyncManageClient.delete_agent_configuration)
    get_agent_variables = blocking(AsyncManageClient.get_agent_variables)
    get_agent_variable = blocking(AsyncManageClient.get_agent_variable)
    create_agent_variable = blocking(AsyncManageClient.create_agent_variable)
    update_agent_variable = blocking(AsyncManageClient.update_agent_variable)
    delete_agent_variable = blocking(AsyncManageClient.delete_agent_variable)
