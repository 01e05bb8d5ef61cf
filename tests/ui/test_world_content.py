"""The proof of issue 12 ("any organisation, any language, any script"): three organisations' content
in Arabic, Nepali and Chinese (tests/fixtures/content-ar, -ne, -zh; see the README there) go through
what an editor and a visitor meet: `kiosk validate`, `kiosk snapshot --all`, `kiosk search` and
`kiosk handout`.

Pages and handouts are made in a process of their own that sees no system font, only the kiosk's
(resources/fonts) and the content's (fonts/ in the set): a booth PC has no Noto fonts, and this
machine's would hide a letter the kiosk cannot draw. On every page, every letter of every visible
text must be in one of those fonts; a letter in none of them is drawn as a box.

NEEDS THE MERGE: most of these tests need the other branches of issue 12 and fail before it:
- validate refuses `organisation:` and per-language `url:` (agenda.yaml, sections/10-*.yaml);
- the content's fonts/ are not loaded yet, and Noto Sans Arabic is not bundled: boxes;
- the app's words come from i18n/kiosk_<lang>.ts in the content, and Arabic ones are bundled;
- Arabic search strips attached prefixes (و، ب، ال...), Chinese search finds part of a compound.
Each test names what it needs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from kiosk.cli import main
from kiosk.core.loader import load_content
from kiosk.core.pages import Pages

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SIZE = (1920, 1080)
ERROR_LINE = re.compile(r"^\S+:\d+:\d+: \S+: (?!warning: )")


@dataclass(frozen=True)
class WorldSet:
    folder: str
    language: str
    # What the language switch says: a visitor looks for their language's own name, never a code.
    native_name: str
    title: str
    # (what a visitor types, a page it must find)
    searches: tuple[tuple[str, str], ...]
    # Family names of the fonts that must draw the set's letters (the kiosk's or the content's own).
    fonts: tuple[str, ...]
    # Words pdftotext must find in the handout.
    handout_words: tuple[str, ...]


SETS = [
    WorldSet(
        folder="content-ar",
        language="ar",
        native_name="العربية",
        title="دليل العامل المهاجر",
        searches=(
            # The texts only have "التوظيف" and "والتوظيف" (the article, and "and the"): never the bare word.
            ("توظيف", "item/recruitment-fees"),
            # Only "العقد" and "بالعقد" ("with the contract").
            ("عقد", "item/written-contract"),
        ),
        fonts=("Noto Sans Arabic",),
        # Only the title: poppler breaks some Arabic lines of the handout into pieces.
        handout_words=("دليل العامل المهاجر",),
    ),
    WorldSet(
        folder="content-ne",
        language="ne",
        native_name="नेपाली",
        title="वैदेशिक रोजगारमा जानुअघि",
        searches=(
            # The start of सम्झौता (contract), with a conjunct and a vowel sign.
            ("सम्झौ", "item/written-contract"),
            ("रोजगा", "home"),
        ),
        fonts=("Noto Sans Devanagari",),
        # poppler cannot map Devanagari conjuncts and the reordered i-sign back to letters, so the
        # title comes out in pieces; these words have neither.
        handout_words=("रोजगारमा", "सहायता"),
    ),
    WorldSet(
        folder="content-zh",
        language="zh",
        native_name="中文",
        title="外出务工指南",
        searches=(
            # Inside 劳工移民政策 (labour migration policy): Chinese has no spaces between words.
            ("移民", "section/rights-at-work"),
            ("招聘", "item/recruitment-fees"),
        ),
        fonts=("Noto Sans CJK SC",),
        handout_words=("外出务工指南", "先签书面合同"),
    ),
]
SET_IDS = [world.language for world in SETS]


def content(world: WorldSet) -> Path:
    return FIXTURES / world.folder


@pytest.fixture(scope="module")
def only_kiosk_fonts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a process that sees no system font: fontconfig with no font folder."""
    folder = tmp_path_factory.mktemp("no-system-fonts")
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><cachedir>{folder / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}


@pytest.mark.parametrize("world", SETS, ids=SET_IDS)
def test_validate_finds_no_error(world: WorldSet, capsys: Any) -> None:
    # NEEDS THE MERGE: `organisation:` and per-language `url:` (and, for the app words lines,
    # i18n/kiosk_<lang>.ts in the content and the bundled Arabic).
    status = main(["validate", str(content(world))])
    out = capsys.readouterr().out
    errors = [line for line in out.splitlines() if ERROR_LINE.match(line)]
    assert status == 0 and not errors, out
    assert f"{world.language} 100%" in out, out
    app_words = [line for line in out.splitlines() if "app words" in line or "kiosk_" in line]
    if world.language == "ne":
        # Three messages of i18n/kiosk_ne.ts are left unfinished on purpose: validate counts them.
        assert any(line.strip().startswith("app words missing in ne (3;") for line in app_words), out
    else:
        assert not any("not translated" in line for line in app_words), out


@pytest.mark.parametrize("world", SETS, ids=SET_IDS)
def test_every_page_in_every_language_is_drawn_without_a_box(
    world: WorldSet, tmp_path: Path, only_kiosk_fonts: dict[str, str]
) -> None:
    # NEEDS THE MERGE: validate (above), the content's fonts/ loaded at start, Noto Sans Arabic bundled.
    result = load_content(content(world))
    assert result.compiled is not None, [str(problem) for problem in result.problems]
    pages = Pages(result.compiled, content(world))
    assert pages.languages == [world.language, "en"]
    expected = [(language, route) for language in pages.languages for route in pages.routes()]

    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("world_probe.py")), str(content(world)), str(tmp_path)],
        env=only_kiosk_fonts,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert done.stdout.count(" -> ") == len(expected) == report["pages"]
    for language, route in expected:
        png = tmp_path / language / f"{route.replace('/', '--')}.png"
        image = QImage(str(png))
        assert (image.width(), image.height()) == SIZE, png
        assert png.stat().st_size > 10_000, png  # a page of text and cards, not an empty frame
    boxes = [
        f"{b['language']} {b['route']} {b['item']}: {b['missing']!r} in {b['text']!r}"
        for b in report["boxes"]
    ]
    assert not boxes, "letters no font of the kiosk or the content can draw:\n" + "\n".join(boxes[:30])
    for family in world.fonts:
        assert report["drawn_by"].get(family, 0) > 100, report["drawn_by"]
    assert report["language_buttons"] == {world.language: world.native_name, "en": "English"}


@pytest.mark.parametrize(
    ("world", "query", "route"),
    [(world, query, route) for world in SETS for query, route in world.searches],
    ids=[f"{world.language}-{query}" for world in SETS for query, _route in world.searches],
)
def test_search_finds_words_as_a_visitor_types_them(
    world: WorldSet, query: str, route: str, capsys: Any
) -> None:
    # NEEDS THE MERGE: validate (above); Arabic prefixes and Chinese compounds need the search branch.
    status = main(["search", query, "--lang", world.language, "--content", str(content(world))])
    out = capsys.readouterr().out
    assert status == 0, out
    found = [line.split()[0] for line in out.splitlines() if line and not line.startswith(" ")]
    assert route in found, out


def _letters(text: str) -> str:
    # pdftotext gives Arabic in presentation forms (NFKC folds them) with bidi marks, and breaks lines.
    folded = unicodedata.normalize("NFKC", text)
    return "".join(c for c in folded if not c.isspace() and unicodedata.category(c) != "Cf")


@pytest.mark.parametrize("world", SETS, ids=SET_IDS)
def test_handout_prints_the_agenda_in_its_script(
    world: WorldSet, tmp_path: Path, only_kiosk_fonts: dict[str, str]
) -> None:
    # NEEDS THE MERGE: validate (above), and the fonts, as for the pages.
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: cannot read the handout's text")
    target = tmp_path / f"handout.{world.language}.pdf"
    done = subprocess.run(
        [
            *(sys.executable, "-m", "kiosk", "handout", str(target)),
            *("--lang", world.language, "--content", str(content(world))),
        ],
        env=only_kiosk_fonts,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in world.handout_words:
        assert _letters(words) in _letters(text), text[:1500]
