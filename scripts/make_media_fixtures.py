"""Make the small media files the tests use, good and deliberately broken, in tests/fixtures/media/.

    uv run python scripts/make_media_fixtures.py

The outputs are committed; tests read them and never run this script. Run it again only to change a
fixture, then check the README in that folder still describes each file. Every output is made the
same way each time (bit-exact encoders, a fixed random seed, qpdf's static ids), so running it again
without changes leaves the files as they are.

Needs the system tools ffmpeg (with libx264, libvpx-vp9, libopus, and libaom-av1 or libsvtav1) and
qpdf:
    apt-get install -y ffmpeg qpdf

After making the files, it probes each media file with ffprobe and decodes it in full with ffmpeg,
and prints what each tool says.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _tools import Failure, run  # scripts/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "media"

SEED = 20141202
SIZE = "160x90"
FPS = 25
SECONDS = 2
# A dark blue card with a white square moving left to right, so any two frames differ.
PICTURE = [
    *("-f", "lavfi", "-i", f"color=c=0x0A4F8F:s={SIZE}:r={FPS}:d={SECONDS}"),
    *("-f", "lavfi", "-i", f"color=c=white:s=16x16:r={FPS}:d={SECONDS}"),
    *("-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=48000:duration={SECONDS}"),
    *("-filter_complex", "[0][1]overlay=x='8+t*64':y=37:eval=frame,format=yuv420p[v];[2]volume=0.2[a]"),
    *("-map", "[v]", "-map", "[a]", "-t", str(SECONDS)),
]
BITEXACT = ["-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact"]
H264_AAC = [
    "-c:v",
    "libx264",
    "-profile:v",
    "main",
    "-preset",
    "slow",
    "-crf",
    "35",
    "-pix_fmt",
    "yuv420p",
    "-c:a",
    "aac",
    "-b:a",
    "24k",
    "-ac",
    "1",
]
VP9_OPUS = [
    "-c:v",
    "libvpx-vp9",
    "-crf",
    "50",
    "-b:v",
    "0",
    "-deadline",
    "good",
    "-cpu-used",
    "4",
    "-row-mt",
    "0",
    "-threads",
    "1",
    "-c:a",
    "libopus",
    "-b:a",
    "16k",
    "-ac",
    "1",
]

VTT = """WEBVTT

1
00:00:00.000 --> 00:00:00.600
First cue

2
00:00:00.700 --> 00:00:01.300
Second cue,
on two lines

3
00:00:01.400 --> 00:00:02.000
Third cue: migration équitable
"""

SRT = """1
00:00:00,000 --> 00:00:00,600
First cue

2
00:00:00,700 --> 00:00:01,300
Second cue,
on two lines

3
00:00:01,400 --> 00:00:02,000
Third cue: migration équitable
"""

# No "WEBVTT" header, and timestamps a WebVTT parser cannot read.
BAD_VTT = """1
00:00:00 -> 00:00:01
A cue without a header

2
00:00:1.5 --> 2
Broken timestamps
"""

# A valid header, but cues whose timestamps are broken (for parsers that pass the header check).
BAD_TIMESTAMPS_VTT = """WEBVTT

00:00:00.000 --> 00:00:00,600
A comma instead of a dot

00:00:01.x00 --> 00:00:02.000
A letter in the milliseconds

00:00:02.000 00:00:03.000
No arrow
"""


def ffmpeg(*args: str) -> None:
    run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *args])


def av1_encoder() -> list[str]:
    encoders = run(["ffmpeg", "-hide_banner", "-encoders"]).stdout
    if "libaom-av1" in encoders:
        return [
            "-c:v",
            "libaom-av1",
            "-crf",
            "50",
            "-b:v",
            "0",
            "-cpu-used",
            "8",
            "-row-mt",
            "0",
            "-threads",
            "1",
        ]
    if "libsvtav1" in encoders:
        return ["-c:v", "libsvtav1", "-crf", "50", "-preset", "10"]
    raise Failure("this ffmpeg has no AV1 encoder (libaom-av1 or libsvtav1)")


def minimal_pdf() -> bytes:
    """A valid one-page PDF with one line of text, written by hand."""
    stream = b"BT /F1 24 Tf 20 60 Td (Fixture) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 120] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def same_document(existing: Path, fresh: Path, work: Path) -> bool:
    """True when both files are encrypted the same way, open with the user password and, decrypted,
    hold the same document."""
    if not existing.exists():
        return False
    decrypted = []
    for number, source in enumerate((existing, fresh)):
        shown = subprocess.run(
            ["qpdf", "--password=user", "--show-encryption", str(source)],
            capture_output=True,
            text=True,
            check=False,
        )
        target = work / f"decrypted-{number}.pdf"
        opened = subprocess.run(
            [
                "qpdf",
                "--password=user",
                "--qdf",
                "--object-streams=disable",
                "--static-id",
                "--decrypt",
                str(source),
                str(target),
            ],
            capture_output=True,
            check=False,
        )
        if shown.returncode != 0 or "not encrypted" in shown.stdout or opened.returncode not in (0, 3):
            return False
        decrypted.append((shown.stdout, target.read_bytes()))
    return decrypted[0] == decrypted[1]


def write_if_changed(path: Path, data: bytes) -> None:
    status = "unchanged" if path.exists() and path.read_bytes() == data else "made"
    path.write_bytes(data)
    print(f"  {status:9} {path.relative_to(ROOT)}  ({len(data):,} bytes)")


def make(work: Path) -> None:
    rng = random.Random(SEED)

    ffmpeg(*PICTURE, *H264_AAC, *BITEXACT, "-movflags", "+faststart", str(work / "ok.mp4"))
    ffmpeg(*PICTURE, *H264_AAC, *BITEXACT, str(work / "moov-at-end.mp4"))
    ffmpeg(*PICTURE, *VP9_OPUS, *BITEXACT, str(work / "ok.webm"))
    ffmpeg(
        *PICTURE,
        *av1_encoder(),
        "-c:a",
        "aac",
        "-b:a",
        "24k",
        "-ac",
        "1",
        *BITEXACT,
        "-movflags",
        "+faststart",
        str(work / "av1.mp4"),
    )

    ok_mp4 = (work / "ok.mp4").read_bytes()
    ok_webm = (work / "ok.webm").read_bytes()
    moov_at_end = (work / "moov-at-end.mp4").read_bytes()
    write_if_changed(OUT / "ok.mp4", ok_mp4)
    write_if_changed(OUT / "ok.webm", ok_webm)
    write_if_changed(OUT / "truncated.mp4", ok_mp4[: len(ok_mp4) * 40 // 100])
    write_if_changed(OUT / "truncated-no-moov.mp4", moov_at_end[: len(moov_at_end) * 40 // 100])
    write_if_changed(OUT / "truncated.webm", ok_webm[: len(ok_webm) * 40 // 100])
    write_if_changed(OUT / "av1.mp4", (work / "av1.mp4").read_bytes())
    write_if_changed(OUT / "garbage.mp4", ok_mp4[:32] + rng.randbytes(4096))

    write_if_changed(OUT / "corrupt.pdf", b"%PDF-1.7\n" + rng.randbytes(1024))
    plain = work / "plain.pdf"
    plain.write_bytes(minimal_pdf())
    run(["qpdf", "--check", str(plain)])
    # AES-256 encryption draws a new random key each time, so an existing encrypted.pdf that opens
    # with the password and holds the same document is kept as it is.
    encrypted = work / "encrypted.pdf"
    run(
        [
            "qpdf",
            "--static-id",
            "--static-aes-iv",
            "--encrypt",
            "user",
            "owner",
            "256",
            "--",
            str(plain),
            str(encrypted),
        ]
    )
    if not same_document(OUT / "encrypted.pdf", encrypted, work):
        write_if_changed(OUT / "encrypted.pdf", encrypted.read_bytes())
    else:
        print(f"  {'unchanged':9} {(OUT / 'encrypted.pdf').relative_to(ROOT)}  (same document)")

    write_if_changed(OUT / "ok.en.vtt", VTT.encode())
    write_if_changed(OUT / "ok.en.srt", SRT.encode())
    write_if_changed(OUT / "bad.vtt", BAD_VTT.encode())
    write_if_changed(OUT / "bad-timestamps.vtt", BAD_TIMESTAMPS_VTT.encode())


def verify() -> None:
    """What ffprobe and a full decode say about each media file."""
    print("\nffprobe (codecs, duration) and a full decode with ffmpeg:")
    for path in sorted(OUT.glob("*.mp4")) + sorted(OUT.glob("*.webm")):
        probe = subprocess.run(
            [
                "ffprobe",
                "-v",
                "error",
                "-show_entries",
                "stream=codec_name:format=duration",
                "-of",
                "compact=p=0:nk=1",
                str(path),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if probe.returncode != 0:
            said = "REJECTED: " + (probe.stderr.strip().splitlines() or ["(no message)"])[-1]
        else:
            lines = probe.stdout.split()
            said = f"codecs {', '.join(lines[:-1]) or '(none)'}, duration {lines[-1] if lines else '?'} s"
            if probe.stderr.strip():
                said += f" (warnings: {probe.stderr.strip().splitlines()[-1]})"
        decode = subprocess.run(
            ["ffmpeg", "-hide_banner", "-v", "error", "-i", str(path), "-f", "null", "-"],
            capture_output=True,
            text=True,
            check=False,
        )
        errors = decode.stderr.strip().splitlines()
        decoded = (
            "decodes cleanly"
            if decode.returncode == 0 and not errors
            else (
                f"decode {'fails' if decode.returncode else 'reports errors'}: {errors[-1] if errors else ''}"
            )
        )
        print(f"  {path.name:22} {said}\n  {'':22} {decoded}")


def main() -> int:
    missing = [tool for tool in ("ffmpeg", "ffprobe", "qpdf") if shutil.which(tool) is None]
    if missing:
        print(
            f"make_media_fixtures: {', '.join(missing)} not found. Install them first, e.g.\n"
            "    sudo apt-get update && sudo apt-get install -y ffmpeg qpdf",
            file=sys.stderr,
        )
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"Fixtures in {OUT.relative_to(ROOT)}:")
    try:
        with tempfile.TemporaryDirectory(prefix="media-fixtures-") as folder:
            make(Path(folder))
    except Failure as failure:
        print(f"make_media_fixtures: {failure}", file=sys.stderr)
        return 1
    verify()
    return 0


if __name__ == "__main__":
    sys.exit(main())
