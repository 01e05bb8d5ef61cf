"""JSON Schema for the forms an editor may write a value in: one value for every language, or one value
per language code. kiosk.core.model gives these to its types, so the schema `kiosk schema` publishes
accepts exactly what the loader accepts, and an editor's tooltip says both forms.

No pydantic here: plain dictionaries, built once when the model is imported.
"""

from __future__ import annotations

from typing import Any

# What the loader takes as a language code (kiosk.core.model.LANGUAGE_CODE): en, fil, pt-BR.
LANGUAGE_CODE_PATTERN = r"^[a-z]{2,3}(-[A-Z]{2})?$"
ENGLISH = "en"

TEXT_EXAMPLES: list[Any] = [
    "Fair recruitment",
    {"en": "Fair recruitment", "fr": "Recrutement équitable", "ar": "التوظيف العادل"},
]
PATH_EXAMPLES: list[Any] = ["text/en/welcome.md", {"en": "text/en/welcome.md", "fr": "text/fr/welcome.md"}]
URL_EXAMPLES: list[Any] = [
    "https://example.org/fair-recruitment",
    {"en": "https://example.org/en/help", "ar": "https://example.org/ar/help"},
]


def one_or_per_language(
    value: dict[str, Any],
    *,
    what: str,
    description: str,
    examples: list[Any],
    english_required: bool,
) -> dict[str, Any]:
    """`value` written once for every language, or as {language code: value}.

    With `english_required`, the per-language form needs an `en:` entry: the loader shows English
    where a translation is missing, and stores a value written once as the English one."""
    if english_required:
        once = f"One {what} for every language (it is the English one, shown until a translation is added)"
        per_language_description = (
            f"One {what} per language code (en, fr, es, ar, pt-BR, ...); en is required, as "
            "the kiosk shows it where a translation is missing"
        )
    else:
        once = f"One {what} for every language"
        per_language_description = (
            f"One {what} per language code (en, fr, es, ar, pt-BR, ...): the visitor's language is "
            "used, else English, else the first given"
        )
    per_language: dict[str, Any] = {
        "type": "object",
        "description": per_language_description,
        "patternProperties": {LANGUAGE_CODE_PATTERN: value},
        "additionalProperties": False,
        "minProperties": 1,
    }
    if english_required:
        # Named as well as matched by the pattern, so an editor offers `en:` as a completion.
        per_language["properties"] = {ENGLISH: {**value, "description": f"The English {what}"}}
        per_language["required"] = [ENGLISH]
    return {
        "anyOf": [{**value, "description": once}, per_language],
        "description": description,
        "examples": examples,
    }
