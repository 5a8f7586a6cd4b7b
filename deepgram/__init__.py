"""Deepgram Management API SDK: typed, async-native, with a sync surface and an embedded emulator.

Names are imported lazily (PEP 562), so `import deepgram` stays cheap until a name is used. The
imports under `TYPE_CHECKING` below are the one table of exported names: type checkers read them
as they are, and at run time the first lookup reads the same statements to learn where each name
lives. `__getattr__` exists only at run time, so a type checker rejects a name that is not exported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from deepgram import _coexistence
from deepgram._version import __version__ as __version__

_coexistence.warn_if_shared(__version__)  # deepgram-sdk's files in this package's directory: say so

if TYPE_CHECKING:
    from deepgram.client import (
        DeepgramClient as DeepgramClient,
    )
    from deepgram.config import (
        DeepgramClientOptions as DeepgramClientOptions,
    )
    from deepgram.errors import (
        AuthenticationError as AuthenticationError,
    )
    from deepgram.errors import (
        BadRequestError as BadRequestError,
    )
    from deepgram.errors import (
        ClientClosedError as ClientClosedError,
    )
    from deepgram.errors import (
        ConflictError as ConflictError,
    )
    from deepgram.errors import (
        DeepgramApiError as DeepgramApiError,
    )
    from deepgram.errors import (
        DeepgramConnectionError as DeepgramConnectionError,
    )
    from deepgram.errors import (
        DeepgramError as DeepgramError,
    )
    from deepgram.errors import (
        DeepgramTimeoutError as DeepgramTimeoutError,
    )
    from deepgram.errors import (
        DeepgramTypeError as DeepgramTypeError,
    )
    from deepgram.errors import (
        DeepgramValueError as DeepgramValueError,
    )
    from deepgram.errors import (
        MissingCredentialsError as MissingCredentialsError,
    )
    from deepgram.errors import (
        NotFoundError as NotFoundError,
    )
    from deepgram.errors import (
        PermissionDeniedError as PermissionDeniedError,
    )
    from deepgram.errors import (
        RateLimitError as RateLimitError,
    )
    from deepgram.errors import (
        RedirectError as RedirectError,
    )
    from deepgram.errors import (
        ResponseTooLargeError as ResponseTooLargeError,
    )
    from deepgram.errors import (
        ResponseValidationError as ResponseValidationError,
    )
    from deepgram.errors import (
        ServerError as ServerError,
    )
    from deepgram.manage.async_client import (
        AsyncManageClient as AsyncManageClient,
    )
    from deepgram.manage.auth import (
        AsyncAuthClient as AsyncAuthClient,
    )
    from deepgram.manage.auth import (
        AuthClient as AuthClient,
    )
    from deepgram.manage.client import (
        ManageClient as ManageClient,
    )
    from deepgram.manage.selfhosted import (
        AsyncSelfHostedClient as AsyncSelfHostedClient,
    )
    from deepgram.manage.selfhosted import (
        SelfHostedClient as SelfHostedClient,
    )
    from deepgram.resources.agents import (
        AgentConfiguration as AgentConfiguration,
    )
    from deepgram.resources.agents import (
        AgentConfigurationsResponse as AgentConfigurationsResponse,
    )
    from deepgram.resources.agents import (
        AgentVariable as AgentVariable,
    )
    from deepgram.resources.agents import (
        AgentVariablesResponse as AgentVariablesResponse,
    )
    from deepgram.resources.agents import (
        Deleted as Deleted,
    )
    from deepgram.resources.billing import (
        Balance as Balance,
    )
    from deepgram.resources.billing import (
        Balances as Balances,
    )
    from deepgram.resources.billing import (
        BalancesResponse as BalancesResponse,
    )
    from deepgram.resources.billing import (
        Billing as Billing,
    )
    from deepgram.resources.billing import (
        BillingBreakdownResponse as BillingBreakdownResponse,
    )
    from deepgram.resources.billing import (
        BillingBreakdownResult as BillingBreakdownResult,
    )
    from deepgram.resources.billing import (
        BillingFieldsResponse as BillingFieldsResponse,
    )
    from deepgram.resources.billing import (
        BillingGrouping as BillingGrouping,
    )
    from deepgram.resources.billing import (
        Purchase as Purchase,
    )
    from deepgram.resources.billing import (
        Purchases as Purchases,
    )
    from deepgram.resources.billing import (
        PurchasesResponse as PurchasesResponse,
    )
    from deepgram.resources.common import (
        Message as Message,
    )
    from deepgram.resources.invites import (
        Invite as Invite,
    )
    from deepgram.resources.invites import (
        Invites as Invites,
    )
    from deepgram.resources.invites import (
        InvitesResponse as InvitesResponse,
    )
    from deepgram.resources.keys import (
        Key as Key,
    )
    from deepgram.resources.keys import (
        KeyResponse as KeyResponse,
    )
    from deepgram.resources.keys import (
        Keys as Keys,
    )
    from deepgram.resources.keys import (
        KeysResponse as KeysResponse,
    )
    from deepgram.resources.members import (
        Member as Member,
    )
    from deepgram.resources.members import (
        Members as Members,
    )
    from deepgram.resources.members import (
        MembersResponse as MembersResponse,
    )
    from deepgram.resources.members import (
        Scopes as Scopes,
    )
    from deepgram.resources.members import (
        ScopesResponse as ScopesResponse,
    )
    from deepgram.resources.models import (
        ModelInfo as ModelInfo,
    )
    from deepgram.resources.models import (
        ModelResponse as ModelResponse,
    )
    from deepgram.resources.models import (
        Models as Models,
    )
    from deepgram.resources.models import (
        ModelsResponse as ModelsResponse,
    )
    from deepgram.resources.models import (
        TTSMetadata as TTSMetadata,
    )
    from deepgram.resources.projects import (
        Project as Project,
    )
    from deepgram.resources.projects import (
        Projects as Projects,
    )
    from deepgram.resources.projects import (
        ProjectsResponse as ProjectsResponse,
    )
    from deepgram.resources.selfhosted import (
        CredentialSet as CredentialSet,
    )
    from deepgram.resources.selfhosted import (
        CredentialsOwner as CredentialsOwner,
    )
    from deepgram.resources.selfhosted import (
        DistributionCredentials as DistributionCredentials,
    )
    from deepgram.resources.selfhosted import (
        DistributionCredentialsResponse as DistributionCredentialsResponse,
    )
    from deepgram.resources.tokens import (
        GrantToken as GrantToken,
    )
    from deepgram.resources.usage import (
        Usage as Usage,
    )
    from deepgram.resources.usage_types import (
        Callback as Callback,
    )
    from deepgram.resources.usage_types import (
        Config as Config,
    )
    from deepgram.resources.usage_types import (
        RequestResponse as RequestResponse,
    )
    from deepgram.resources.usage_types import (
        Resolution as Resolution,
    )
    from deepgram.resources.usage_types import (
        SpeechSegment as SpeechSegment,
    )
    from deepgram.resources.usage_types import (
        STTDetails as STTDetails,
    )
    from deepgram.resources.usage_types import (
        STTTokens as STTTokens,
    )
    from deepgram.resources.usage_types import (
        STTUsageDetails as STTUsageDetails,
    )
    from deepgram.resources.usage_types import (
        SummaryTokens as SummaryTokens,
    )
    from deepgram.resources.usage_types import (
        SummaryTTS as SummaryTTS,
    )
    from deepgram.resources.usage_types import (
        TokenDetail as TokenDetail,
    )
    from deepgram.resources.usage_types import (
        TTSDetails as TTSDetails,
    )
    from deepgram.resources.usage_types import (
        TTSTokens as TTSTokens,
    )
    from deepgram.resources.usage_types import (
        TTSUsageDetails as TTSUsageDetails,
    )
    from deepgram.resources.usage_types import (
        UsageBreakdownResponse as UsageBreakdownResponse,
    )
    from deepgram.resources.usage_types import (
        UsageBreakdownResult as UsageBreakdownResult,
    )
    from deepgram.resources.usage_types import (
        UsageFieldsResponse as UsageFieldsResponse,
    )
    from deepgram.resources.usage_types import (
        UsageGrouping as UsageGrouping,
    )
    from deepgram.resources.usage_types import (
        UsageModel as UsageModel,
    )
    from deepgram.resources.usage_types import (
        UsageRequest as UsageRequest,
    )
    from deepgram.resources.usage_types import (
        UsageRequestsResponse as UsageRequestsResponse,
    )
    from deepgram.resources.usage_types import (
        UsageResponse as UsageResponse,
    )
    from deepgram.resources.usage_types import (
        UsageSummaryResponse as UsageSummaryResponse,
    )
    from deepgram.resources.usage_types import (
        UsageSummaryResults as UsageSummaryResults,
    )
    from deepgram.types.options import (
        BillingBreakdownOptions as BillingBreakdownOptions,
    )
    from deepgram.types.options import (
        BillingFieldsOptions as BillingFieldsOptions,
    )
    from deepgram.types.options import (
        InviteOptions as InviteOptions,
    )
    from deepgram.types.options import (
        KeyListOptions as KeyListOptions,
    )
    from deepgram.types.options import (
        KeyOptions as KeyOptions,
    )
    from deepgram.types.options import (
        ModelOptions as ModelOptions,
    )
    from deepgram.types.options import (
        ProjectOptions as ProjectOptions,
    )
    from deepgram.types.options import (
        PurchasesOptions as PurchasesOptions,
    )
    from deepgram.types.options import (
        ScopeOptions as ScopeOptions,
    )
    from deepgram.types.options import (
        UsageBreakdownOptions as UsageBreakdownOptions,
    )
    from deepgram.types.options import (
        UsageFieldsOptions as UsageFieldsOptions,
    )
    from deepgram.types.options import (
        UsageRequestOptions as UsageRequestOptions,
    )
    from deepgram.types.options import (
        UsageSummaryOptions as UsageSummaryOptions,
    )
    from deepgram.types.options_agents import (
        AgentConfigurationOptions as AgentConfigurationOptions,
    )
    from deepgram.types.options_agents import (
        AgentMetadataOptions as AgentMetadataOptions,
    )
    from deepgram.types.options_agents import (
        AgentVariableOptions as AgentVariableOptions,
    )
    from deepgram.types.options_agents import (
        AgentVariableValueOptions as AgentVariableValueOptions,
    )
    from deepgram.types.options_agents import (
        CredentialsOptions as CredentialsOptions,
    )
    from deepgram.types.options_agents import (
        GrantOptions as GrantOptions,
    )
    from deepgram.usage.query import (
        RequestQuery as RequestQuery,
    )
else:
    _exports: dict[str, str] | None = None

    def _table() -> dict[str, str]:
        """`{name: module}` from the `TYPE_CHECKING` imports of this file, read once."""
        global _exports
        if _exports is None:
            import ast
            from pathlib import Path

            tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
            guarded = next(node for node in tree.body if isinstance(node, ast.If))
            _exports = {
                alias.name: statement.module
                for statement in guarded.body
                if isinstance(statement, ast.ImportFrom)
                for alias in statement.names
            }
        return _exports

    def __getattr__(name: str) -> Any:
        if name == "__all__":
            return ["__version__", *_table()]
        module = _table().get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(["__version__", *_table()])
