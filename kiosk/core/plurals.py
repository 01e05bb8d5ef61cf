"""Plural forms of a `%n` text in each language, as Qt's lrelease and QTranslator count and choose them.

Derived from Qt's own numerus table (qttools, src/linguist/shared/numerus.cpp): each group of QLocale
languages there, turned into ISO 639 codes with QLocale.languageToCode, with its rules in the byte code
QTranslator evaluates (qtbase, qtranslator_p.h). lrelease reads a .ts file's `language`, finds the
first group that has it and keeps that many forms; a language Qt does not know gets one form.
tests/core/test_app_words.py checks every count and every rule against the lrelease PySide6 ships.
"""

from __future__ import annotations

# QTranslator's rule byte code.
_EQ, _LT, _LEQ, _BETWEEN = 0x01, 0x02, 0x03, 0x04
_NOT, _MOD_10, _MOD_100 = 0x08, 0x10, 0x20
_AND, _OR, _NEWRULE = 0xFD, 0xFE, 0xFF
_NEQ, _GEQ, _NOT_BETWEEN = _NOT | _EQ, _NOT | _LT, _NOT | _BETWEEN

# name: (forms, rules, languages); the order is numerus.cpp's, where the first group naming a language wins.
_GROUPS: dict[str, tuple[int, bytes, str]] = {
    "japanese": (1, b"", "bi bo dz fa fj gn hu id ja jv ko ms my na om su th tr tt vi yo za zh"),
    "english": (
        2,
        bytes([_EQ, 1]),
        "aa ab af am as ay az ba bg bn ca co da de el en eo es et eu fi fo fur fy gl gu ha he hi ia ie it "
        "ka kk kl km kn ks ku kw ky la lb ln lo mg ml mn mr nb ne nl nn nso oc or pa ps pt qu rm rn rw sd "
        "si sn so sq ss st sv sw ta te tg tk tn to ts ug ur uz vo wo xh yi zu",
    ),
    "french": (2, bytes([_LEQ, 1]), "br fil fr hy ti wa"),
    "latvian": (3, bytes([_MOD_10 | _EQ, 1, _AND, _MOD_100 | _NEQ, 11, _NEWRULE, _NEQ, 0]), "lv"),
    "icelandic": (2, bytes([_MOD_10 | _EQ, 1, _AND, _MOD_100 | _NEQ, 11]), "is"),
    "irish": (3, bytes([_EQ, 1, _NEWRULE, _EQ, 2]), "dv ga gv ik iu mi sa se sm"),
    "gaelic": (
        4,
        bytes([_EQ, 1, _OR, _EQ, 11, _NEWRULE, _EQ, 2, _OR, _EQ, 12, _NEWRULE, _BETWEEN, 3, 19]),
        "gd",
    ),
    "slovak": (3, bytes([_EQ, 1, _NEWRULE, _BETWEEN, 2, 4]), "cs sk"),
    "macedonian": (3, bytes([_MOD_10 | _EQ, 1, _NEWRULE, _MOD_10 | _EQ, 2]), "mk"),
    "lithuanian": (
        3,
        bytes([_MOD_10 | _EQ, 1, _AND, _MOD_100 | _NEQ, 11, _NEWRULE])
        + bytes([_MOD_10 | _NEQ, 0, _AND, _MOD_100 | _NOT_BETWEEN, 10, 19]),
        "lt",
    ),
    "russian": (
        3,
        bytes([_MOD_10 | _EQ, 1, _AND, _MOD_100 | _NEQ, 11, _NEWRULE])
        + bytes([_MOD_10 | _BETWEEN, 2, 4, _AND, _MOD_100 | _NOT_BETWEEN, 10, 19]),
        "be bs hr ru sr uk",
    ),
    "polish": (
        3,
        bytes([_EQ, 1, _NEWRULE, _MOD_10 | _BETWEEN, 2, 4, _AND, _MOD_100 | _NOT_BETWEEN, 10, 19]),
        "pl",
    ),
    "romanian": (3, bytes([_EQ, 1, _NEWRULE, _EQ, 0, _OR, _MOD_100 | _BETWEEN, 1, 19]), "ro"),
    "slovenian": (
        4,
        bytes([_MOD_100 | _EQ, 1, _NEWRULE, _MOD_100 | _EQ, 2, _NEWRULE, _MOD_100 | _BETWEEN, 3, 4]),
        "sl",
    ),
    "maltese": (
        4,
        bytes(
            [_EQ, 1, _NEWRULE, _EQ, 0, _OR, _MOD_100 | _BETWEEN, 1, 10, _NEWRULE, _MOD_100 | _BETWEEN, 11, 19]
        ),
        "mt",
    ),
    "welsh": (5, bytes([_EQ, 0, _NEWRULE, _EQ, 1, _NEWRULE, _BETWEEN, 2, 5, _NEWRULE, _EQ, 6]), "cy"),
    "arabic": (
        6,
        bytes([_EQ, 0, _NEWRULE, _EQ, 1, _NEWRULE, _EQ, 2, _NEWRULE, _MOD_100 | _BETWEEN, 3, 10, _NEWRULE])
        + bytes([_MOD_100 | _GEQ, 11]),
        "ar",
    ),
}
# Older or other codes that QLocale resolves to a language of the table (tl is Filipino, no is Bokmål).
_ALIASES = {"tl": "fil", "no": "nb", "iw": "he", "in": "id", "sh": "sr"}
# numerus.cpp gives Brazilian Portuguese French rules (0 and 1 are singular), other Portuguese English
# ones; and to Qt plain "pt" is Portuguese as spoken in Brazil (QLocale's default territory for it).
_TERRITORY_GROUPS = {"pt": "french", "pt-BR": "french"}

_GROUP_OF: dict[str, str] = {}
for _name, (_forms, _rules, _codes) in _GROUPS.items():
    for _code in _codes.split():
        _GROUP_OF.setdefault(_code, _name)
PLURAL_FORMS: dict[str, int] = {code: _GROUPS[name][0] for code, name in _GROUP_OF.items()}


def _base(code: str) -> str:
    return code.replace("_", "-").split("-", 1)[0].lower()


def _group(code: str) -> str | None:
    normal = code.replace("_", "-")
    if normal in _TERRITORY_GROUPS:
        return _TERRITORY_GROUPS[normal]
    base = _base(code)
    return _GROUP_OF.get(_ALIASES.get(base, base))


def plural_forms(code: str) -> int:
    """Forms a `%n` text needs in the language `code` (e.g. ar 6, fr 2, zh 1, pt-BR 2)."""
    group = _group(code)
    return _GROUPS[group][0] if group else 1


def plural_rules(code: str) -> bytes:
    """The rules QTranslator runs to pick a form for a number, in its byte code (empty: one form)."""
    group = _group(code)
    return _GROUPS[group][1] if group else b""


def same_language(first: str, second: str) -> bool:
    """ne and ne_NP name one language as far as plural forms go."""
    one, other = _base(first), _base(second)
    return _ALIASES.get(one, one) == _ALIASES.get(other, other)
