"""Arabic never becomes boxes: italic and bold runs of a page and the handout draw with the bundled fonts,
and a content folder's own fonts come before any of the machine's."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from kiosk.booth import paths
from kiosk.ui.selftest import run_self_test
from tests.core.contentkit import ContentFolder, build_valid_content

ROOT = Path(__file__).resolve().parents[2]
NOTO = Path("/usr/share/fonts/truetype/noto")
DEVANAGARI = "NotoSansDevanagari-Regular.ttf"
ARABIC_BODY = "نص عادي، ونص *مائل*، ونص **عريض**، ونص ***عريض مائل***، وكلمة هندية: *तथ्य*."
ARABIC_SUBTITLE = "مجلد صنعته الاختبارات"
ARABIC_SOURCE = "مصدر الاختبار"
# A machine with nothing but Debian's default DejaVu fonts, whatever this one has installed.
DEJAVU_ONLY = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def arabic_content(root: Path) -> ContentFolder:
    """The test kit's content in Arabic too: an article whose body has italic, bold and bold italic
    runs, an italic Hindi word (its font in the content's fonts/), and the agenda's subtitle and source
    that the handout prints in italic."""
    content = build_valid_content(root)
    content.replace("agenda.yaml", "languages: [en, fr]", "languages: [en, fr, ar]")
    content.replace(
        "agenda.yaml",
        "subtitle: A folder built by the tests\n",
        f"subtitle:\n  en: A folder built by the tests\n  ar: {ARABIC_SUBTITLE}\n",
    )
    content.replace(
        "agenda.yaml", "  name: Test source\n", f"  name:\n    en: Test source\n    ar: {ARABIC_SOURCE}\n"
    )
    content.replace(
        "sections/10-one.yaml",
        "    body: Hello **world**.\n",
        f'    body:\n      en: Hello **world**.\n      ar: "{ARABIC_BODY}"\n',
    )
    devanagari = NOTO / DEVANAGARI
    assert devanagari.is_file(), (
        f"{devanagari} is missing: install Debian's fonts-noto-core (as .ci/run does)"
    )
    content.path("fonts").mkdir()
    shutil.copy(devanagari, content.path(f"fonts/{DEVANAGARI}"))
    shutil.copy(paths.fonts() / "OFL.txt", content.path("fonts/OFL.txt"))
    return content


def probe_on_a_dejavu_only_machine(content: ContentFolder, tmp_path: Path) -> dict[str, Any]:
    config = tmp_path / "fonts.conf"
    config.write_text(DEJAVU_ONLY.format(cache=tmp_path / "fontconfig-cache"), encoding="utf-8")
    env = {**__import__("os").environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("fonts_probe.py")),
            str(content.root),
            "item/intro",
            "ar",
            str(tmp_path / "handout.pdf"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def is_arabic(text: str) -> bool:
    return any("ARABIC" in unicodedata.name(char, "") for char in text)


def poppler(*command: str) -> str:
    if shutil.which(command[0]) is None:
        pytest.fail(f"{command[0]} is missing: install Debian's poppler-utils (as .ci/run does)")
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=60).stdout


def test_arabic_italic_and_bold_draw_real_letters_on_a_machine_with_only_dejavu(tmp_path: Path) -> None:
    content = arabic_content(tmp_path / "content")
    report = probe_on_a_dejavu_only_machine(content, tmp_path)
    # The machine really has no Arabic or Devanagari font of its own (Debian's Noto fonts are hidden).
    assert "DejaVu Sans" in report["families"]
    assert "Noto Naskh Arabic" not in report["families"]
    assert report["body_family"] == "Noto Sans"
    # The bundled families (in file-name order), then the content's.
    assert [family.lower() for family in report["fallbacks"]] == [
        "noto sans arabic",
        "noto sans math",
        "noto sans symbols2",
        "noto sans devanagari",
    ]

    runs = report["runs"]
    assert "".join(run["text"] for run in runs if run["glyphs"]).count("مائل") >= 2
    for run in runs:
        # Glyph 0 is a font's 'missing letter' box.
        assert 0 not in run["glyphs"], run
        assert run["family"].lower() in {"noto sans", "noto sans arabic", "noto sans devanagari"}, run
    # Which faces draw each format of Arabic text (a fragment's spaces and dots may come from Noto Sans).
    arabic: dict[tuple[bool, bool], set[tuple[str, str]]] = {}
    for run in runs:
        if is_arabic(run["text"]):
            arabic.setdefault((run["italic"], run["bold"]), set()).add((run["family"].lower(), run["style"]))
    # Noto Sans Arabic has no italic face: Qt takes its upright faces (and slants them as it draws).
    expected = {
        (False, False): "Regular",
        (True, False): "Regular",
        (False, True): "Bold",
        (True, True): "Bold",
    }
    assert set(arabic) == set(expected)
    for key, style in expected.items():
        assert ("noto sans arabic", style) in arabic[key], (key, arabic[key])
    hindi = [run for run in runs if run["text"] == "तथ्य"]
    assert hindi and {run["family"].lower() for run in hindi} == {"noto sans devanagari"}, hindi

    handout = tmp_path / "handout.pdf"
    fonts = poppler("pdffonts", str(handout))
    embedded = {line.split()[0]: line.split()[-5] for line in fonts.splitlines()[2:]}
    assert embedded.get("NotoSansArabic-Regular") == "yes", fonts
    assert embedded.get("NotoSansArabic-Bold") == "yes", fonts
    # The Hindi word is drawn with the content's own font.
    assert embedded.get("NotoSansDevanagari-Regular") == "yes", fonts
    assert not [name for name in embedded if "DejaVu" in name], fonts
    # The PDF's text is Arabic letters (in their presentation forms, which NFKC folds back).
    text = unicodedata.normalize("NFKC", poppler("pdftotext", str(handout), "-"))
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    for words in (ARABIC_SUBTITLE, ARABIC_SOURCE, "ونص مائل", "ونص عريض مائل"):
        assert words in text, words


def test_start_up_never_imports_fonttools() -> None:
    code = (
        "import json, sys\n"
        "import kiosk.cli, kiosk.ui.app, kiosk.ui.run, kiosk.ui.fonts\n"
        "before = 'fontTools' in sys.modules\n"
        "from kiosk.core.glyphs import read_font\n"
        "imported = 'fontTools' in sys.modules\n"
        "from kiosk.booth import paths\n"
        "read_font(paths.fonts() / 'NotoSansArabic-Regular.ttf')\n"
        "print(json.dumps([before, imported, 'fontTools' in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True, cwd=ROOT
    )
    # Only reading a font brings fontTools in: proves the check looks at the right thing.
    assert json.loads(done.stdout) == [False, False, True]


def test_the_self_test_fails_on_a_letter_no_font_has(tmp_path: Path) -> None:
    content = build_valid_content(tmp_path / "content")
    # Real media, so that the letter is the only thing wrong.
    shutil.copy(ROOT / "tests" / "fixtures" / "media" / "ok.mp4", content.path("media/clip.mp4"))
    shutil.copy(
        paths.bundled_content() / "documents" / "fair-migration-agenda-handout.pdf",
        content.path("documents/paper.pdf"),
    )
    content.replace("agenda.yaml", "languages: [en, fr]", "languages: [en, fr, hi]")
    content.replace("sections/10-one.yaml", "  fr: Section un\n", "  fr: Section un\n  hi: तथ्य\n")
    line, column = content.position("sections/10-one.yaml", "तथ्य")
    lines: list[str] = []
    assert not run_self_test(content.root, lines.append, size=(640, 400))
    failed = [line for line in lines if line.startswith("FAIL")]
    assert failed == [f"FAIL  content: {len(set('तथ्य'))} error(s): the kiosk will not open this content"], (
        lines
    )
    assert (
        f"      sections/10-one.yaml:{line}:{column}: title.hi: no font has U+0924 'त' (Devanagari): "
        "add a font to fonts/"
    ) in lines
