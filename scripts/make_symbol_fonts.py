"""Cut the few symbols the app's own words use, and Noto Sans lacks, out of Debian's Noto fonts.

    uv run python scripts/make_symbol_fonts.py   (needs fonts-noto-core)

The play and check marks and the minus sign of the zoom buttons were drawn by whatever font the
machine had, and a booth PC with no such font showed a box. The whole Noto Sans Symbols 2 and Math
fonts are 1 MB; these subsets are a few kilobytes. Both are under the SIL Open Font License
(resources/fonts/OFL.txt). The glyph check of `kiosk validate` reads them like any bundled font.
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset

NOTO = Path("/usr/share/fonts/truetype/noto")
TARGET = Path(__file__).resolve().parent.parent / "resources" / "fonts"
# play, play backwards, check mark, multiplication x; the minus sign
SUBSETS = {
    "NotoSansSymbols2-Regular.ttf": "\u25b6\u25c0\u2713\u2715",
    "NotoSansMath-Regular.ttf": "\u2212",
}


def main() -> None:
    for name, characters in SUBSETS.items():
        options = subset.Options()
        options.name_IDs = ["*"]  # keep the family name and the licence in the file
        options.notdef_outline = True
        font = subset.load_font(str(NOTO / name), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[ord(character) for character in characters])
        subsetter.subset(font)
        target = TARGET / name.replace("-Regular", "-Subset")
        subset.save_font(font, str(target), options)
        print(f"{target}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
