"""Where the app's words are: the .ts catalogues' names and the file for a language.

Apart from kiosk.core.appwords (which re-exports them) because every start looks up the visitor
language's catalogue, and needs none of the reader, its checks and its dataclasses (about 3 ms).
"""

from __future__ import annotations

from pathlib import Path

I18N_DIR = "i18n"
CATALOGUE = "kiosk"
# The app's catalogues are about 40 KB; a thousand times that is no translation.
MAX_TS_BYTES = 8 * 1024 * 1024


def catalogue_file(folder: Path, language: str) -> Path | None:
    """`folder`'s catalogue for `language`: its own (kiosk_pt-BR.ts or kiosk_pt_BR.ts), else its base's."""
    base = language.split("-", 1)[0]
    for name in dict.fromkeys((language, language.replace("-", "_"), base)):
        candidate = folder / f"{CATALOGUE}_{name}.ts"
        if candidate.is_file():
            return candidate
    return None
