"""Languages a visitor can choose: each named in its own language, with its writing direction."""

from __future__ import annotations

# A visitor looks for their own language's name, never for a code or an English name.
NATIVE_NAMES = {
    "ar": "العربية",
    "de": "Deutsch",
    "en": "English",
    "es": "Español",
    "fa": "فارسی",
    "fr": "Français",
    "he": "עברית",
    "it": "Italiano",
    "ja": "日本語",
    "ne": "नेपाली",
    "pt": "Português",
    "ru": "Русский",
    "ur": "اردو",
    "zh": "中文",
}
# Qt Virtual Keyboard layouts by locale; a language without one gets the English layout.
KEYBOARD_LOCALES = {
    "ar": "ar_AR",
    "de": "de_DE",
    "en": "en_GB",
    "es": "es_ES",
    "fa": "fa_FA",
    "fr": "fr_FR",
    "he": "he_IL",
    "it": "it_IT",
    "pt": "pt_PT",
    "ru": "ru_RU",
}
RIGHT_TO_LEFT = {"ar", "fa", "he", "ur", "ps", "sd", "yi", "dv"}


def base(code: str) -> str:
    return code.split("-", 1)[0].lower()


def native_name(code: str) -> str:
    return NATIVE_NAMES.get(code) or NATIVE_NAMES.get(base(code)) or code


def is_right_to_left(code: str) -> bool:
    return base(code) in RIGHT_TO_LEFT


def keyboard_locale(code: str) -> str:
    return KEYBOARD_LOCALES.get(base(code), KEYBOARD_LOCALES["en"])
