"""Make the kiosk's stand-in videos: a narrated title card in English, French and Spanish, with captions.

The bundled content points to videos that this project may not redistribute (the ITUC, IOE and ILO
recordings linked from the ILO page "Fair migration agenda"). For every video item marked
`stand_in: true` in content/sections/*.yaml, this script makes, in each language of LANGUAGES,

    content/media/<item-id>.mp4             English: H.264/AAC, 1280x720, 25 fps, a calm title card with
                                            a progress line and the elapsed time, narrated by espeak-ng
    content/media/<item-id>.fr.mp4          the same in French
    content/media/<item-id>.es.mp4          and in Spanish
    content/captions/<item-id>.<code>.vtt   WebVTT captions per language (en, fr, es), timed from that
                                            language's own narration

and one poster for all of them, content/media/<item-id>.png: the title card without its words, since
the kiosk shows the same poster in every language. It sets the item's `file:`, `poster:` and
`captions:` keys to those files, one path per language:

    file:
      en: media/<item-id>.mp4
      fr: media/<item-id>.fr.mp4
      es: media/<item-id>.es.mp4
    poster: media/<item-id>.png
    captions:
      en: captions/<item-id>.en.vtt
      fr: captions/<item-id>.fr.vtt
      es: captions/<item-id>.es.vtt

While an item is a stand-in, the script owns those three keys and rewrites them, placed after
`stand_in:`. It edits the YAML as text, so comments and formatting stay as they are. Running it again
gives the same files (the encoders run in bit-exact mode); files that did not change are reported as
"unchanged".

    uv run python scripts/make_stand_ins.py                    # every stand-in
    uv run python scripts/make_stand_ins.py ITEM-ID            # only these items
    uv run python scripts/make_stand_ins.py --content DIR      # another content folder, e.g. a copy

Needs the system tools ffmpeg (with libx264 and drawtext) and espeak-ng with its French and Spanish
voices (part of the Debian package):
    apt-get install -y ffmpeg espeak-ng

The title card shows the item's title and speaker in the video's language, as the YAML gives them
(`title: {en: ..., fr: ..., es: ...}`); where a translation is missing, it shows the English text and
the script says so.

The narration says only what the content files say. For the bundled items it is written out below
(NARRATIONS), in each language, with the facts it relies on: if an editor changes the content so that
one of those facts is no longer in the item's text in that language, the script stops and asks for the
narration to be updated. The French and Spanish narrations are checked against the item's French and
Spanish texts; while an item's texts (title, summary, speaker, body) are not all translated into a
language, that language's check is skipped with a note. Other stand-in items get a plain narration
built from their title and speaker.

To add a language, add a row to LANGUAGES and, for the bundled items, a narration to NARRATIONS.

Replacing a stand-in with the licensed original
-----------------------------------------------
An organisation that holds a licence for an original video needs no change to the software:

1. Put the file in content/media/, e.g. content/media/ituc-burrow-original.mp4 (MP4 with H.264/AAC,
   or WebM with VP9/Opus).
2. In the item's section file (content/sections/*.yaml), replace the `file:` entries with it
   (`file: media/ituc-burrow-original.mp4`, or one file per language if the original has several)
   and set `stand_in: false`.
3. Replace the captions: put the original's WebVTT or SRT files in content/captions/ and point
   `captions:` to them (one entry per language, e.g. `en:` and `fr:`). Remove the `captions:` key if
   there are none; the stand-in's captions describe the stand-in, not the original.
4. Replace `poster:` with a still from the original, or remove the key.
5. Run `uv run kiosk validate`; it must report the content as valid.

Once `stand_in` is false this script leaves the item alone. The old stand-in files may be deleted.
"""

from __future__ import annotations

import argparse
import html
import itertools
import math
import re
import shutil
import sys
import tempfile
import textwrap
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from _tools import Failure, run  # scripts/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FONTS = ROOT / "resources" / "fonts"
FONT_REGULAR = FONTS / "NotoSans-Regular.ttf"
FONT_BOLD = FONTS / "NotoSans-Bold.ttf"

# Picture
WIDTH, HEIGHT, FPS = 1280, 720, 25
BACKGROUND = "0x0A4F8F"
TRACK = "0x3B72A5"  # the progress line's track: the background with a fifth of white
ACCENT = "0x9CC8EE"
MARGIN = 96

# Sound: espeak-ng at a moderate 150 words a minute, in every language.
WORDS_PER_MINUTE = 150
ENGLISH_VOICE = "en-gb"
# Names that the French and Spanish texts keep in English: their narrations say them in the English voice,
# as a French or Spanish speaker who knows them would, not by French or Spanish reading rules.
ENGLISH_NAMES = ("Sharan Burrow", "Brent Wilton", "Guy Ryder", "Voices on Fair Migration")
LEAD_IN, PAUSE, TAIL = 0.8, 0.6, 1.6  # seconds of silence before, between and after sentences

# Captions
LINE_LENGTH = 42  # characters; a cue has one or two lines
OPENING_QUOTES, CLOSING_QUOTES = "“«", "”»"


@dataclass(frozen=True)
class Language:
    """Everything that differs between the narrated versions of a stand-in."""

    code: str  # as in the YAML's per-language keys
    name: str  # for messages
    voice: str  # espeak-ng's voice
    sound_language: str  # ISO 639-2 code of the sound track, for players that list tracks
    # Added to media/<id>.mp4. English has none: its video keeps the name it had before translations.
    video_suffix: str
    stand_in_line: str  # the label at the top of the card
    stand_in_word: str  # added to the title in the video's metadata
    speaker_line: str  # the card's line naming the {speaker}
    # The plain narration of a stand-in that NARRATIONS does not cover.
    plain_intro: str  # about the video {title}
    plain_speaker: str  # naming the {speaker}
    plain_not_stored: str
    plain_scan: str
    # Said differently from how it is written (acronyms spelled out); the captions show the written form.
    pronounce: dict[str, str]
    # A line or cue reads badly when it ends on one of these words.
    weak_endings: frozenset[str]


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


ENGLISH = "en"  # the content's fallback language (kiosk/core/model.py): every item has its English text

LANGUAGES = (
    Language(
        code=ENGLISH,
        name="English",
        voice=ENGLISH_VOICE,
        sound_language="eng",
        video_suffix="",
        stand_in_line="Stand-in video — the original is not stored on this kiosk",
        stand_in_word="stand-in",
        speaker_line="Speaker: {speaker}",
        plain_intro="This is a stand-in for the video “{title}”.",
        plain_speaker="The speaker is {speaker}.",
        plain_not_stored="The original recording is not stored on this kiosk.",
        plain_scan="Scan the QR code to open the page linked to this video.",
        # espeak-ng says ILO as "eye-low", and IOE and ITUC as words at the end of a sentence.
        pronounce={"ITUC": "I T U C", "IOE": "I O E", "ILO": "I L O"},
        weak_endings=word_set("a about an and by for from in is its of on or the to with"),
    ),
    Language(
        code="fr",
        name="French",
        voice="fr-fr",
        sound_language="fra",
        video_suffix=".fr",
        stand_in_line="Vidéo de remplacement — l'original n'est pas stocké sur cette borne",
        stand_in_word="vidéo de remplacement",
        # "Avec" names a speaker without the gender that "intervenant" or "intervenante" would need.
        speaker_line="Avec\u00a0: {speaker}",
        plain_intro="Ceci est une vidéo de remplacement pour la vidéo « {title} ».",
        plain_speaker="La personne qui s'exprime est {speaker}.",
        plain_not_stored="L'enregistrement original n'est pas stocké sur cette borne.",
        plain_scan="Scannez le code QR pour ouvrir la page liée à cette vidéo.",
        # Spelled out, as French speakers say them; read as words, OIT and OIE both sound like "oie".
        pronounce={"OIT": "O I T", "CSI": "C S I", "OIE": "O I E"},
        weak_endings=word_set(
            "à au aux avec ce cette dans de des du en est et la le les ne ou par pour sa ses son sur un une"
        ),
    ),
    Language(
        code="es",
        name="Spanish",
        voice="es",
        sound_language="spa",
        video_suffix=".es",
        # The content's Spanish texts write "video" and call a stand-in "video provisional"; the card and
        # the narration say what the page around them says.
        stand_in_line="Video provisional: el original no está almacenado en este quiosco",
        stand_in_word="video provisional",
        speaker_line="Ponente: {speaker}",  # "ponente" names a man or a woman alike
        plain_intro="Este es un video provisional que sustituye al video “{title}”.",
        plain_speaker="Interviene {speaker}.",
        plain_not_stored="La grabación original no está almacenada en este quiosco.",
        plain_scan="Escanee el código QR para abrir la página enlazada con este video.",
        # Spelled out, as Spanish speakers say them; read as words they sound like "oit" and "oie".
        pronounce={"OIT": "O I T", "CSI": "C S I", "OIE": "O I E"},
        weak_endings=word_set("a al con de del el en es la las los no o para por que se su sus un una y"),
    ),
)


def inside_quotes(words: list[str]) -> bool:
    """True when a break after these words would cut a quoted title in two."""
    text = " ".join(words)
    return sum(map(text.count, OPENING_QUOTES)) > sum(map(text.count, CLOSING_QUOTES))


# Encoding: small files of a still picture and a voice.
VIDEO_ARGS = (
    "-c:v libx264 -profile:v main -preset slow -crf 33 -tune stillimage -pix_fmt yuv420p "
    f"-g {FPS * 5} -r {FPS}"
).split()
AUDIO_ARGS = ["-c:a", "aac", "-b:a", "48k", "-ac", "1", "-ar", "44100"]
BITEXACT = ["-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact"]
FFMPEG = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y"]
DURATION_RANGE = (25.0, 45.0)
# Each item ships in three languages, and a still card with a voice needs far less.
SIZE_LIMIT = 1024 * 1024


@dataclass(frozen=True)
class Narration:
    sentences: list[str]
    facts: list[str]  # phrases the sentences rely on, each found in the item's text in the same language


# Item id -> language code -> narration. The French and Spanish ones follow the wording of the item's
# French and Spanish texts, so that the narration and the page beside it name things alike. French
# typography is written with plain spaces (« titre », "borne ; il"); the captions make them no-break.
NARRATIONS: dict[str, dict[str, Narration]] = {
    "ituc-video-sharan-burrow": {
        "en": Narration(
            sentences=[
                "This is a stand-in for the video with Sharan Burrow.",
                "Sharan Burrow was then General Secretary of the International Trade Union Confederation, the ITUC.",
                "In the original video, the ITUC gives its view on fair migration.",
                "The original recording is not stored on this kiosk; it is linked from the ILO page “Fair migration agenda”.",
                "Scan the QR code to open that page.",
            ],
            facts=[
                "Sharan Burrow",
                "General Secretary",
                "International Trade Union Confederation (ITUC)",
                "at the time",
                "gives its view on fair migration",
                "The original recording is not stored on this kiosk",
                "linked from the ILO page “Fair migration agenda”",
                "Scan the QR code to open the ILO page",
            ],
        ),
        "fr": Narration(
            sentences=[
                "Ceci est une vidéo de remplacement pour la vidéo avec Sharan Burrow.",
                "Sharan Burrow était alors secrétaire générale de la Confédération syndicale internationale, la CSI.",
                "Dans la vidéo originale, la CSI présente son point de vue sur la migration équitable.",
                "L'enregistrement original n'est pas stocké sur cette borne ; il est accessible depuis la page de l'OIT consacrée au Programme pour une migration équitable.",
                "Scannez le code QR pour ouvrir cette page.",
            ],
            facts=[
                "Sharan Burrow",
                "alors secrétaire générale",
                "Confédération syndicale internationale (CSI)",
                "présente son point de vue sur la migration équitable",
                "L'enregistrement original n'est pas stocké sur cette borne",
                "accessible depuis la page de l'OIT consacrée au Programme pour une migration équitable",
                "Scannez le code QR pour ouvrir la page de l'OIT",
            ],
        ),
        "es": Narration(
            sentences=[
                "Este es un video provisional que sustituye al video con Sharan Burrow.",
                "Sharan Burrow era entonces Secretaria General de la Confederación Sindical Internacional, la CSI.",
                "En el video original, la CSI expone su punto de vista sobre la migración equitativa.",
                "La grabación original no está almacenada en este quiosco; está enlazada desde la página de la OIT “Agenda para una migración equitativa”.",
                "Escanee el código QR para abrir esa página.",
            ],
            facts=[
                "Sharan Burrow",
                "entonces Secretaria General",
                "Confederación Sindical Internacional (CSI)",
                "expone su punto de vista sobre la migración equitativa",
                "La grabación original no está almacenada en este quiosco",
                "desde la página de la OIT “Agenda para una migración equitativa”",
                "Escanee el código QR para abrir la página de la OIT",
            ],
        ),
    },
    "ioe-video-brent-wilton": {
        "en": Narration(
            sentences=[
                "This is a stand-in for the video with Brent Wilton.",
                "Brent Wilton is a former Secretary-General of the International Organization of Employers, the IOE.",
                "In the original video, the IOE gives its view on fair migration.",
                "The original recording is not stored on this kiosk; it is linked from the ILO page “Fair migration agenda”.",
                "Scan the QR code to open that page.",
            ],
            facts=[
                "Brent Wilton",
                "former Secretary-General",
                "International Organization of Employers (IOE)",
                "gives its view on fair migration",
                "The original recording is not stored on this kiosk",
                "linked from the ILO page “Fair migration agenda”",
                "Scan the QR code to open the ILO page",
            ],
        ),
        "fr": Narration(
            sentences=[
                "Ceci est une vidéo de remplacement pour la vidéo avec Brent Wilton.",
                "Brent Wilton est un ancien secrétaire général de l'Organisation internationale des employeurs, l'OIE.",
                "Dans la vidéo originale, l'OIE présente son point de vue sur la migration équitable.",
                "L'enregistrement original n'est pas stocké sur cette borne ; il est accessible depuis la page de l'OIT consacrée au Programme pour une migration équitable.",
                "Scannez le code QR pour ouvrir cette page.",
            ],
            facts=[
                "Brent Wilton",
                "ancien secrétaire général",
                "Organisation internationale des employeurs (OIE)",
                "présente son point de vue sur la migration équitable",
                "L'enregistrement original n'est pas stocké sur cette borne",
                "accessible depuis la page de l'OIT consacrée au Programme pour une migration équitable",
                "Scannez le code QR pour ouvrir la page de l'OIT",
            ],
        ),
        "es": Narration(
            sentences=[
                "Este es un video provisional que sustituye al video con Brent Wilton.",
                "Brent Wilton es ex Secretario General de la Organización Internacional de Empleadores, la OIE.",
                "En el video original, la OIE expone su punto de vista sobre la migración equitativa.",
                "La grabación original no está almacenada en este quiosco; está enlazada desde la página de la OIT “Agenda para una migración equitativa”.",
                "Escanee el código QR para abrir esa página.",
            ],
            facts=[
                "Brent Wilton",
                "ex Secretario General",
                "Organización Internacional de Empleadores (OIE)",
                "expone su punto de vista sobre la migración equitativa",
                "La grabación original no está almacenada en este quiosco",
                "desde la página de la OIT “Agenda para una migración equitativa”",
                "Escanee el código QR para abrir la página de la OIT",
            ],
        ),
    },
    "voices-testimonies-video": {
        "en": Narration(
            sentences=[
                "This is a stand-in for the testimony videos of “Voices on Fair Migration”.",
                "“Voices on Fair Migration” gathers personal testimonies about migration and work, linked from the ILO page “Fair migration agenda”.",
                "The original testimonies are not stored on this kiosk.",
                "This stand-in was made by the kiosk project, and it does not show any real person or story.",
                "Scan the QR code to open the ILO page, where you can hear more Voices on Fair Migration.",
            ],
            facts=[
                "gathers personal testimonies about migration and work",
                "linked from the ILO page “Fair migration agenda”",
                "The original testimonies are not stored on this kiosk",
                "stand-in made by the kiosk project",
                "does not show any real person or story",
                "hear more Voices on Fair Migration",
            ],
        ),
        # The French and Spanish texts keep the English name of the testimonies, as a collection.
        "fr": Narration(
            sentences=[
                "Ceci est une vidéo de remplacement pour les vidéos de témoignages de la collection « Voices on Fair Migration ».",
                "La collection « Voices on Fair Migration » rassemble des témoignages personnels sur la migration et le travail, accessibles depuis la page de l'OIT consacrée au Programme pour une migration équitable.",
                "Les témoignages originaux ne sont pas stockés sur cette borne.",
                "Cette vidéo de remplacement a été réalisée par le projet de la borne, et elle ne montre aucune personne ni aucune histoire réelles.",
                "Scannez le code QR pour ouvrir la page de l'OIT, où vous pourrez entendre d'autres témoignages de la collection « Voices on Fair Migration ».",
            ],
            facts=[
                "La collection « Voices on Fair Migration » rassemble des témoignages personnels sur la migration et le travail",
                "accessibles depuis la page de l'OIT consacrée au Programme pour une migration équitable",
                "Les témoignages originaux ne sont pas stockés sur cette borne",
                "vidéo de remplacement réalisée par le projet de la borne",
                "elle ne montre aucune personne ni aucune histoire réelles",
                "entendre d'autres témoignages de la collection « Voices on Fair Migration »",
            ],
        ),
        "es": Narration(
            sentences=[
                "Este es un video provisional que sustituye a los videos de testimonios de la colección “Voices on Fair Migration”.",
                "La colección “Voices on Fair Migration” reúne testimonios personales sobre la migración y el trabajo, y está enlazada desde la página de la OIT “Agenda para una migración equitativa”.",
                "Los testimonios originales no están almacenados en este quiosco.",
                "Este video provisional lo ha elaborado el proyecto del quiosco, y no muestra a ninguna persona ni historia reales.",
                "Escanee el código QR para abrir la página de la OIT, donde podrá escuchar más testimonios de “Voices on Fair Migration”.",
            ],
            facts=[
                "La colección “Voices on Fair Migration”",
                "reúne testimonios personales sobre la migración y el trabajo, y está enlazada desde la página de la OIT “Agenda para una migración equitativa”",
                "Los testimonios originales no están almacenados en este quiosco",
                "video provisional elaborado por el proyecto del quiosco",
                "no muestra a ninguna persona ni historia reales",
                "escuchar más testimonios de “Voices on Fair Migration”",
            ],
        ),
    },
    "dg-video-november-2014": {
        "en": Narration(
            sentences=[
                "This is a stand-in for the video with Guy Ryder, then Director-General of the ILO, from November 2014.",
                "A few months earlier, in June 2014, his report to the International Labour Conference, “Fair migration: Setting an ILO agenda”, had set out the ILO's fair migration agenda.",
                "The original recording is not stored on this kiosk; it is linked from the ILO page “Fair migration agenda”.",
                "Scan the QR code to open that page.",
            ],
            facts=[
                "Guy Ryder, then Director-General of the ILO, from November 2014",
                "A few months earlier, in June 2014, his report to the International Labour Conference",
                "“Fair migration: Setting an ILO agenda”, had set out the ILO's fair migration agenda",
                "The original recording is not stored on this kiosk",
                "linked from the ILO page “Fair migration agenda”",
                "Scan the QR code to open the ILO page",
            ],
        ),
        "fr": Narration(
            sentences=[
                "Ceci est une vidéo de remplacement pour la vidéo de novembre 2014 avec Guy Ryder, alors Directeur général de l'OIT.",
                "Quelques mois plus tôt, en juin 2014, son rapport à la Conférence internationale du Travail, « Migration équitable : un programme pour l'OIT », avait défini le programme de l'OIT pour une migration équitable.",
                "L'enregistrement original n'est pas stocké sur cette borne ; il est accessible depuis la page de l'OIT consacrée au Programme pour une migration équitable.",
                "Scannez le code QR pour ouvrir cette page.",
            ],
            facts=[
                "vidéo de novembre 2014 avec Guy Ryder, alors Directeur général de l'OIT",
                "Quelques mois plus tôt, en juin 2014, son rapport à la Conférence internationale du Travail",
                "« Migration équitable : un programme pour l'OIT », avait défini le programme de l'OIT pour une migration équitable",
                "L'enregistrement original n'est pas stocké sur cette borne",
                "accessible depuis la page de l'OIT consacrée au Programme pour une migration équitable",
                "Scannez le code QR pour ouvrir la page de l'OIT",
            ],
        ),
        "es": Narration(
            sentences=[
                "Este es un video provisional que sustituye al video de noviembre de 2014 con Guy Ryder, entonces Director General de la OIT.",
                "Unos meses antes, en junio de 2014, su memoria a la Conferencia Internacional del Trabajo, “Migración equitativa: Un programa para la OIT”, había expuesto la agenda de la OIT para una migración equitativa.",
                "La grabación original no está almacenada en este quiosco; está enlazada desde la página de la OIT “Agenda para una migración equitativa”.",
                "Escanee el código QR para abrir esa página.",
            ],
            facts=[
                "video de noviembre de 2014 con Guy Ryder, entonces Director General de la OIT",
                "Unos meses antes, en junio de 2014, su memoria a la Conferencia Internacional del Trabajo",
                "“Migración equitativa: Un programa para la OIT”, había expuesto la agenda de la OIT para una migración equitativa",
                "La grabación original no está almacenada en este quiosco",
                "desde la página de la OIT “Agenda para una migración equitativa”",
                "Escanee el código QR para abrir la página de la OIT",
            ],
        ),
    },
}


# ---------------------------------------------------------------------------------------------
# Content

# The item's texts a visitor can read, in the order a visitor reads them.
TEXT_KEYS = ("title", "summary", "speaker", "body", "body_file")


@dataclass
class VideoItem:
    id: str
    titles: dict[str, str]  # language code -> text
    speakers: dict[str, str]
    url: str | None
    # Language code -> every text of the item a visitor can read in it, for checking the narration's facts
    texts: dict[str, str]
    untranslated: dict[str, list[str]]  # language code -> what the item lacks in it ("no title", ...)
    manifest: Path

    def title(self, language: Language) -> str:
        return self.titles.get(language.code) or self.titles.get(ENGLISH) or self.id

    def speaker(self, language: Language) -> str | None:
        return self.speakers.get(language.code) or self.speakers.get(ENGLISH)


def per_language(value: Any) -> dict[str, str]:
    """A text or path as {language code: value}; a bare string is the English one, as in the model."""
    if not value:
        return {}
    if not isinstance(value, dict):
        value = {ENGLISH: value}
    return {code: " ".join(str(text).split()) for code, text in value.items() if text}


def stand_in_videos(content: Path) -> list[VideoItem]:
    found: list[VideoItem] = []

    def walk(items: list[dict[str, Any]], manifest: Path) -> None:
        for item in items or []:
            if item.get("kind") == "collection":
                walk(item.get("items") or [], manifest)
            if item.get("kind") != "video" or item.get("stand_in") is not True:
                continue
            fields = {key: per_language(item.get(key)) for key in TEXT_KEYS if item.get(key)}
            texts: dict[str, str] = {}
            untranslated: dict[str, list[str]] = {}
            for language in LANGUAGES:
                parts: list[str] = []
                missing: list[str] = []
                for key, values in fields.items():
                    value = values.get(language.code)
                    if value is None:
                        missing.append(f"no {key}")
                    elif key != "body_file":
                        parts.append(value)
                    elif (content / value).is_file():
                        parts.append((content / value).read_text(encoding="utf-8"))
                    else:
                        missing.append(f"{value} not found")
                texts[language.code] = " ".join(" ".join(p.split()) for p in parts)
                untranslated[language.code] = missing
            found.append(
                VideoItem(
                    id=item["id"],
                    titles=fields.get("title", {}),
                    speakers=fields.get("speaker", {}),
                    url=item.get("url"),
                    texts=texts,
                    untranslated=untranslated,
                    manifest=manifest,
                )
            )

    for manifest in sorted((content / "sections").glob("*.yaml")):
        data = yaml.safe_load(manifest.read_text(encoding="utf-8")) or {}
        walk(data.get("items") or [], manifest)
    return found


def comparable(text: str) -> str:
    """Text as the fact check compares it: the same words in another typography are equal (straight or
    curly apostrophes, “…”, «…» or "…", French spaces inside quotation marks and before : ; ! ?)."""
    text = re.sub(r"[“”«»]", '"', text.replace("\u2019", "'"))
    text = re.sub(r'\s*"\s*', '"', text)
    text = re.sub(r"\s+([:;!?])", r"\1", text)
    return " ".join(text.split())


def narration_for(item: VideoItem, language: Language) -> list[str]:
    known = NARRATIONS.get(item.id, {}).get(language.code)
    if known is None:
        sentences = [language.plain_intro.format(title=item.title(language))]
        speaker = item.speaker(language)
        if speaker:
            sentences.append(language.plain_speaker.format(speaker=speaker))
        sentences.append(language.plain_not_stored)
        if item.url:
            sentences.append(language.plain_scan)
        return sentences
    # English is the reference and always checked; a translation once the item has it in full
    # (translation_note says when it is skipped).
    if language.code != ENGLISH and item.untranslated[language.code]:
        return known.sentences
    text = comparable(item.texts[language.code])
    missing = [fact for fact in known.facts if comparable(fact) not in text]
    if missing:
        raise Failure(
            f"the {language.name} narration for '{item.id}' relies on text that is no longer in the "
            f"item's {language.name} text ({shown(item.manifest)} and its body file): "
            + "; ".join(f"“{fact}”" for fact in missing)
            + ". Update NARRATIONS in scripts/make_stand_ins.py to match the content."
        )
    return known.sentences


def translation_note(item: VideoItem, language: Language) -> str | None:
    """What a missing translation means for this language's version, or None when nothing is missing."""
    missing = item.untranslated[language.code]
    if language.code == ENGLISH or not missing:
        return None
    effects = [f"the card shows the English {key}" for key in ("title", "speaker") if f"no {key}" in missing]
    if item.id in NARRATIONS:
        effects.append(f"the {language.name} narration's facts are not checked")
    return f"{language.name} translation incomplete ({', '.join(missing)}): " + "; ".join(
        effects or ["nothing else changes"]
    )


# ---------------------------------------------------------------------------------------------
# Tools


def require_tools() -> None:
    missing = [tool for tool in ("ffmpeg", "ffprobe", "espeak-ng") if shutil.which(tool) is None]
    if missing:
        raise Failure(
            f"{', '.join(missing)} not found. Install the system tools first, e.g. on Debian or Ubuntu:\n"
            "    sudo apt-get update && sudo apt-get install -y ffmpeg espeak-ng"
        )
    encoders = run(["ffmpeg", "-hide_banner", "-encoders"]).stdout
    filters = run(["ffmpeg", "-hide_banner", "-filters"]).stdout
    if "libx264" not in encoders:
        raise Failure("this ffmpeg has no libx264 encoder; install a build with libx264 (Debian's has it)")
    if " drawtext " not in filters:
        raise Failure("this ffmpeg has no drawtext filter (libfreetype); install a build with it")
    for font in (FONT_REGULAR, FONT_BOLD):
        if not font.is_file():
            raise Failure(f"font not found: {font}")
    for language in LANGUAGES:
        # A missing voice stops the script before it makes anything, not halfway through the items.
        run(["espeak-ng", "-v", language.voice, "-q", "."])


def probe_duration(path: Path) -> float:
    out = run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)])
    return float(out.stdout.strip())


# ---------------------------------------------------------------------------------------------
# Narration and captions


def spoken(sentence: str, language: Language) -> str:
    """The sentence as espeak-ng's SSML: acronyms spelled out, English names in the English voice."""
    said = html.escape(sentence, quote=False)
    for written, spelled in language.pronounce.items():
        said = re.sub(rf"\b{re.escape(written)}\b", spelled, said)
    if language.voice != ENGLISH_VOICE:
        for name in ENGLISH_NAMES:
            said = said.replace(name, f'<voice xml:lang="{ENGLISH_VOICE}">{name}</voice>')
    return said


def synthesise(
    sentences: list[str], language: Language, work: Path
) -> tuple[Path, list[tuple[float, float]], float]:
    """One WAV of all sentences with pauses, each sentence's (start, end) in seconds, and the length."""
    pieces: list[bytes] = []
    params = None
    for index, sentence in enumerate(sentences):
        wav = work / f"sentence-{index}.wav"
        run(
            [
                *("espeak-ng", "-m", "-v", language.voice, "-s", str(WORDS_PER_MINUTE)),
                *("-w", str(wav), spoken(sentence, language)),
            ]
        )
        with wave.open(str(wav), "rb") as reader:
            params = reader.getparams()
            pieces.append(reader.readframes(reader.getnframes()))
    assert params is not None
    rate, frame_bytes = params.framerate, params.sampwidth * params.nchannels

    def silence(seconds: float) -> bytes:
        return b"\x00" * (round(seconds * rate) * frame_bytes)

    audio = bytearray(silence(LEAD_IN))
    spans: list[tuple[float, float]] = []
    for index, piece in enumerate(pieces):
        if index:
            audio += silence(PAUSE)
        start = len(audio) / frame_bytes / rate
        audio += piece
        spans.append((start, len(audio) / frame_bytes / rate))
    audio += silence(TAIL)
    # Whole video frames, so the picture and the sound end together.
    duration = math.ceil(len(audio) / frame_bytes / rate * FPS) / FPS
    audio += b"\x00" * (round(duration * rate) * frame_bytes - len(audio))

    out = work / "narration.wav"
    with wave.open(str(out), "wb") as writer:
        writer.setparams(params)
        writer.writeframes(bytes(audio))
    return out, spans, duration


def bound(sentence: str) -> str:
    """The sentence with no-break spaces where French typography spaces « » : ; ! ?, so that no caption
    line starts or ends with a lone mark, and before a number, so that "November 2014" stays together."""
    sentence = sentence.replace("« ", "«\u00a0")
    return re.sub(r" ([»:;!?\d])", "\u00a0\\1", sentence)


def two_lines(text: str, language: Language) -> list[str] | None:
    """The text on one line, or on two lines of about equal length; None if it does not fit."""
    if len(text) <= LINE_LENGTH:
        return [text]
    words = text.split(" ")
    best: tuple[float, list[str]] | None = None
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        if len(first) <= LINE_LENGTH and len(second) <= LINE_LENGTH:
            weak = words[cut - 1].lower() in language.weak_endings
            cost = max(len(first), len(second)) + (12 if weak else 0)
            cost += 12 if inside_quotes(words[:cut]) else 0
            if re.search(r"[,;:—]$", first):
                cost -= 6
            if best is None or cost < best[0]:
                best = (cost, [first, second])
    return best[1] if best else None


def cue_texts(sentence: str, language: Language) -> list[list[str]]:
    """Split a sentence into as few cues as fit (two lines of LINE_LENGTH), of about equal length,
    breaking after punctuation where it can."""
    # Split at plain spaces only: the no-break spaces of bound() hold their words together.
    words = bound(sentence).split(" ")
    for count in range(1, len(words) + 1):
        target = len(sentence) / count
        # best[i][k]: (cost, cuts) to put words[:i] into k cues
        best: dict[tuple[int, int], tuple[float, list[int]]] = {(0, 0): (0.0, [])}
        for k in range(1, count + 1):
            for i in range(1, len(words) + 1):
                for j in range(i):
                    if (j, k - 1) not in best:
                        continue
                    chunk = " ".join(words[j:i])
                    if two_lines(chunk, language) is None:
                        continue
                    cost = (len(chunk) - target) ** 2
                    if i < len(words) and not re.search(r"[,;:—”»]$", words[i - 1]):
                        cost += (target / 3) ** 2
                    if i < len(words) and words[i - 1].lower() in language.weak_endings:
                        cost += (target / 2) ** 2
                    if i < len(words) and inside_quotes(words[:i]):
                        cost += (target / 2) ** 2
                    total = best[(j, k - 1)][0] + cost
                    if (i, k) not in best or total < best[(i, k)][0]:
                        best[(i, k)] = (total, [*best[(j, k - 1)][1], i])
        if (len(words), count) in best:
            cuts = [0, *best[(len(words), count)][1]]
            chunks = [" ".join(words[a:b]) for a, b in itertools.pairwise(cuts)]
            return [two_lines(chunk, language) or [chunk] for chunk in chunks]
    raise Failure(f"a word in this sentence is longer than a caption line: {sentence}")


def timestamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def webvtt(
    item: VideoItem, language: Language, sentences: list[str], spans: list[tuple[float, float]]
) -> str:
    lines = [
        "WEBVTT",
        "",
        "NOTE",
        f"{language.name} captions of the kiosk's stand-in video for '{item.id}', made by scripts/make_stand_ins.py.",
        "They follow the stand-in's narration, not the original video.",
        "",
    ]
    number = 0
    for sentence, (start, end) in zip(sentences, spans, strict=True):
        cues = cue_texts(sentence, language)
        weights = [sum(len(line) for line in cue) + len(cue) - 1 for cue in cues]
        at = start
        for cue, weight in zip(cues, weights, strict=True):
            until = at + (end - start) * weight / sum(weights)
            number += 1
            lines += [str(number), f"{timestamp(at)} --> {timestamp(until)}", *cue, ""]
            at = until
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Picture


@dataclass(frozen=True)
class TitleCard:
    """The words on a title card, in the video's language."""

    stand_in_line: str
    title: str
    speaker_line: str | None


def wrap_to_width(text: str, size: int, em: float, width: int = WIDTH - 2 * MARGIN) -> list[str]:
    """Wrap text for drawtext, estimating Noto Sans's average character width as `em` of the size."""
    return textwrap.wrap(text, max(10, int(width / (size * em))), break_on_hyphens=False)


def clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def filter_graph(card: TitleCard | None, duration: float, work: Path) -> Path:
    """A file with the filter graph drawing the title card on a colour source; it outputs [v].
    Without a card, the picture has no words: the poster, which serves every language."""
    work.mkdir(parents=True, exist_ok=True)
    # Copies of the fonts and the texts in the work folder keep paths and words out of the graph's
    # escaping rules.
    shutil.copy(FONT_REGULAR, work / "regular.ttf")
    shutil.copy(FONT_BOLD, work / "bold.ttf")
    texts: list[str] = []

    def text(words: str, x: int | str, y: int, size: int, bold: bool = False, **extra: str) -> None:
        name = f"text-{len(texts)}.txt"
        (work / name).write_text(words, encoding="utf-8")
        font = "bold.ttf" if bold else "regular.ttf"
        options = {
            "fontfile": str(work / font),
            "textfile": str(work / name),
            "x": str(x),
            "y": str(y),
            "fontsize": str(size),
            "fontcolor": "white",
            "expansion": "none",
            **extra,
        }
        texts.append("drawtext=" + ":".join(f"{k}={v}" for k, v in options.items()))

    title_size = 50
    title_lines: list[str] = []
    speaker_lines: list[str] = []
    if card:
        text(
            card.stand_in_line,
            MARGIN,
            84,
            26,
            fontcolor="white@0.92",
            box="1",
            boxcolor="white@0.14",
            boxborderw="14",
        )
        title_lines = wrap_to_width(card.title, title_size, 0.56)
        if len(title_lines) > 3:
            title_size = 42
            title_lines = wrap_to_width(card.title, title_size, 0.56)
        speaker_lines = wrap_to_width(card.speaker_line, 30, 0.52)[:3] if card.speaker_line else []
    title_step = round(title_size * 1.3)
    # Title, accent rule and speaker, centred in the space between the label and the elapsed time.
    height = len(title_lines) * title_step + 22 + (40 + 42 * len(speaker_lines) if speaker_lines else 0)
    y = 150 + max(0, (440 - height) // 2)
    for line in title_lines:
        text(line, MARGIN, y, title_size, bold=True)
        y += title_step
    rule_y = y + 18
    y = rule_y + 40
    for line in speaker_lines:
        text(line, MARGIN, y, 30, fontcolor="white@0.9")
        y += 42
    if card:
        # The elapsed time, updated every frame: "0:07 / 0:34".
        text(
            f"%{{eif:floor(t/60):d}}:%{{eif:mod(floor(t),60):d:2}} / {clock(duration)}",
            MARGIN,
            616,
            26,
            fontcolor="white@0.8",
            expansion="normal",
        )

    bar_width = WIDTH - 2 * MARGIN
    d = f"{duration:.3f}"
    graph = ";".join(
        [
            f"color=c={BACKGROUND}:s={WIDTH}x{HEIGHT}:r={FPS}:d={d},format=yuv420p,"
            + ",".join([f"drawbox=x={MARGIN}:y={rule_y}:w=120:h=4:color={ACCENT}:t=fill", *texts])
            + "[card]",
            f"color=c={TRACK}:s={bar_width}x6:r={FPS}:d={d}[track]",
            f"color=c=white:s={bar_width}x6:r={FPS}:d={d}[fill]",
            # The line fills from left to right over the whole video: about 30 pixels a second.
            f"[track][fill]overlay=x='-w+W*t/{d}':y=0:eval=frame[progress]",
            f"[card][progress]overlay=x={MARGIN}:y=670:eval=init,format=yuv420p[v]",
        ]
    )
    path = work / "graph.txt"
    path.write_text(graph, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# Output


def video_file(item_id: str, language: Language) -> str:
    return f"media/{item_id}{language.video_suffix}.mp4"


def captions_file(item_id: str, language: Language) -> str:
    return f"captions/{item_id}.{language.code}.vtt"


def poster_file(item_id: str) -> str:
    return f"media/{item_id}.png"


def media_keys(item_id: str) -> dict[str, Any]:
    """The item's keys that this script owns, as the YAML has them after it ran."""
    return {
        "file": {language.code: video_file(item_id, language) for language in LANGUAGES},
        "poster": poster_file(item_id),
        "captions": {language.code: captions_file(item_id, language) for language in LANGUAGES},
    }


def shown(path: Path) -> str:
    """A path as the person running the script reads it: from the project folder when inside it."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def size_text(size: int) -> str:
    return f"{size / 1024:.1f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.2f} MB"


def install(made: Path, target: Path, note: str = "") -> None:
    """Move a made file into place, saying whether it changed."""
    status = "unchanged" if target.exists() and target.read_bytes() == made.read_bytes() else "made"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(made), str(target))
    extra = f", {note}" if note else ""
    print(f"  {status:9} {shown(target)}  ({size_text(target.stat().st_size)}{extra})")


def make(item: VideoItem, content: Path) -> None:
    # Every narration first: a fact check that fails leaves no language half made.
    narrations = {language.code: narration_for(item, language) for language in LANGUAGES}
    print(f"{item.id}:")
    for language in LANGUAGES:
        note = translation_note(item, language)
        if note:
            print(f"  note: {note}")
    with tempfile.TemporaryDirectory(prefix="stand-in-") as folder:
        work = Path(folder)
        for language in LANGUAGES:
            make_version(item, language, narrations[language.code], content, work / language.code)
        # One poster: `poster:` is one file for every language (kiosk/core/model.py), so it has no words.
        poster = work / "poster.png"
        graph = filter_graph(None, 1.0, work / "poster")
        run(
            [
                *FFMPEG,
                *("-filter_complex_script", str(graph), "-map", "[v]", "-frames:v", "1"),
                *("-pix_fmt", "rgb24", *BITEXACT[2:6], str(poster)),
            ]
        )
        install(poster, content / poster_file(item.id))
    set_media_keys(item, content)


def make_version(
    item: VideoItem, language: Language, sentences: list[str], content: Path, work: Path
) -> None:
    """The item's video and captions in one language."""
    work.mkdir(parents=True)
    narration, spans, duration = synthesise(sentences, language, work)
    if not DURATION_RANGE[0] <= duration <= DURATION_RANGE[1]:
        print(
            f"  warning: the {language.name} version's {duration:.1f} s is outside "
            f"{DURATION_RANGE[0]:.0f}-{DURATION_RANGE[1]:.0f} s"
        )
    speaker = item.speaker(language)
    card = TitleCard(
        stand_in_line=language.stand_in_line,
        title=item.title(language),
        speaker_line=language.speaker_line.format(speaker=speaker) if speaker else None,
    )
    graph = filter_graph(card, duration, work)
    video = work / "video.mp4"
    run(
        [
            *FFMPEG,
            *("-i", str(narration)),
            *("-filter_complex_script", str(graph), "-map", "[v]", "-map", "0:a"),
            *VIDEO_ARGS,
            *AUDIO_ARGS,
            *BITEXACT,
            *("-metadata", f"title={card.title} ({language.stand_in_word})"),
            *(
                "-metadata",
                "comment=Stand-in made by the Fair Migration Kiosk project; not the original video",
            ),
            *("-metadata:s:a:0", f"language={language.sound_language}"),
            *("-t", f"{duration:.3f}", "-movflags", "+faststart", str(video)),
        ]
    )
    captions = work / "captions.vtt"
    captions.write_text(webvtt(item, language, sentences, spans), encoding="utf-8")

    if video.stat().st_size >= SIZE_LIMIT:
        raise Failure(
            f"{item.id}: the {language.name} video is {size_text(video.stat().st_size)}, "
            f"over the {size_text(SIZE_LIMIT)} limit"
        )
    install(video, content / video_file(item.id, language), f"{language.name}, {probe_duration(video):.1f} s")
    install(captions, content / captions_file(item.id, language), f"{len(sentences)} sentences")


# ---------------------------------------------------------------------------------------------
# The manifest: edited as text, so comments and formatting stay


def media_key_lines(item_id: str, indent: str) -> list[str]:
    lines: list[str] = []
    for key, value in media_keys(item_id).items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:\n")
            lines += [f"{indent}  {code}: {path}\n" for code, path in value.items()]
        else:
            lines.append(f"{indent}{key}: {value}\n")
    return lines


def set_media_keys(item: VideoItem, content: Path) -> None:
    manifest = item.manifest
    original = manifest.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if re.fullmatch(rf"(\s*)- id: {re.escape(item.id)}\s*", line)]
    if len(starts) != 1:
        raise Failure(f"cannot find the line '- id: {item.id}' in {shown(manifest)}")
    start = starts[0]
    indent = " " * (len(lines[start]) - len(lines[start].lstrip()) + 2)
    # The item's lines: up to the first line that is neither blank nor indented as deep as its keys.
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith(indent)):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1

    def key_block(key: str) -> tuple[int, int] | None:
        for i in range(start + 1, end):
            if re.match(rf"{indent}{key}:", lines[i]):
                j = i + 1
                while j < end and lines[j].startswith(indent + " "):
                    j += 1
                return i, j
        return None

    expected = media_keys(item.id)
    # Take out the keys this script owns, then put them back after `stand_in:`.
    for key in expected:
        block = key_block(key)
        if block:
            del lines[block[0] : block[1]]
            end -= block[1] - block[0]
    anchor = key_block("stand_in")
    if anchor is None:
        raise Failure(f"'{item.id}' in {shown(manifest)} has no 'stand_in:' line")
    lines[anchor[1] : anchor[1]] = media_key_lines(item.id, indent)
    edited = "".join(lines)

    # The edit must change these three keys of this item and nothing else.
    before, after = yaml.safe_load(original), yaml.safe_load(edited)
    found = find_item(after, item.id)
    if found is None or {k: found.get(k) for k in expected} != expected:
        raise Failure(f"editing {shown(manifest)} went wrong; the file was left as it was")
    for key in expected:
        found.pop(key)
        old = find_item(before, item.id)
        assert old is not None
        old.pop(key, None)
    if before != after:
        raise Failure(f"editing {shown(manifest)} would change other keys; the file was left as it was")

    relative = shown(manifest)
    if edited == original:
        print(f"  unchanged {relative}: file, poster and captions of '{item.id}'")
    else:
        manifest.write_text(edited, encoding="utf-8")
        print(f"  updated   {relative}: file, poster and captions of '{item.id}'")


def find_item(data: Any, item_id: str) -> dict[str, Any] | None:
    for item in (data or {}).get("items") or []:
        if item.get("id") == item_id:
            return item  # type: ignore[no-any-return]
        inner = find_item(item, item_id)
        if inner is not None:
            return inner
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ids", nargs="*", help="only these item ids (default: every stand-in video)")
    parser.add_argument("--content", type=Path, default=CONTENT, help="the content folder")
    args = parser.parse_args()
    content: Path = args.content.resolve()
    try:
        require_tools()
        items = stand_in_videos(content)
        unknown = set(args.ids) - {item.id for item in items}
        if unknown:
            raise Failure(f"not a stand-in video item: {', '.join(sorted(unknown))}")
        for item in items:
            if not args.ids or item.id in args.ids:
                make(item, content)
    except Failure as failure:
        print(f"make_stand_ins: {failure}", file=sys.stderr)
        return 1
    print(f"Done: {len(items) if not args.ids else len(args.ids)} stand-in video(s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
