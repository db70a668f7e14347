"""Rule-based extraction of facts from owners' free text, per language (en, nb, sv, ru).

No network, no language model: numbers, amounts, percentages, staff counts, deadlines and
objective categories are read with hand-written rules and a YAML keyword list.
"""

from assistant.extraction.categories import (
    classify_objective,
    detect_dont_know,
    load_objective_keywords,
)
from assistant.extraction.dates import (
    extract_deadline,
    extract_deadlines,
    find_date_spans,
    find_unusable_deadline,
)
from assistant.extraction.models import (
    SUPPORTED_LANGUAGES,
    Deadline,
    Granularity,
    Language,
    ObjectiveCategory,
    Quantity,
    QuantityKind,
    normalize_language,
)
from assistant.extraction.numbers import extract_quantities, extract_staff_count

__all__ = [
    "SUPPORTED_LANGUAGES",
    "Deadline",
    "Granularity",
    "Language",
    "ObjectiveCategory",
    "Quantity",
    "QuantityKind",
    "classify_objective",
    "detect_dont_know",
    "extract_deadline",
    "extract_deadlines",
    "extract_quantities",
    "extract_staff_count",
    "find_date_spans",
    "find_unusable_deadline",
    "load_objective_keywords",
    "normalize_language",
]
