"""YAML parsing through libyaml when PyYAML was built with it (ten times faster than the
pure-Python parser: the glossary alone took 0.7 s of every start), else the pure parser.
Both are safe loaders: plain data only, never Python objects."""

from __future__ import annotations

from typing import IO, Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(source: str | bytes | IO[str] | IO[bytes]) -> Any:
    """The data in a YAML document (text, bytes or an open file)."""
    return yaml.load(source, Loader=_Loader)
