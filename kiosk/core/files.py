"""Checks on the files a manifest points to: inside the content folder, present, and of the right type."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath


@dataclass(frozen=True)
class FileType:
    name: str
    extensions: tuple[str, ...]

    def looks_right(self, head: bytes, extension: str) -> bool:
        return _SNIFFERS[self.name](head, extension)


SNIFF_BYTES = 4096


def _is_utf8_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A read of SNIFF_BYTES may cut a multi-byte character in half at its end; a shorter
        # read is the whole file and has no such excuse.
        return len(head) == SNIFF_BYTES and exc.start >= len(head) - 3
    return b"\x00" not in head


def _sniff_video(head: bytes, extension: str) -> bool:
    if extension == ".webm":
        return head.startswith(b"\x1a\x45\xdf\xa3")
    return head[4:8] == b"ftyp"


def _sniff_image(head: bytes, extension: str) -> bool:
    if extension == ".png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    return head.startswith(b"\xff\xd8\xff")


def _sniff_logo(head: bytes, extension: str) -> bool:
    if extension == ".png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    # An SVG is XML text; kiosk.core.brand reads the whole of it.
    return _is_utf8_text(head) and head.decode("utf-8", errors="ignore").lstrip("\ufeff").lstrip()[:1] == "<"


def _sniff_captions(head: bytes, extension: str) -> bool:
    if not _is_utf8_text(head):
        return False
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff").lstrip()
    if extension == ".vtt":
        return text.startswith("WEBVTT")
    first_line = text.split("\n", 1)[0].strip()
    return first_line.isdigit()


_SNIFFERS: dict[str, Callable[[bytes, str], bool]] = {
    "video": _sniff_video,
    "image": _sniff_image,
    "pdf": lambda head, _ext: b"%PDF-" in head[:1024],
    "captions": _sniff_captions,
    "logo": _sniff_logo,
    "markdown": lambda head, _ext: _is_utf8_text(head),
}

VIDEO = FileType("video", (".mp4", ".m4v", ".webm"))
IMAGE = FileType("image", (".png", ".jpg", ".jpeg"))
PDF = FileType("pdf", (".pdf",))
CAPTIONS = FileType("captions", (".vtt", ".srt"))
MARKDOWN = FileType("markdown", (".md",))
LOGO = FileType("logo", (".svg", ".png"))


def check_content_file(root: Path, relative: str, expected: FileType) -> str | None:
    """None when `relative` is a usable file of the expected type, else what is wrong, in words."""
    if "\\" in relative:
        return f"'{relative}': use '/' between folders, not '\\'"
    posix = PurePosixPath(relative)
    if posix.is_absolute() or PureWindowsPath(relative).drive:
        return f"'{relative}' must be relative to the content folder, not an absolute path"
    if ".." in posix.parts:
        return f"'{relative}' points outside the content folder ('..' is not allowed)"
    candidate = root / posix
    try:
        resolved = candidate.resolve()
        inside = resolved.is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return f"'{relative}' cannot be resolved (a symbolic link loop?)"
    if not inside:
        return f"'{relative}' leads outside the content folder through a symbolic link"
    if not candidate.exists():
        return f"file not found: '{relative}'" + _near_miss(candidate, relative, expected)
    if not candidate.is_file():
        return f"'{relative}' is a folder, not a file"
    extension = posix.suffix.lower()
    if extension not in expected.extensions:
        wanted = " or ".join(expected.extensions)
        return (
            f"'{relative}' should be a {expected.name} file ({wanted}), not '{extension or 'no extension'}'"
        )
    try:
        with candidate.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError as exc:
        return f"'{relative}' cannot be read: {exc.strerror or exc}"
    if not head:
        return f"'{relative}' is empty"
    if not expected.looks_right(head, extension):
        if expected.name in ("markdown", "captions") and not _is_utf8_text(head):
            return f"'{relative}' is not UTF-8 text (save it as UTF-8)"
        if extension == ".vtt":
            return f"'{relative}' is not a WebVTT file: its first line must be 'WEBVTT'"
        return f"'{relative}' is not a valid {extension[1:].upper()} file (its content does not match)"
    return None


def _near_miss(candidate: Path, relative: str, expected: FileType) -> str:
    try:
        # Only files that would be accepted here: a poster is no answer to a missing video.
        siblings = [p.name for p in candidate.parent.iterdir() if p.suffix.lower() in expected.extensions]
    except OSError:
        return ""
    close = difflib.get_close_matches(candidate.name, siblings, n=1)
    if not close:
        return ""
    return f" (did you mean '{PurePosixPath(relative).parent / close[0]}'?)"
