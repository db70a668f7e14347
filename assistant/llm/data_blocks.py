"""Untrusted text (retrieved passages, the owner's documents) goes to the model as data.

``data_block(title, text)`` wraps the text in a ``<data title="...">`` ... ``</data>`` fence
that the system prompt declares to be reference material, never instructions. Inside the
text, anything that could close the fence early or pose as a conversation turn is defused:
``<data``/``</data`` tags, chat-template tokens (``<|im_start|>``, ``[INST]``, ``<<SYS>>``,
``</s>``) and lines that open with a role label (``System:``, ``### Assistant:``) are
rewritten so they read the same to a person but no longer parse as markup.
"""

from __future__ import annotations

import re

_FENCE_TAG = re.compile(r"<(/?)(\s*)(data)\b", re.IGNORECASE)
_TEMPLATE_TOKEN = re.compile(r"<\|([^|<>\n]{0,40})\|>")
_BRACKET_TOKEN = re.compile(r"\[(/?)(INST|SYS)\]|<<(/?)SYS>>|</?s>", re.IGNORECASE)
_ROLE_LINE = re.compile(
    r"^([ \t>#*]*)(system|assistant|user|developer|human|ai|tool|function)(\s*):",
    re.IGNORECASE | re.MULTILINE,
)
_TITLE_UNSAFE = re.compile(r"[\"<>\r\n\t]+")
_TITLE_MAX = 120


def _defuse_bracket_token(match: re.Match[str]) -> str:
    return match.group(0).replace("[", "(").replace("]", ")").replace("<", "‹").replace(">", "›")


def neutralise(text: str) -> str:
    """The text with fence tags, chat-template tokens and role labels made inert."""
    text = _FENCE_TAG.sub(lambda m: f"‹{m.group(1)}{m.group(2)}{m.group(3)}", text)
    text = _TEMPLATE_TOKEN.sub(lambda m: f"‹|{m.group(1)}|›", text)
    text = _BRACKET_TOKEN.sub(_defuse_bracket_token, text)
    return _ROLE_LINE.sub(lambda m: f"{m.group(1)}({m.group(2)}){m.group(3)}:", text)


def _clean_title(title: str) -> str:
    cleaned = " ".join(_TITLE_UNSAFE.sub(" ", title).split())
    return cleaned[:_TITLE_MAX] or "untitled"


def data_block(title: str, text: str) -> str:
    """``text`` fenced as a titled data block for a prompt, with injection markers defused."""
    return f'<data title="{_clean_title(title)}">\n{neutralise(text).strip()}\n</data>'
