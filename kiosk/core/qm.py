"""Qt's compiled translation format (.qm), written without Qt or lrelease.

A content folder's own words must reach the visitor on an installed kiosk too, and the packaged app
ships no lrelease (the bundled catalogues are compiled at build time). QTranslator reads a .qm as a
magic number and tagged blocks: the messages (each its translations in UTF-16, then its source text,
comment and context in UTF-8), a table of (hash, offset) pairs sorted by hash that it binary-searches,
the plural rules of the language and the language's name. Only what QTranslator reads is written;
tests/ui/test_app_words.py checks that every message of the bundled catalogues comes back from it as
from lrelease's file.
"""

from __future__ import annotations

import struct

from kiosk.core.appwords import Catalogue
from kiosk.core.plurals import plural_forms, plural_rules

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_HASHES, _MESSAGES, _NUMERUS_RULES, _LANGUAGE = 0x42, 0x69, 0x88, 0xA7
_END, _TRANSLATION, _SOURCE, _CONTEXT, _COMMENT = 0x01, 0x03, 0x06, 0x07, 0x08


def elf_hash(data: bytes) -> int:
    """QTranslator's hash of a message's source text and comment (the ELF hash; never 0)."""
    value = 0
    for byte in data:
        value = ((value << 4) + byte) & 0xFFFFFFFF
        high = value & 0xF0000000
        if high:
            value ^= high >> 24
        value &= ~high & 0xFFFFFFFF
    return value or 1


def _block(tag: int, data: bytes) -> bytes:
    """A tag byte, a big-endian length, the data: both the file's blocks and a message's fields."""
    return struct.pack(">BI", tag, len(data)) + data


def compile_qm(catalogue: Catalogue, language: str) -> bytes:
    """The .qm of `catalogue` for `language` (whose plural rules it carries). As lrelease does, a
    message with no translation at all is left out, so the next catalogue down answers for it, and a
    %n text keeps only the forms the language has."""
    forms_wanted = plural_forms(language)
    messages = bytearray()
    table: list[tuple[int, int]] = []
    for message in catalogue.messages:
        if message.obsolete or not any(text.strip() for text in message.translations):
            continue
        text = message.text
        translations = message.translations[:forms_wanted] if text.numerus else message.translations[:1]
        offset = len(messages)
        for translation in translations:
            messages += _block(_TRANSLATION, translation.encode("utf-16-be"))
        source = text.source.encode("utf-8")
        comment = text.comment.encode("utf-8")
        messages += _block(_SOURCE, source)
        if comment:
            messages += _block(_COMMENT, comment)
        messages += _block(_CONTEXT, text.context.encode("utf-8"))
        messages += bytes([_END])
        table.append((elf_hash(source + comment), offset))
    table.sort(key=lambda entry: entry[0])
    out = bytearray(MAGIC)
    if table:
        out += _block(_HASHES, b"".join(struct.pack(">II", hashed, offset) for hashed, offset in table))
        out += _block(_MESSAGES, bytes(messages))
    rules = plural_rules(language)
    if rules:
        out += _block(_NUMERUS_RULES, rules)
    out += _block(_LANGUAGE, language.replace("-", "_").encode("ascii", "replace"))
    return bytes(out)
