"""Make the kiosk's stand-in videos: a narrated title card, its captions and its poster.

The bundled content points to videos that this project may not redistribute (the ITUC, IOE and ILO
recordings linked from the ILO page "Fair migration agenda"). For every video item marked
`stand_in: true` in content/sections/*.yaml, this script makes

    content/media/<item-id>.mp4          H.264/AAC, 1280x720, 25 fps, a calm title card with a progress
                                         line and the elapsed time, narrated by espeak-ng
    content/media/<item-id>.png          the poster: the title card's first frame
    content/captions/<item-id>.en.vtt    WebVTT captions, timed from the narration's own audio

and sets the item's `file:`, `poster:` and `captions:` keys to those files (while an item is a stand-in,
the script owns those three keys and rewrites them, placed after `stand_in:`). It edits the YAML as text,
so comments and formatting stay as they are. Running it again gives the same files (the encoders run
in bit-exact mode); files that did not change are reported as "unchanged".

    uv run python scripts/make_stand_ins.py            # every stand-in
    uv run python scripts/make_stand_ins.py ITEM-ID    # only these items

Needs the system tools ffmpeg (with libx264 and drawtext) and espeak-ng:
    apt-get install -y ffmpeg espeak-ng

The narration says only what the content files say. For the bundled items it is written out below
(NARRATIONS), with the facts it relies on: if an editor changes the content so that one of those
facts is no longer in the item's text, the script stops and asks for the narration to be updated.
Other stand-in items get a plain narration built from their title and speaker.

Replacing a stand-in with the licensed original
-----------------------------------------------
An organisation that holds a licence for an original video needs no change to the software:

1. Put the file in content/media/, e.g. content/media/ituc-burrow-original.mp4 (MP4 with H.264/AAC,
   or WebM with VP9/Opus).
2. In the item's section file (content/sections/*.yaml), point `file:` to it
   (`file: media/ituc-burrow-original.mp4`) and set `stand_in: false`.
3. Replace the captions: put the original's WebVTT or SRT file in content/captions/ and point
   `captions:` to it (one entry per language, e.g. `en:` and `fr:`). Remove the `captions:` key if
   there are none; the stand-in's captions describe the stand-in, not the original.
4. Replace `poster:` with a still from the original, or remove the key.
5. Run `uv run kiosk validate`; it must report the content as valid.

Once `stand_in` is false this script leaves the item alone. The old stand-in files may be deleted.
"""

from __future__ import annotations

import argparse
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
STAND_IN_LINE = "Stand-in video — the original is not stored on this kiosk"

# Sound: espeak-ng's British English voice at a moderate 150 words a minute.
VOICE, WORDS_PER_MINUTE = "en-gb", 150
LEAD_IN, PAUSE, TAIL = 0.8, 0.6, 1.6  # seconds of silence before, between and after sentences
# Said differently from how it is written; the captions show the written form.
PRONOUNCE = {"ITUC": "I T U C"}

# Captions
LINE_LENGTH = 42  # characters; a cue has one or two lines
# A line or cue reads badly when it ends on one of these words.
WEAK_ENDINGS = {
    "a",
    "about",
    "an",
    "and",
    "by",
    "for",
    "from",
    "in",
    "is",
    "its",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
}


def inside_quotes(words: list[str]) -> bool:
    """True when a break after these words would cut a quoted title in two."""
    text = " ".join(words)
    return text.count("“") > text.count("”")


# Encoding: small files of a still picture and a voice.
VIDEO_ARGS = (
    "-c:v libx264 -profile:v main -preset slow -crf 33 -tune stillimage -pix_fmt yuv420p "
    f"-g {FPS * 5} -r {FPS}"
).split()
AUDIO_ARGS = ["-c:a", "aac", "-b:a", "48k", "-ac", "1", "-ar", "44100"]
BITEXACT = ["-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact"]
DURATION_RANGE = (25.0, 45.0)
SIZE_LIMIT = 2 * 1024 * 1024


@dataclass(frozen=True)
class Narration:
    sentences: list[str]
    facts: list[str]  # phrases the sentences rely on, each found in the item's text


NARRATIONS: dict[str, Narration] = {
    "ituc-video-sharan-burrow": Narration(
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
    "ioe-video-brent-wilton": Narration(
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
    "voices-testimonies-video": Narration(
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
    "dg-video-november-2014": Narration(
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
}


# ---------------------------------------------------------------------------------------------
# Content


@dataclass
class VideoItem:
    id: str
    title: str
    speaker: str | None
    url: str | None
    text: str  # every text of the item a visitor can read, for checking the narration's facts
    manifest: Path


def english(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("en")
    return " ".join(str(value).split()) if value else None


def stand_in_videos(content: Path) -> list[VideoItem]:
    found: list[VideoItem] = []

    def walk(items: list[dict[str, Any]], manifest: Path) -> None:
        for item in items or []:
            if item.get("kind") == "collection":
                walk(item.get("items") or [], manifest)
            if item.get("kind") != "video" or item.get("stand_in") is not True:
                continue
            parts = [english(item.get(key)) for key in ("title", "summary", "speaker", "body")]
            body_file = english(item.get("body_file"))
            if body_file:
                parts.append((content / body_file).read_text(encoding="utf-8"))
            found.append(
                VideoItem(
                    id=item["id"],
                    title=english(item["title"]) or item["id"],
                    speaker=english(item.get("speaker")),
                    url=item.get("url"),
                    text=" ".join(" ".join(p.split()) for p in parts if p),
                    manifest=manifest,
                )
            )

    for manifest in sorted((content / "sections").glob("*.yaml")):
        data = yaml.safe_load(manifest.read_text(encoding="utf-8")) or {}
        walk(data.get("items") or [], manifest)
    return found


def narration_for(item: VideoItem) -> list[str]:
    known = NARRATIONS.get(item.id)
    if known is None:
        sentences = [f"This is a stand-in for the video “{item.title}”."]
        if item.speaker:
            sentences.append(f"The speaker is {item.speaker}.")
        sentences.append("The original recording is not stored on this kiosk.")
        if item.url:
            sentences.append("Scan the QR code to open the page linked to this video.")
        return sentences
    missing = [fact for fact in known.facts if fact not in item.text]
    if missing:
        raise Failure(
            f"the narration for '{item.id}' relies on text that is no longer in the item "
            f"({shown(item.manifest)} and its body file): "
            + "; ".join(f"“{fact}”" for fact in missing)
            + ". Update NARRATIONS in scripts/make_stand_ins.py to match the content."
        )
    return known.sentences


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


def probe_duration(path: Path) -> float:
    out = run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)])
    return float(out.stdout.strip())


# ---------------------------------------------------------------------------------------------
# Narration and captions


def spoken(sentence: str) -> str:
    for written, said in PRONOUNCE.items():
        sentence = re.sub(rf"\b{re.escape(written)}\b", said, sentence)
    return sentence


def synthesise(sentences: list[str], work: Path) -> tuple[Path, list[tuple[float, float]], float]:
    """One WAV of all sentences with pauses, each sentence's (start, end) in seconds, and the length."""
    pieces: list[bytes] = []
    params = None
    for index, sentence in enumerate(sentences):
        wav = work / f"sentence-{index}.wav"
        run(["espeak-ng", "-v", VOICE, "-s", str(WORDS_PER_MINUTE), "-w", str(wav), spoken(sentence)])
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


def two_lines(text: str) -> list[str] | None:
    """The text on one line, or on two lines of about equal length; None if it does not fit."""
    if len(text) <= LINE_LENGTH:
        return [text]
    words = text.split(" ")
    best: tuple[float, list[str]] | None = None
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        if len(first) <= LINE_LENGTH and len(second) <= LINE_LENGTH:
            cost = max(len(first), len(second)) + (12 if words[cut - 1].lower() in WEAK_ENDINGS else 0)
            cost += 8 if inside_quotes(words[:cut]) else 0
            if re.search(r"[,;:—]$", first):
                cost -= 6
            if best is None or cost < best[0]:
                best = (cost, [first, second])
    return best[1] if best else None


def cue_texts(sentence: str) -> list[list[str]]:
    """Split a sentence into as few cues as fit (two lines of LINE_LENGTH), of about equal length,
    breaking after punctuation where it can."""
    words = sentence.split()
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
                    if two_lines(chunk) is None:
                        continue
                    cost = (len(chunk) - target) ** 2
                    if i < len(words) and not re.search(r"[,;:—”]$", words[i - 1]):
                        cost += (target / 3) ** 2
                    if i < len(words) and words[i - 1].lower() in WEAK_ENDINGS:
                        cost += (target / 2) ** 2
                    if i < len(words) and inside_quotes(words[:i]):
                        cost += (target / 2) ** 2
                    total = best[(j, k - 1)][0] + cost
                    if (i, k) not in best or total < best[(i, k)][0]:
                        best[(i, k)] = (total, [*best[(j, k - 1)][1], i])
        if (len(words), count) in best:
            cuts = [0, *best[(len(words), count)][1]]
            chunks = [" ".join(words[a:b]) for a, b in itertools.pairwise(cuts)]
            return [two_lines(chunk) or [chunk] for chunk in chunks]
    raise Failure(f"a word in this sentence is longer than a caption line: {sentence}")


def timestamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def webvtt(item: VideoItem, sentences: list[str], spans: list[tuple[float, float]]) -> str:
    lines = [
        "WEBVTT",
        "",
        "NOTE",
        f"Captions of the kiosk's stand-in video for '{item.id}', made by scripts/make_stand_ins.py.",
        "They follow the stand-in's narration, not the original video.",
        "",
    ]
    number = 0
    for sentence, (start, end) in zip(sentences, spans, strict=True):
        cues = cue_texts(sentence)
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


def wrap_to_width(text: str, size: int, em: float, width: int = WIDTH - 2 * MARGIN) -> list[str]:
    """Wrap text for drawtext, estimating Noto Sans's average character width as `em` of the size."""
    return textwrap.wrap(text, max(10, int(width / (size * em))), break_on_hyphens=False)


def clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def filter_graph(item: VideoItem, duration: float, work: Path) -> str:
    """A filter graph drawing the title card on a colour source; it outputs [v]."""
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

    text(
        STAND_IN_LINE, MARGIN, 84, 26, fontcolor="white@0.92", box="1", boxcolor="white@0.14", boxborderw="14"
    )
    title_size = 50
    title_lines = wrap_to_width(item.title, title_size, 0.56)
    if len(title_lines) > 3:
        title_size = 42
        title_lines = wrap_to_width(item.title, title_size, 0.56)
    title_step = round(title_size * 1.3)
    speaker_lines = wrap_to_width(f"Speaker: {item.speaker}", 30, 0.52)[:3] if item.speaker else []
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
    return ";".join(
        [
            f"color=c={BACKGROUND}:s={WIDTH}x{HEIGHT}:r={FPS}:d={d},format=yuv420p,"
            f"drawbox=x={MARGIN}:y={rule_y}:w=120:h=4:color={ACCENT}:t=fill," + ",".join(texts) + "[card]",
            f"color=c={TRACK}:s={bar_width}x6:r={FPS}:d={d}[track]",
            f"color=c=white:s={bar_width}x6:r={FPS}:d={d}[fill]",
            # The line fills from left to right over the whole video: about 30 pixels a second.
            f"[track][fill]overlay=x='-w+W*t/{d}':y=0:eval=frame[progress]",
            f"[card][progress]overlay=x={MARGIN}:y=670:eval=init,format=yuv420p[v]",
        ]
    )


# ---------------------------------------------------------------------------------------------
# Output


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
    sentences = narration_for(item)
    print(f"{item.id}:")
    with tempfile.TemporaryDirectory(prefix="stand-in-") as folder:
        work = Path(folder)
        narration, spans, duration = synthesise(sentences, work)
        if not DURATION_RANGE[0] <= duration <= DURATION_RANGE[1]:
            print(f"  warning: {duration:.1f} s is outside {DURATION_RANGE[0]:.0f}-{DURATION_RANGE[1]:.0f} s")
        graph = work / "graph.txt"
        graph.write_text(filter_graph(item, duration, work), encoding="utf-8")

        video = work / "video.mp4"
        ffmpeg = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y"]
        graph_args = ["-filter_complex_script", str(graph), "-map", "[v]"]
        run(
            [
                *ffmpeg,
                "-i",
                str(narration),
                *graph_args,
                "-map",
                "0:a",
                *VIDEO_ARGS,
                *AUDIO_ARGS,
                *BITEXACT,
                *("-metadata", f"title={item.title} (stand-in)"),
                *(
                    "-metadata",
                    "comment=Stand-in made by the Fair Migration Kiosk project; not the original video",
                ),
                "-t",
                f"{duration:.3f}",
                "-movflags",
                "+faststart",
                str(video),
            ]
        )
        poster = work / "poster.png"
        # The poster is the same graph's first frame, rendered without lossy compression.
        run([*ffmpeg, *graph_args, "-frames:v", "1", "-pix_fmt", "rgb24", *BITEXACT[2:6], str(poster)])
        captions = work / "captions.vtt"
        captions.write_text(webvtt(item, sentences, spans), encoding="utf-8")

        if video.stat().st_size >= SIZE_LIMIT:
            raise Failure(f"{item.id}: the video is {size_text(video.stat().st_size)}, over the 2 MB limit")
        install(video, content / "media" / f"{item.id}.mp4", f"{probe_duration(video):.1f} s")
        install(poster, content / "media" / f"{item.id}.png")
        install(captions, content / "captions" / f"{item.id}.en.vtt", f"{len(sentences)} sentences")
    set_media_keys(item, content)


# ---------------------------------------------------------------------------------------------
# The manifest: edited as text, so comments and formatting stay


def media_keys(item_id: str, indent: str) -> list[str]:
    return [
        f"{indent}file: media/{item_id}.mp4\n",
        f"{indent}poster: media/{item_id}.png\n",
        f"{indent}captions:\n",
        f"{indent}  en: captions/{item_id}.en.vtt\n",
    ]


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

    # Take out the keys this script owns, then put them back after `stand_in:`.
    for key in ("file", "poster", "captions"):
        block = key_block(key)
        if block:
            del lines[block[0] : block[1]]
            end -= block[1] - block[0]
    anchor = key_block("stand_in")
    if anchor is None:
        raise Failure(f"'{item.id}' in {shown(manifest)} has no 'stand_in:' line")
    lines[anchor[1] : anchor[1]] = media_keys(item.id, indent)
    edited = "".join(lines)

    # The edit must change these three keys of this item and nothing else.
    before, after = yaml.safe_load(original), yaml.safe_load(edited)
    found = find_item(after, item.id)
    expected = {
        "file": f"media/{item.id}.mp4",
        "poster": f"media/{item.id}.png",
        "captions": {"en": f"captions/{item.id}.en.vtt"},
    }
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
