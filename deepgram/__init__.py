"""Deepgram Management API SDK: typed, async-native, with a sync surface and an embedded emulator.

Names are imported lazily (PEP 562), so `import deepgram` stays cheap until a name is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from deepgram import _coexistence
from deepgram._version import __version__

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
    from deepgram.manage.client import (
        ManageClient as ManageClient,
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
    from deepgram.usage.query import (
        RequestQuery as RequestQuery,
    )

_EXPORTS: dict[str, str] = {
    "DeepgramClient": "deepgram.client",
    "DeepgramClientOptions": "deepgram.config",
    "ManageClient": "deepgram.manage.client",
    "AsyncManageClient": "deepgram.manage.async_client",
    "DeepgramError": "deepgram.errors",
    "DeepgramTypeError": "deepgram.errors",
    "DeepgramValueError": "deepgram.errors",
    "MissingCredentialsError": "deepgram.errors",
    "ClientClosedError": "deepgram.errors",
    "DeepgramConnectionError": "deepgram.errors",
    "DeepgramTimeoutError": "deepgram.errors",
    "ResponseValidationError": "deepgram.errors",
    "ResponseTooLargeError": "deepgram.errors",
    "RedirectError": "deepgram.errors",
    "DeepgramApiError": "deepgram.errors",
    "BadRequestError": "deepgram.errors",
    "AuthenticationError": "deepgram.errors",
    "PermissionDeniedError": "deepgram.errors",
    "NotFoundError": "deepgram.errors",
    "ConflictError": "deepgram.errors",
    "RateLimitError": "deepgram.errors",
    "ServerError": "deepgram.errors",
    "ProjectOptions": "deepgram.types.options",
    "KeyOptions": "deepgram.types.options",
    "KeyListOptions": "deepgram.types.options",
    "ScopeOptions": "deepgram.types.options",
    "InviteOptions": "deepgram.types.options",
    "UsageRequestOptions": "deepgram.types.options",
    "UsageSummaryOptions": "deepgram.types.options",
    "UsageFieldsOptions": "deepgram.types.options",
    "UsageBreakdownOptions": "deepgram.types.options",
    "BillingBreakdownOptions": "deepgram.types.options",
    "BillingFieldsOptions": "deepgram.types.options",
    "PurchasesOptions": "deepgram.types.options",
    "ModelOptions": "deepgram.types.options",
    "Message": "deepgram.resources.common",
    "Project": "deepgram.resources.projects",
    "ProjectsResponse": "deepgram.resources.projects",
    "Projects": "deepgram.resources.projects",
    "Key": "deepgram.resources.keys",
    "KeysResponse": "deepgram.resources.keys",
    "KeyResponse": "deepgram.resources.keys",
    "Keys": "deepgram.resources.keys",
    "Member": "deepgram.resources.members",
    "MembersResponse": "deepgram.resources.members",
    "ScopesResponse": "deepgram.resources.members",
    "Scopes": "deepgram.resources.members",
    "Members": "deepgram.resources.members",
    "Invite": "deepgram.resources.invites",
    "InvitesResponse": "deepgram.resources.invites",
    "Invites": "deepgram.resources.invites",
    "UsageRequest": "deepgram.resources.usage_types",
    "UsageRequestsResponse": "deepgram.resources.usage_types",
    "UsageResponse": "deepgram.resources.usage_types",
    "UsageSummaryResponse": "deepgram.resources.usage_types",
    "UsageSummaryResults": "deepgram.resources.usage_types",
    "Resolution": "deepgram.resources.usage_types",
    "UsageFieldsResponse": "deepgram.resources.usage_types",
    "UsageModel": "deepgram.resources.usage_types",
    "STTDetails": "deepgram.resources.usage_types",
    "TTSDetails": "deepgram.resources.usage_types",
    "STTTokens": "deepgram.resources.usage_types",
    "TTSTokens": "deepgram.resources.usage_types",
    "STTUsageDetails": "deepgram.resources.usage_types",
    "TTSUsageDetails": "deepgram.resources.usage_types",
    "SpeechSegment": "deepgram.resources.usage_types",
    "TokenDetail": "deepgram.resources.usage_types",
    "Callback": "deepgram.resources.usage_types",
    "Config": "deepgram.resources.usage_types",
    "RequestResponse": "deepgram.resources.usage_types",
    "SummaryTokens": "deepgram.resources.usage_types",
    "SummaryTTS": "deepgram.resources.usage_types",
    "UsageBreakdownResponse": "deepgram.resources.usage_types",
    "UsageBreakdownResult": "deepgram.resources.usage_types",
    "UsageGrouping": "deepgram.resources.usage_types",
    "Usage": "deepgram.resources.usage",
    "RequestQuery": "deepgram.usage.query",
    "Balance": "deepgram.resources.billing",
    "BalancesResponse": "deepgram.resources.billing",
    "Purchase": "deepgram.resources.billing",
    "PurchasesResponse": "deepgram.resources.billing",
    "BillingBreakdownResponse": "deepgram.resources.billing",
    "BillingBreakdownResult": "deepgram.resources.billing",
    "BillingGrouping": "deepgram.resources.billing",
    "BillingFieldsResponse": "deepgram.resources.billing",
    "Balances": "deepgram.resources.billing",
    "Purchases": "deepgram.resources.billing",
    "Billing": "deepgram.resources.billing",
    "ModelInfo": "deepgram.resources.models",
    "ModelResponse": "deepgram.resources.models",
    "ModelsResponse": "deepgram.resources.models",
    "TTSMetadata": "deepgram.resources.models",
    "Models": "deepgram.resources.models",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
