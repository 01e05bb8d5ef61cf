"""Make the Chinese test content's font: Noto Sans CJK SC cut down to the characters the set uses.

    uv run python scripts/make_fixture_fonts.py

The full Noto Sans CJK collection is 19 MB; the content set in tests/fixtures/content-zh needs a few
hundred characters. This keeps exactly the characters of the set's texts (manifests, Markdown,
captions and its app words in i18n/kiosk_zh.ts), plus printable ASCII and the CJK and full-width
punctuation, so a test that finds no box on any page proves the content's own font is used. Run it
again after changing any text of the set: a character added without it shows as a box, and the
tests say which.

Reads Debian's fonts-noto-cjk (/usr/share/fonts/opentype/noto/NotoSansCJK-{Regular,Bold}.ttc, face
2 is SC) and writes tests/fixtures/content-zh/fonts/NotoSansCJKsc-{Regular,Bold}.subset.otf. The
timestamps of the source font are kept, so running it again without changes leaves the files as
they are. The fonts are under the SIL Open Font License 1.1 (fonts/OFL.txt beside them); the
Reserved Font Name is "Source", which the subset does not use.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "tests" / "fixtures" / "content-zh"
OUT = CONTENT / "fonts"
SOURCE_FOLDER = Path("/usr/share/fonts/opentype/noto")
SIMPLIFIED_CHINESE_FACE = 2  # the collection's order: JP, KR, SC, TC, HK, then the Mono faces
WEIGHTS = ("Regular", "Bold")
TEXT_SUFFIXES = {".yaml", ".md", ".vtt", ".srt", ".ts"}
# Always kept, whatever the texts say today: what an editor types next is likely among them.
ALWAYS = [
    range(0x20, 0x7F),  # printable ASCII
    range(0x2010, 0x2028),  # dashes, quotation marks, ellipsis
    range(0x3000, 0x3040),  # CJK symbols and punctuation
    range(0xFF01, 0xFF5F),  # full-width forms
    [0x00B7, 0x00A0],  # middle dot, no-break space
]


def used_characters(folder: Path) -> set[str]:
    characters: set[str] = set()
    for path in sorted(folder.rglob("*")):
        if path.suffix in TEXT_SUFFIXES and path.is_file():
            characters.update(path.read_text(encoding="utf-8"))
    return {c for c in characters if c.isprintable() or c == "\u00a0"}


def main() -> int:
    try:
        from fontTools import subset
        from fontTools.ttLib import TTFont
    except ImportError:
        print(
            "Needs fontTools: uv run --with fonttools python scripts/make_fixture_fonts.py", file=sys.stderr
        )
        return 1
    used = used_characters(CONTENT)
    text = "".join(sorted(used | {chr(code) for block in ALWAYS for code in block}))
    options = subset.Options()
    options.name_IDs = ["*"]  # keep the copyright and licence records
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = ["*"]  # vertical forms and the like stay as the font has them
    OUT.mkdir(parents=True, exist_ok=True)
    for weight in WEIGHTS:
        source = SOURCE_FOLDER / f"NotoSansCJK-{weight}.ttc"
        if not source.is_file():
            print(f"{source} is missing: apt-get install fonts-noto-cjk", file=sys.stderr)
            return 1
        font = TTFont(source, fontNumber=SIMPLIFIED_CHINESE_FACE, recalcTimestamp=False)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        target = OUT / f"NotoSansCJKsc-{weight}.subset.otf"
        font.save(target)
        missing = [c for c in sorted(used) if ord(c) not in font.getBestCmap() and not c.isspace()]
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size / 1024:.0f} KB, {len(text)} characters")
        if missing and weight == "Regular":
            print(f"  not in the font (another font must draw them): {''.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
