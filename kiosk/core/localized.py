"""A text in the visitor's language, or the fallback's: what every page, the programme and the office card
show. A module of its own so that the page builders pages.py calls can use it without importing pages.py."""

from __future__ import annotations

import unicodedata

FALLBACK_LANGUAGE = "en"


def localize(texts: dict[str, str] | None, language: str) -> str:
    if not texts:
        return ""
    return texts.get(language) or texts.get(FALLBACK_LANGUAGE) or next(iter(texts.values()))


# What separates the items of a list written in a line: Arabic script writes its own comma, Chinese
# and Japanese an enumeration comma; everything else this kiosk is likely to show takes ", ".
LIST_SEPARATORS = {"ar": "، ", "fa": "، ", "ur": "، ", "ps": "، ", "zh": "、", "ja": "、"}


def list_separator(language: str) -> str:
    return LIST_SEPARATORS.get(language.split("-")[0].split("_")[0], ", ")


# The kiosk writes its numbers in Latin digits in every language, as its pages, programme and handouts
# do; Qt's locales write some in the script's own digits (Arabic-Indic in Arabic, Devanagari in Nepali,
# Bengali, Tibetan...), and Arabic's own separators with them.
_ARABIC_SEPARATORS = {"\u066b": ".", "\u066c": ",", "\u066a": "%"}


def latin_digits(text: str) -> str:
    """A number or date written by a locale, in Latin digits (never for a visitor's own words)."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(ch)) if ch.isdecimal() else _ARABIC_SEPARATORS.get(ch, ch) for ch in text
    )


def address(urls: dict[str, str] | str | None, language: str) -> str:
    """The address for the visitor's language: theirs, else English, else the first given."""
    if isinstance(urls, str):  # compiled content made by hand, as in benchmarks
        return urls
    return localize(urls, language)


def is_fallback(texts: dict[str, str] | None, language: str) -> bool:
    """True when `texts` exists but not in `language`, so the visitor sees another language's words."""
    return bool(texts) and not (texts or {}).get(language)


def short_address(url: str, limit: int = 52) -> str:
    """An address a visitor can read at a glance: no scheme, and whole folders left out in the middle."""
    text = url.split("://", 1)[-1].removeprefix("www.").rstrip("/")
    if len(text) <= limit:
        return text
    host, _, path = text.partition("/")
    kept: list[str] = []
    for segment in reversed(path.split("/")):
        if len(host) + 3 + len("/".join([segment, *kept])) > limit:
            break
        kept.insert(0, segment)
    tail = "/".join(kept) if kept else path.split("/")[-1][-(limit - len(host) - 3) :]
    return f"{host}/\u2026/{tail}"
