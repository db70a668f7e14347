"""LLM prompts as data: one YAML file per task under ``prompts/llm/`` (see prompts/README.md).

A prompt file holds ``version``, ``description``, a ``system`` and a ``user`` template with
``{placeholders}``. ``PromptSpec.messages(**values)`` fills them — every placeholder exactly
once, no unknown values — and returns LangChain messages. Untrusted text must arrive already
wrapped by ``data_block``; the system template says that such blocks are data.
"""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from pydantic import BaseModel, ConfigDict, Field

from assistant.config import PROJECT_ROOT
from assistant.yamlfiles import parse_yaml

LLM_PROMPTS_DIR = PROJECT_ROOT / "prompts" / "llm"


def _placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


class PromptSpec(BaseModel):
    """One prompt file, validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    version: int = Field(ge=1)
    description: str
    system: str = Field(min_length=1)
    user: str = Field(min_length=1)

    @property
    def placeholders(self) -> set[str]:
        return _placeholders(self.system) | _placeholders(self.user)

    def messages(self, **values: str) -> list[BaseMessage]:
        """System and user messages with every placeholder filled."""
        missing = self.placeholders - values.keys()
        unknown = values.keys() - self.placeholders
        if missing or unknown:
            raise KeyError(
                f"prompt {self.name!r}: missing {sorted(missing)}, unknown {sorted(unknown)}"
            )
        return [
            SystemMessage(self.system.format(**values).strip()),
            HumanMessage(self.user.format(**values).strip()),
        ]


@cache
def load_prompt(name: str, directory: Path = LLM_PROMPTS_DIR) -> PromptSpec:
    """The prompt ``<directory>/<name>.yaml``, read once."""
    with (directory / f"{name}.yaml").open(encoding="utf-8") as handle:
        data = parse_yaml(handle)
    return PromptSpec.model_validate({**data, "name": name})
