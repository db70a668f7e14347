"""LLM-as-judge for the evals: rubric scores from an OpenAI-compatible model, made repeatable.

Off unless ``COACH_JUDGE_MODEL`` is set. Each rubric is a prompt file under
``prompts/judge/`` with fixed, numbered evaluation steps and a 1-5 scale (G-Eval style), so
every run asks the same question the same way. ``Judge.score`` asks ``REPEATS`` times at
temperature 0 and reports the median, because even at temperature 0 servers are not fully
deterministic. A verdict that does not parse or is off the scale is a ``JudgeError``, never a
zero: a broken judge must not look like a bad plan. Results are cached on disk by model,
rubric, prompt version and inputs, so re-running an eval costs no model calls.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import statistics
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.config import PROJECT_ROOT
from assistant.llm import (
    LlmConfig,
    LlmConfigError,
    LlmUnavailable,
    complete_structured,
    data_block,
    llm_config,
    make_chat_model,
)
from assistant.llm.prompts import PromptSpec, load_prompt
from assistant.llm.resilience import Sleep
from assistant.llm.settings import OPENAI_BASE_URL

if TYPE_CHECKING:
    from assistant.config import Settings

log = logging.getLogger(__name__)

JUDGE_PROMPTS_DIR = PROJECT_ROOT / "prompts" / "judge"
REPEATS = 3
CACHE_FILE = "judgements.jsonl"

Rubric = Literal["goal_quality", "roadmap_usefulness", "answer_faithfulness"]
RUBRICS: tuple[str, ...] = get_args(Rubric)


class JudgeError(RuntimeError):
    """The judge gave no usable verdict (unparseable, off the scale, or unreachable)."""


# One run's structured answer. Sent to the model as the response format, so the docstring
# and field descriptions are written for the model.
class JudgeVerdict(BaseModel):
    """Your verdict on the material, following the evaluation steps in order."""

    steps: list[str] = Field(description="one short note per evaluation step, in order")
    score: int = Field(ge=1, le=5, description="the rating on the rubric's 1-5 scale")
    reason: str = Field(description="one or two sentences explaining the score")


class JudgeScore(BaseModel):
    """The judged result of one rubric on one input: every run's score and the median."""

    model_config = ConfigDict(frozen=True)

    rubric: Rubric
    median: float
    scores: list[int]
    reasons: list[str]
    cached: bool = False
    model: str
    prompt_version: int


def judge_config(settings: Settings, environ: Mapping[str, str] | None = None) -> LlmConfig | None:
    """The judge's endpoint, or ``None`` when ``COACH_JUDGE_MODEL`` is unset.

    Base URL: ``COACH_JUDGE_BASE_URL`` -> ``COACH_LLM_BASE_URL`` -> OpenAI. Key:
    ``COACH_JUDGE_API_KEY`` -> ``COACH_LLM_API_KEY`` (only if the judge talks to the coach's
    own endpoint, so the coach's key never goes to another provider) -> the same rules as the
    coach (``OPENAI_API_KEY`` for OpenAI, a placeholder for local servers). Temperature is 0.
    """
    if not settings.judge_model:
        return None
    coach_url = (settings.llm_base_url or OPENAI_BASE_URL).rstrip("/")
    base_url = (settings.judge_base_url or coach_url).rstrip("/")
    api_key = settings.judge_api_key
    if api_key is None and base_url == coach_url:
        api_key = settings.llm_api_key
    stand_in = settings.model_copy(
        update={
            "llm_model": settings.judge_model,
            "llm_base_url": base_url,
            "llm_api_key": api_key,
            "llm_temperature": 0.0,
        }
    )
    try:
        return llm_config(stand_in, os.environ if environ is None else environ)
    except LlmConfigError as error:
        raise LlmConfigError(
            f"eval judge (COACH_JUDGE_MODEL={settings.judge_model}): {error} For the judge, "
            "COACH_JUDGE_API_KEY and COACH_JUDGE_BASE_URL take precedence; unset "
            "COACH_JUDGE_MODEL to run the evals without a judge."
        ) from None


def cache_key(model: str, rubric: str, prompt_version: int, inputs: Mapping[str, str]) -> str:
    """sha256 of canonical JSON of everything that determines a verdict.

    JSON (not string concatenation) keeps field boundaries unambiguous; sorted keys make the
    order of keyword arguments irrelevant; ``repeats`` guards against a changed run count.
    """
    payload = {
        "model": model,
        "rubric": rubric,
        "prompt_version": prompt_version,
        "repeats": REPEATS,
        "inputs": dict(inputs),
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class JudgeCache:
    """Append-only JSON lines ``{"key": ..., "score": {...}}``; the last line for a key wins.

    Plain text so a person can read why a score was given; lines that do not parse (a write
    cut short) are skipped, which only costs a re-judgement.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, JudgeScore] | None = None
        self._lock = threading.Lock()

    def _load(self) -> dict[str, JudgeScore]:
        if self._entries is None:
            self._entries = {}
            if self.path.exists():
                for number, line in enumerate(self.path.read_text("utf-8").splitlines(), 1):
                    if not line.strip():
                        continue
                    try:
                        entry = json.loads(line)
                        score = JudgeScore.model_validate(entry["score"])
                        self._entries[str(entry["key"])] = score
                    except (ValueError, KeyError, TypeError):
                        log.warning(
                            "judge cache %s: skipping unreadable line %d", self.path, number
                        )
        return self._entries

    def get(self, key: str) -> JudgeScore | None:
        with self._lock:
            return self._load().get(key)

    def put(self, key: str, score: JudgeScore) -> None:
        line = json.dumps(
            {"key": key, "score": score.model_dump(mode="json", exclude={"cached"})},
            ensure_ascii=False,
        )
        with self._lock:
            entries = self._load()
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(line + "\n")
            entries[key] = score


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _why(error: LlmUnavailable) -> str:
    """The failure in words, with the offending field when the verdict broke the schema."""
    cause = error.__cause__
    while cause is not None and not isinstance(cause, ValidationError):
        cause = cause.__cause__
    if isinstance(cause, ValidationError):
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'verdict'}: {e['msg']} "
            f"(got {_shorten(repr(e['input']))})"
            for e in cause.errors()[:3]
        )
        return f"{error.reason} [{problems}]"
    return error.reason


class Judge:
    """Scores plan parts and answers against the rubrics in ``prompts/judge/``."""

    def __init__(
        self,
        config: LlmConfig,
        cache_dir: Path,
        *,
        prompts_dir: Path = JUDGE_PROMPTS_DIR,
        sleep: Sleep = time.sleep,
    ) -> None:
        self.config = config
        self.prompts_dir = prompts_dir
        self.cache = JudgeCache(cache_dir / CACHE_FILE)
        self._sleep = sleep
        self._model = make_chat_model(config)

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        environ: Mapping[str, str] | None = None,
        sleep: Sleep = time.sleep,
    ) -> Judge | None:
        """The configured judge, or ``None`` when ``COACH_JUDGE_MODEL`` is unset."""
        config = judge_config(settings, environ)
        if config is None:
            return None
        return cls(config, settings.data_dir / "judge-cache", sleep=sleep)

    @property
    def model(self) -> str:
        """The judge model's name (recorded with every score and in the cache key)."""
        return self.config.model

    def prompt(self, rubric: Rubric) -> PromptSpec:
        if rubric not in RUBRICS:
            raise ValueError(f"unknown rubric {rubric!r}; expected one of {list(RUBRICS)}")
        return load_prompt(rubric, self.prompts_dir)

    def score(self, rubric: Rubric, **inputs: str) -> JudgeScore:
        """Median of ``REPEATS`` verdicts on ``inputs``; from the cache when judged before.

        Each input is wrapped as a data block titled with its name, so text under assessment
        can never pose as instructions. Raises ``JudgeError`` when any run fails.
        """
        prompt = self.prompt(rubric)
        wrong = sorted(name for name, value in inputs.items() if not isinstance(value, str))
        if wrong or inputs.keys() != prompt.placeholders:
            raise ValueError(
                f"rubric {rubric!r} takes text inputs {sorted(prompt.placeholders)}; "
                f"got {sorted(inputs)}" + (f" (not text: {wrong})" if wrong else "")
            )
        key = cache_key(self.config.model, rubric, prompt.version, inputs)
        if (hit := self.cache.get(key)) is not None:
            return hit.model_copy(update={"cached": True})
        messages = prompt.messages(
            **{name: data_block(name, text) for name, text in inputs.items()}
        )
        verdicts: list[JudgeVerdict] = []
        for run in range(1, REPEATS + 1):
            try:
                verdict = complete_structured(
                    self._model,
                    messages,
                    JudgeVerdict,
                    policy=self.config.retry_policy,
                    sleep=self._sleep,
                )
            except LlmUnavailable as error:
                raise JudgeError(
                    f"judge {self.config.model} gave no usable {rubric} verdict "
                    f"(run {run} of {REPEATS}): {_why(error)}"
                ) from error
            assert isinstance(verdict, JudgeVerdict)
            verdicts.append(verdict)
        scores = [v.score for v in verdicts]
        result = JudgeScore(
            rubric=rubric,
            median=float(statistics.median(scores)),
            scores=scores,
            reasons=[v.reason for v in verdicts],
            model=self.config.model,
            prompt_version=prompt.version,
        )
        self.cache.put(key, result)
        return result
