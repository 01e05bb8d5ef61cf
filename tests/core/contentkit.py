"""A small, valid content folder built from scratch, and helpers to break it and locate problems.

Test modules import this directly (`from .contentkit import ...`); conftest.py wraps it in fixtures.
"""

from __future__ import annotations

import struct
import textwrap
import zlib
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.loader import load_content
from kiosk.core.problems import LoadResult, Problem, Severity


def tiny_png() -> bytes:
    """A real 1x1 grey PNG: signature, IHDR, IDAT and IEND with correct CRCs."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def fake_mp4() -> bytes:
    """Not playable, but what a sniffer checks: an 'ftyp' box at offset 4."""
    return struct.pack(">I", 24) + b"ftypisom" + b"\x00\x00\x02\x00" + b"isomiso2" + b"\x00" * 64


PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
VTT_TEXT = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHello.\n"

AGENDA_YAML = """\
# A small agenda for tests.
title: Test agenda
subtitle: A folder built by the tests
lead: >-
  Lead text for the home page.
languages: [en, fr]
source:
  name: Test source
  url: https://example.org/agenda
version: "1.0"
sections:
  - one
"""

SECTION_ONE_YAML = """\
id: one
title:
  en: Section one
  fr: Section un
summary: The first section.
body_file:
  en: text/en/one.md
items:
  - id: intro
    kind: article
    title: Introduction
    summary: What this is about.
    body: Hello **world**.
    related: [clip, nested]

  - id: clip
    kind: video
    title: A clip
    file: media/clip.mp4
    poster: media/poster.png
    captions:
      en: captions/clip.en.vtt
    speaker: Someone Speaking
    stand_in: true

  - id: paper
    kind: document
    title: A paper
    file: documents/paper.pdf
    source:
      name: Paper source
      url: https://example.org/paper

  - id: site
    kind: link
    title: A site
    url: https://example.org/site

  - id: group
    kind: collection
    title: A group
    items:
      - id: nested
        kind: article
        title: Nested item
        body: Inside the group.
      - id: nested-link
        kind: link
        title: Nested link
        url: https://example.org/nested
"""

ONE_MD = "# Section one\n\nBody text from a Markdown file.\n"

# In reading order: what a visitor meets going through section 'one'.
SECTION_ONE_ITEMS = ["intro", "clip", "paper", "site", "group", "nested", "nested-link"]
SECTION_ONE_TOP_LEVEL = ["intro", "clip", "paper", "site", "group"]


@dataclass
class ContentFolder:
    """A content folder on disk that a test may freely change."""

    root: Path

    def path(self, relative: str) -> Path:
        return self.root / relative

    def read(self, relative: str) -> str:
        return self.path(relative).read_text(encoding="utf-8")

    def write(self, relative: str, text: str) -> str:
        """Write `text` (dedented) to `relative`; returns the text as written."""
        text = textwrap.dedent(text)
        target = self.path(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return text

    def write_marked(self, relative: str, text: str, *markers: str) -> list[int]:
        """Write `text` and return the 1-based line of each marker in it: the lines a test expects."""
        written = self.write(relative, text)
        return [locate(written, marker)[0] for marker in markers]

    def write_bytes(self, relative: str, data: bytes) -> None:
        target = self.path(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def replace(self, relative: str, old: str, new: str) -> str:
        """Replace exactly one occurrence of `old`; fails loudly if the fixture has drifted."""
        text = self.read(relative)
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {relative}"
        text = text.replace(old, new)
        self.path(relative).write_text(text, encoding="utf-8")
        return text

    def position(self, relative: str, marker: str, nth: int = 1) -> tuple[int, int]:
        """1-based (line, column) where the `nth` occurrence of `marker` starts in the file."""
        return locate(self.read(relative), marker, nth)

    def line(self, relative: str, marker: str, nth: int = 1) -> int:
        return self.position(relative, marker, nth)[0]

    def load(self) -> LoadResult:
        return load_content(self.root)


def locate(text: str, marker: str, nth: int = 1) -> tuple[int, int]:
    """1-based (line, column) of the `nth` occurrence of `marker` in `text`."""
    start = -1
    for _ in range(nth):
        start = text.find(marker, start + 1)
        assert start >= 0, f"marker {marker!r} (occurrence {nth}) not found"
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return line, column


def build_valid_content(root: Path) -> ContentFolder:
    folder = ContentFolder(root)
    folder.write("agenda.yaml", AGENDA_YAML)
    folder.write("sections/10-one.yaml", SECTION_ONE_YAML)
    folder.write("text/en/one.md", ONE_MD)
    folder.write_bytes("media/clip.mp4", fake_mp4())
    folder.write_bytes("media/poster.png", tiny_png())
    folder.write_bytes("documents/paper.pdf", PDF_BYTES)
    folder.write("captions/clip.en.vtt", VTT_TEXT)
    return folder


# For the search tests: a second section in three languages, and captions to search. Words that must be found in one place only
# (harvest, vendanges, cosecha, Zanzibar...) appear nowhere else in the content.
WORDS_SECTION = """\
id: words
title:
  en: Work and mobility
  fr: Travail et mobilité
  es: Trabajo y movilidad
summary:
  en: Texts for the search tests.
  fr: Des textes pour les essais de recherche.
  es: Textos para las pruebas de búsqueda.
items:
  - id: recruitment
    kind: article
    title:
      en: Fair recruitment
      fr: Recrutement équitable
      es: Contratación equitativa
    body:
      en: Workers should pay no fees for their recruitment, and agencies nearby must hold a licence.
      fr: Les travailleurs ne paient aucun frais pour leur recrutement.
      es: Los trabajadores no pagan comisiones por su contratación.

  - id: equal-pay
    kind: article
    title:
      en: Equal pay
      fr: Salaire égal
      es: Igualdad salarial
    body: Fair wages for equal work, whatever the passport.

  - id: choice
    kind: article
    title:
      en: A real choice
      es: Una elección real
    body:
      en: Moving for work should be a choice.
      es: La migración laboral debe ser una elección y no una necesidad.

  - id: keyboard
    kind: article
    title: Typed without accents
    body: On a keyboard without accents, visitors write migracion.

  - id: seasons
    kind: article
    title:
      en: Seasonal work
      fr: Travail saisonnier
      es: Trabajo de temporada
    body:
      en: The harvest brings workers to the valley every autumn.
      fr: Les vendanges amènent des travailleurs dans la vallée chaque automne.
      es: La cosecha trae trabajadores al valle cada otoño.

  - id: port
    kind: article
    title: Dock workers of Zanzibar
    body: A port city and the people who load its ships.

  - id: english-migration
    kind: article
    title: Migration, migration
    body: Migration is migration; migration policy shapes migration for everyone.

  - id: french-note
    kind: article
    title:
      en: A note
      fr: Une note
    body:
      en: A short note, written in French.
      fr: >-
        Cette note parle de beaucoup de choses, des saisons, des villes, des ports, des routes, des
        familles et des écoles, et une seule fois de migration, tout à la fin.
"""

CAPTIONS_EN = """\
WEBVTT

00:00:00.000 --> 00:00:02.000
<v Narrator>The caravan crossed

00:00:02.000 --> 00:00:04.000
the desert at dawn.
"""

CAPTIONS_FR = """\
1
00:00:00,000 --> 00:00:02,000
La caravane a traversé
le désert à l'aube.
"""


def add_search_content(content: ContentFolder) -> None:
    """Add the WORDS_SECTION (in three languages) and English and French captions to the clip."""
    content.replace("agenda.yaml", "languages: [en, fr]", "languages: [en, fr, es]")
    content.replace("agenda.yaml", "sections:\n  - one\n", "sections:\n  - one\n  - words\n")
    content.write("sections/20-words.yaml", WORDS_SECTION)
    content.replace(
        "sections/10-one.yaml",
        "      en: captions/clip.en.vtt\n",
        "      en: captions/clip.en.vtt\n      fr: captions/clip.fr.srt\n",
    )
    content.write("captions/clip.en.vtt", CAPTIONS_EN)
    content.write("captions/clip.fr.srt", CAPTIONS_FR)


def problems_in(result: LoadResult, file: str) -> list[Problem]:
    return [p for p in result.problems if p.file == file]


def only_error(result: LoadResult) -> Problem:
    """The one error in `result`, after checking there is exactly one and nothing was compiled."""
    found = [p for p in result.problems if p.severity is Severity.ERROR]
    assert len(found) == 1, "expected exactly one error, got:\n" + "\n".join(map(str, result.problems))
    assert result.compiled is None
    return found[0]


# The organisation of a made-up local advice centre (the project's own fixture): its logo is a
# plain SVG of a boat on a wave, its accent a dark green that passes WCAG AA on every background.
ORGANISATION_ACCENT = "#0B6E4F"
ORGANISATION_NAME = "Harbour Workers' Advice Centre"
# Arabic: the project's own translation, pending review by a native speaker.
ORGANISATION_NAME_AR = "مركز المشورة لعمال الميناء"
LOGO_SVG = """\
<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 100" width="160" height="100">
  <rect x="0" y="0" width="160" height="100" rx="18" fill="#0B6E4F"/>
  <path d="M30 58 L130 58 L112 78 L48 78 Z" fill="#FFFFFF"/>
  <path d="M78 20 L78 54 L108 54 Z" fill="#FFD84D"/>
  <path d="M72 28 L72 54 L50 54 Z" fill="#FFFFFF"/>
  <path d="M10 88 Q30 80 50 88 T90 88 T130 88 T170 88" stroke="#FFFFFF" stroke-width="5" fill="none"/>
</svg>
"""
ORGANISATION_BLOCK = f"""\
organisation:
  name:
    en: {ORGANISATION_NAME}
    ar: {ORGANISATION_NAME_AR}
  logo: images/logo.svg
  accent: "{ORGANISATION_ACCENT}"
"""


def add_organisation(content: ContentFolder) -> None:
    """Give the agenda an organisation with a name (English and Arabic), an SVG logo and an accent."""
    content.replace("agenda.yaml", 'version: "1.0"\n', ORGANISATION_BLOCK + 'version: "1.0"\n')
    content.write("images/logo.svg", LOGO_SVG)


def add_arabic(content: ContentFolder) -> None:
    """Offer English and Arabic (right to left): the agenda's and section one's titles in both."""
    content.replace(
        "agenda.yaml", "languages: [en, fr]", "languages: [en, ar]\ntranslations_pending_review: [ar]"
    )
    content.replace(
        "agenda.yaml",
        "title: Test agenda\n",
        "title:\n  en: Test agenda\n  ar: جدول أعمال تجريبي\n",
    )
    content.replace(
        "agenda.yaml",
        "lead: >-\n  Lead text for the home page.\n",
        "lead:\n  en: Lead text for the home page.\n  ar: نص تمهيدي للصفحة الرئيسية.\n",
    )
    content.replace("sections/10-one.yaml", "  fr: Section un\n", "  ar: القسم الأول\n")
