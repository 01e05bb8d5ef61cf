"""How many plural forms a language's translation of a `%n` text needs, as Qt's lrelease counts them.

Derived from Qt's own numerus table (qttools, src/linguist/shared/numerus.cpp): each group of
QLocale languages there, turned into its ISO 639 code with QLocale.languageToCode. lrelease reads the
.ts file's `language` attribute, finds the group and keeps that many forms; a language Qt does not
know gets one form (lrelease drops the rest). tests/core/test_app_words.py checks every entry against
the lrelease shipped with PySide6, so a Qt upgrade that changes a count fails a test.
"""

from __future__ import annotations

_GROUPS = {
    1: "bi bo dz fa fj gn hu id ja jv ko ms my na om su th tr tt vi yo za zh",
    2: "aa ab af am as ay az ba bg bn br ca co da de el en eo es et eu fi fil fo fr fur fy gl gu ha he "
    "hi hy ia ie is it ka kk kl km kn ks ku kw ky la lb ln lo mg ml mn mr nb ne nl nn nso oc or pa ps "
    "pt qu rm rn rw sd si sn so sq ss st sv sw ta te tg ti tk tn to ts ug ur uz vo wa wo xh yi zu",
    3: "be bs cs dv ga gv hr ik iu lt lv mi mk pl ro ru sa se sk sm sr uk",
    4: "gd mt sl",
    5: "cy",
    6: "ar",
}
# Older or other codes that QLocale resolves to a language of the table (tl is Filipino, no is Bokmål).
_ALIASES = {"tl": "fil", "no": "nb", "iw": "he", "in": "id", "sh": "sr"}

PLURAL_FORMS: dict[str, int] = {code: count for count, codes in _GROUPS.items() for code in codes.split()}


def _base(code: str) -> str:
    return code.replace("_", "-").split("-", 1)[0].lower()


def plural_forms(code: str) -> int:
    """Forms a `%n` text needs in the language `code` (e.g. ar 6, fr 2, zh 1, pt-BR 2)."""
    base = _base(code)
    return PLURAL_FORMS.get(_ALIASES.get(base, base), 1)


def same_language(first: str, second: str) -> bool:
    """ne and ne_NP name one language as far as plural forms go."""
    one, other = _base(first), _base(second)
    return _ALIASES.get(one, one) == _ALIASES.get(other, other)
