"""Numbers and dates in Latin digits whatever the script, as every page of the kiosk writes them."""
# ruff: noqa: RUF001  (the digits of other scripts are what this tests)

from __future__ import annotations

import pytest

from kiosk.core.localized import latin_digits


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("١٤ مارس ٢٠٢٥", "14 مارس 2025"),  # Arabic-Indic
        ("١٬٢٣٤", "1,234"),  # with the Arabic thousands separator
        ("٧٥٪", "75%"),
        ("۱۴", "14"),  # Eastern Arabic-Indic (Persian, Urdu)
        ("१४ मार्च", "14 मार्च"),  # Devanagari (Nepali)
        ("১৪", "14"),  # Bengali
        ("๑๔", "14"),  # Thai
        ("༡༤", "14"),  # Tibetan (Dzongkha)
        ("᱑᱔", "14"),  # Ol Chiki (Santali)
        ("14 mars 2025", "14 mars 2025"),
    ],
)
def test_a_locales_digits_are_written_in_latin(written: str, latin: str) -> None:
    assert latin_digits(written) == latin
