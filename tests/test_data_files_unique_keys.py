"""The curated data files say each key once: YAML keeps the last of two equal keys and drops
the first without a word, so a cue list pasted into the wrong block would vanish unseen."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.config import PROJECT_ROOT

DATA_FILES = sorted((PROJECT_ROOT / "knowledge" / "data").glob("*.yaml"))


class _StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses a mapping with a key said twice."""


def _unique_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    keys = [loader.construct_object(key, deep=deep) for key, _ in node.value]
    twice = sorted({str(k) for k in keys if keys.count(k) > 1})
    if twice:
        raise yaml.constructor.ConstructorError(
            None, None, f"keys said twice: {twice}", node.start_mark
        )
    return loader.construct_mapping(node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def test_there_are_data_files_to_check():
    assert len(DATA_FILES) >= 10


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_each_key_is_said_once(path: Path):
    yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)  # raises on a twin key


def test_a_key_said_twice_is_caught():
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.load("cue:\n  en: [a]\n  ru: [b]\n  ru: [c]\n", Loader=_StrictLoader)
