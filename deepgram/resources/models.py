"""The model catalogue: global (`client.models`) and per project (`project.models`)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any

from deepgram.core.blocking import blocking
from deepgram.core.operation import Operation
from deepgram.resources.collection import Collection
from deepgram.types.base import Model
from deepgram.types.options import ModelOptions

if TYPE_CHECKING:
    from deepgram.core.api import Api


class TTSMetadata(Model):
    """A voice's metadata (accent, age, colour, sample...), plus the usage fields the 4.x SDK read."""

    accent: str | None = None
    age: str | None = None
    color: str | None = None
    image: str | None = None
    sample: str | None = None
    tags: builtins.list[str] | None = None
    use_cases: builtins.list[str] | None = None
    model: str | None = None
    characters: int | None = None
    duration: float | None = None


class ModelInfo(Model):
    """A speech-to-text or text-to-speech model. `language` is the first of `languages`."""

    name: str | None = None
    canonical_name: str | None = None
    architecture: str | None = None
    languages: builtins.list[str] | None = None
    language: str | None = None
    version: str | None = None
    uuid: str | None = None
    batch: bool | None = None
    streaming: bool | None = None
    formatted_output: bool | None = None
    metadata: TTSMetadata | None = None

    def __post_init__(self) -> None:
        if self.language is None and self.languages:
            self.language = self.languages[0]


class ModelResponse(ModelInfo):
    """GET /v1/models/{model_id} or /v1/projects/{project_id}/models/{model_id}."""


class ModelsResponse(Model):
    """The catalogue: `stt` and `tts` lists, also readable as `stt_models` and `tts_models`."""

    stt: builtins.list[ModelInfo] = []
    tts: builtins.list[ModelInfo] = []

    @property
    def stt_models(self) -> builtins.list[ModelInfo]:
        """The speech-to-text models (the 4.x SDK's name for `stt`)."""
        return self.stt

    @property
    def tts_models(self) -> builtins.list[ModelInfo]:
        """The text-to-speech models (the 4.x SDK's name for `tts`)."""
        return self.tts

    def __getitem__(self, name: str) -> Any:
        if name in ("stt_models", "tts_models"):
            return getattr(self, name)
        return super().__getitem__(name)


LIST_MODELS = Operation[ModelsResponse](
    "list_models", "GET", "/v1/models", ModelsResponse, "the public model catalogue", options=ModelOptions
)
GET_MODEL = Operation[ModelResponse](
    "get_model", "GET", "/v1/models/{model_id}", ModelResponse, "one model of the public catalogue"
)
LIST_PROJECT_MODELS = Operation[ModelsResponse](
    "get_project_models",
    "GET",
    "/v1/projects/{project_id}/models",
    ModelsResponse,
    "the models a project may use",
    options=ModelOptions,
)
GET_PROJECT_MODEL = Operation[ModelResponse](
    "get_project_model",
    "GET",
    "/v1/projects/{project_id}/models/{model_id}",
    ModelResponse,
    "one model a project may use",
)


class Models(Collection):
    """`client.models` (the public catalogue) or `project.models` (what one project may use)."""

    def __init__(self, api: Api, project_id: str | None = None) -> None:
        super().__init__(api)
        self.project_id = project_id

    def __repr__(self) -> str:
        return f"<Models of project {self.project_id}>" if self.project_id else "<Models (public catalogue)>"

    @LIST_PROJECT_MODELS.documents
    async def alist(self, include_outdated: bool | None = None) -> ModelsResponse:
        """Without a project (`client.models`): GET /v1/models."""
        if self.project_id is None:
            return await self._api.call(LIST_MODELS, include_outdated=include_outdated)
        return await self._api.call(LIST_PROJECT_MODELS, self.project_id, include_outdated=include_outdated)

    @GET_PROJECT_MODEL.documents
    async def aget(self, model_id: str) -> ModelResponse:
        """Without a project (`client.models`): GET /v1/models/{model_id}."""
        if self.project_id is None:
            return await self._api.call(GET_MODEL, model_id)
        return await self._api.call(GET_PROJECT_MODEL, self.project_id, model_id)

    list = blocking(alist)
    get = blocking(aget)
