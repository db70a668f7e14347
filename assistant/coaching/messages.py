"""Owner-facing message templates (prompts/templates/*.yaml), per language."""

from __future__ import annotations

from functools import cache
from typing import Any

from assistant.config import PROJECT_ROOT
from assistant.knowledge.loaders import load_yaml_data

TEMPLATES_DIR = PROJECT_ROOT / "prompts" / "templates"


@cache
def _templates(name: str) -> dict[str, dict[str, Any]]:
    return load_yaml_data(TEMPLATES_DIR / f"{name}.yaml")


class Messages:
    """Looks up a template in the session's language, falling back to English."""

    def __init__(self, language: str, templates: str = "interview") -> None:
        table = _templates(templates)
        self.language = language if language in table else "en"
        self._own = table[self.language]
        self._fallback = table["en"]

    def raw(self, key: str) -> Any:
        return self._own.get(key, self._fallback.get(key))

    def say(self, key: str, **values: Any) -> str:
        template = self.raw(key)
        if not isinstance(template, str):
            raise KeyError(f"template {key!r} is not text")
        return template.format(**values)

    def label(self, group: str, key: str) -> str:
        table = self.raw(group) or {}
        return str(table.get(key, key))

    def unit(self, unit: str, value: float) -> str:
        """A unit's word for ``value``: "1 day", "3 days" (``units_one`` holds the words
        that change for one)."""
        one = self.raw("units_one") or {}
        return str(one[unit]) if value == 1 and unit in one else self.label("units", unit)
