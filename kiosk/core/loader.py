"""Reading a content folder: every manifest parsed, validated and cross-checked, every problem collected.

The result is either compiled content (plain JSON-ready data the app renders from) or the complete list of
problems. Nothing here raises on bad input: an editor gets every problem at once, each with its place.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from kiosk.core import files
from kiosk.core.appwords import check_content_catalogues
from kiosk.core.model import (
    FALLBACK_LANGUAGE,
    ID_PATTERN,
    ITEM_KINDS,
    LOCALIZED_PATH_FIELDS,
    LOCALIZED_TEXT_FIELDS,
    Agenda,
    Collection,
    Document,
    Item,
    KioskSettings,
    Organisation,
    Section,
    Session,
    Video,
    all_field_names,
    kinds_with_field,
)
from kiosk.core.pages import COMPILED_FORMAT
from kiosk.core.problems import (
    LoadResult,
    MediaReference,
    Problem,
    Severity,
    TranslatableText,
    errors,
    format_field,
)
from kiosk.core.yamlpos import Path as DataPath
from kiosk.core.yamlpos import PositionedData, YamlSyntaxError, load_yaml

AGENDA_FILE = "agenda.yaml"
KIOSK_FILE = "kiosk.yaml"
SECTIONS_DIR = "sections"
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
DATE_FIELDS = {"reviewed", "expires"}


@dataclass
class _Manifest:
    relative: str
    positions: PositionedData
    model: BaseModel


class _Loader:
    def __init__(self, root: Path, today: datetime.date) -> None:
        self.root = root
        self.today = today
        self.problems: list[Problem] = []
        self.referenced: set[str] = set()
        self.media: list[MediaReference] = []
        self._known_keys = sorted(all_field_names())
        # Ids written in manifests that failed validation: a reference to one of them is not a
        # second error, only a consequence of the first.
        self.declared_section_ids: set[str] = set()
        self.declared_item_ids: set[str] = set()
        # Sessions of a conference programme, checked together once all are read.
        self.session_places: list[Any] = []

    def remember_ids_in_text(self, text: str) -> None:
        """A file that does not parse still names its ids: a reference to one is no second error."""
        for match in _ID_LINE.finditer(text):
            identifier = match.group(2)
            if match.group(1):
                self.declared_item_ids.add(identifier)
            else:
                self.declared_section_ids.add(identifier)

    def remember_declared_ids(self, data: dict[str, Any]) -> None:
        if isinstance(data.get("id"), str):
            self.declared_section_ids.add(data["id"])
        pending = list(data.get("items") or []) if isinstance(data.get("items"), list) else []
        while pending:
            raw = pending.pop()
            if isinstance(raw, dict):
                if isinstance(raw.get("id"), str):
                    self.declared_item_ids.add(raw["id"])
                if isinstance(raw.get("items"), list):
                    pending.extend(raw["items"])

    def problem(
        self,
        relative: str,
        position: tuple[int, int],
        path: DataPath,
        message: str,
        severity: Severity = Severity.ERROR,
    ) -> None:
        line, column = position
        self.problems.append(Problem(relative, line, column, format_field(path), message, severity))

    # -- reading one manifest -------------------------------------------------------------------

    def read_manifest(self, relative: str, model: type[BaseModel]) -> _Manifest | None:
        path = self.root / relative
        try:
            if path.stat().st_size > MAX_MANIFEST_BYTES:
                self.problem(relative, (1, 1), (), "file is too large for a manifest")
                return None
            raw = path.read_bytes()
        except OSError as exc:
            self.problem(relative, (1, 1), (), f"cannot be read: {exc.strerror or exc}")
            return None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            self.problem(relative, (line, column), (), "not UTF-8 text (save the file as UTF-8)")
            if model is Section:
                self.remember_ids_in_text(raw.decode("utf-8", errors="replace"))
            return None
        try:
            positioned = load_yaml(text)
        except YamlSyntaxError as exc:
            self.problem(relative, (exc.line, exc.column), (), exc.message)
            if model is Section:
                self.remember_ids_in_text(text)
            return None
        for key_path, position in positioned.duplicate_keys:
            self.problem(relative, position, key_path, "key appears twice in the same block")
        if positioned.data is None:
            self.problem(relative, (1, 1), (), "file is empty")
            return None
        if not isinstance(positioned.data, dict):
            self.problem(
                relative,
                positioned.position_of(()),
                (),
                "expected keys and values (like 'title: ...') at the top of the file",
            )
            return None
        try:
            validated = model.model_validate(positioned.data)
        except ValidationError as exc:
            found = exc.errors(include_url=False)
            for error in found:
                if not _explained_by_a_misspelt_key(error, found):
                    self.report_validation_error(relative, positioned, error)
            # Keep checking what is valid, so the editor sees every problem in one run.
            if model is Section:
                self.remember_declared_ids(positioned.data)
            salvage = _SALVAGERS.get(model)
            salvaged = salvage(positioned.data) if salvage else None
            return _Manifest(relative, positioned, salvaged) if salvaged else None
        except RecursionError:
            self.problem(relative, (1, 1), (), "content is nested too deeply")
            return None
        return _Manifest(relative, positioned, validated)

    def report_validation_error(self, relative: str, positioned: PositionedData, error: Any) -> None:
        path = _data_path(positioned.data, tuple(error["loc"]))
        kind = error["type"]
        value = error.get("input")
        last = path[-1] if path else ""
        position = positioned.position_of(path)
        if kind == "missing":
            message = "required field is missing"
            position = positioned.position_of(path[:-1])
        elif kind == "extra_forbidden":
            position = positioned.position_of(path, prefer_key=True)
            owners = kinds_with_field(str(last))
            if owners:
                message = f"'{last}' is not used here: it belongs to {' and '.join(owners)} items"
            elif str(last) in self._known_keys:
                message = f"'{last}' is not used here"
            else:
                message = f"unknown key '{last}'" + _hint(str(last), self._known_keys)
        elif kind == "union_tag_invalid" and not _raw_value(positioned.data, (*path, "kind")):
            path = (*path, "kind")
            position = positioned.position_of(path)
            message = f"each item needs a 'kind:' ({', '.join(ITEM_KINDS)})"
        elif kind == "union_tag_invalid":
            path = (*path, "kind")
            position = positioned.position_of(path)
            tag = error.get("ctx", {}).get("tag", "")
            message = f"unknown kind '{tag}': use one of {', '.join(ITEM_KINDS)}" + _hint(
                str(tag), list(ITEM_KINDS)
            )
        elif kind == "dict_type" and last in LOCALIZED_TEXT_FIELDS:
            message = (
                f"expected text, or one text per language ({{en: ..., fr: ...}}), got {_describe(value)}"
            )
        elif kind == "dict_type" and last in LOCALIZED_PATH_FIELDS:
            message = f"expected a file path, or one path per language ({{en: ..., fr: ...}}), got {_describe(value)}"
        elif kind == "union_tag_not_found":
            message = f"each item needs a 'kind:' ({', '.join(ITEM_KINDS)})"
        elif last in ("start", "end") and kind.startswith(("datetime_", "value_error")):
            message = (
                str(error["msg"]).removeprefix("Value error, ")
                if kind == "value_error"
                else f"{_describe(value)} is not a date and time: write it as YYYY-MM-DDTHH:MM, "
                "e.g. 2027-03-10T09:30"
            )
            if kind == "value_error" and message.startswith("is not"):
                message = f"{_describe(value)} {message}"
        elif kind.startswith(("date_", "datetime_")) or (last in DATE_FIELDS and kind != "missing"):
            message = f"{_describe(value)} is not a date: write it as YYYY-MM-DD, e.g. 2026-12-31"
        elif kind == "dict_type" and last == "url":
            message = f"expected a web address, or one address per language ({{en: https://..., fr: ...}}), got {_describe(value)}"
        elif kind == "string_pattern_mismatch":
            named = last
            if not isinstance(named, str) or named not in _FIELDS_WITH_PATTERNS:
                # A per-language address (url: {fr: ...}) or a list entry is named by its parent.
                parent = path[-2] if len(path) > 1 else ""
                named = parent if isinstance(parent, str) else named
            message = _pattern_message(str(named), value)
        elif kind in ("value_error", "assertion_error"):
            message = str(error["msg"]).removeprefix("Value error, ")
        elif kind == "model_type" or kind == "dict_type":
            message = f"expected keys and values here, got {_describe(value)}"
        else:
            message = f"{error['msg']}, got {_describe(value)}"
        self.problem(relative, position, path, message)

    # -- the whole folder -----------------------------------------------------------------------

    def load(self) -> LoadResult:
        if not self.root.is_dir():
            self.problem(str(self.root), (1, 1), (), "content folder not found")
            return LoadResult(None, self.problems)
        manifests = [AGENDA_FILE]
        agenda_manifest: _Manifest | None = None
        if (self.root / AGENDA_FILE).is_file():
            agenda_manifest = self.read_manifest(AGENDA_FILE, Agenda)
        else:
            self.problem(AGENDA_FILE, (1, 1), (), "missing: every content folder needs agenda.yaml")
        section_manifests: list[_Manifest] = []
        sections_dir = self.root / SECTIONS_DIR
        if sections_dir.is_dir():
            for entry in sorted(sections_dir.iterdir()):
                relative = f"{SECTIONS_DIR}/{entry.name}"
                if entry.suffix.lower() not in (".yaml", ".yml") or entry.name.startswith("."):
                    if not entry.name.startswith("."):
                        self.problem(
                            relative,
                            (1, 1),
                            (),
                            "ignored: only .yaml files belong in sections/",
                            Severity.WARNING,
                        )
                    continue
                manifests.append(relative)
                loaded = self.read_manifest(relative, Section)
                if loaded is not None:
                    section_manifests.append(loaded)
                else:
                    # Unreadable file: its id is most likely its name, as in 30-views-of-ituc.yaml.
                    self.declared_section_ids.add(re.sub(r"^\d+-", "", entry.stem))
        else:
            self.problem(SECTIONS_DIR, (1, 1), (), "missing: the sections/ folder holds one file per section")

        kiosk_manifest: _Manifest | None = None
        if (self.root / KIOSK_FILE).is_file():
            manifests.append(KIOSK_FILE)
            kiosk_manifest = self.read_manifest(KIOSK_FILE, KioskSettings)
        compiled = None
        texts: list[TranslatableText] = []
        if agenda_manifest is not None:
            compiled = self.cross_check_and_compile(agenda_manifest, section_manifests)
            if compiled is not None:
                compiled["kiosk"] = self.check_kiosk_settings(kiosk_manifest, compiled["items"])
            for manifest in [agenda_manifest, *section_manifests]:
                texts.extend(_translatable_texts(manifest))
            if compiled is not None:
                self.warn_about_unoffered_languages(texts, compiled["agenda"]["languages"])
            # The app's own words the content brings (i18n/kiosk_<lang>.ts): read as untrusted input.
            offered = getattr(agenda_manifest.model, "languages", None) or []
            self.problems.extend(check_content_catalogues(self.root, list(offered)))
        self.problems.sort(key=lambda p: (p.file != AGENDA_FILE, p.file, p.line, p.column))
        if errors(self.problems):
            compiled = None
        return LoadResult(compiled, self.problems, manifests, sorted(self.referenced), self.media, texts)

    def warn_about_unoffered_languages(self, texts: list[TranslatableText], offered: list[str]) -> None:
        """A text in a language the kiosk does not offer is never shown: say so, once per place."""
        for text in texts:
            for code in sorted(text.languages - set(offered)):
                self.problem(
                    text.file,
                    (text.line, text.column),
                    (),
                    f"{text.field}: the '{code}' text is never shown: '{code}' is not in the "
                    f"languages of agenda.yaml ({', '.join(offered)})",
                    Severity.WARNING,
                )

    def check_kiosk_settings(
        self, manifest: _Manifest | None, items: dict[str, dict[str, Any]]
    ) -> dict[str, Any]:
        settings = manifest.model if manifest is not None else KioskSettings()
        assert isinstance(settings, KioskSettings)
        if manifest is not None:
            for index, video_id in enumerate(settings.attract.videos or []):
                path: DataPath = ("attract", "videos", index)
                if video_id not in items:
                    message = f"no item has the id '{video_id}'"
                elif items[video_id]["kind"] != "video":
                    message = f"'{video_id}' is a {items[video_id]['kind']}, not a video"
                else:
                    continue
                self.problem(manifest.relative, manifest.positions.position_of(path), path, message)
        dumped = settings.model_dump(mode="json")
        # The settings hold no office when its block has a mistake: the block itself says where.
        if manifest is not None and "office" in settings.model_fields_set:
            from kiosk.core.office import check_office

            dumped["office"] = check_office(self, manifest)
        return dumped

    def cross_check_and_compile(
        self, agenda_manifest: _Manifest, section_manifests: list[_Manifest]
    ) -> dict[str, Any] | None:
        agenda = agenda_manifest.model
        assert isinstance(agenda, Agenda)
        for index, code in enumerate(agenda.translations_pending_review):
            if code not in agenda.languages:
                path: DataPath = ("translations_pending_review", index)
                self.problem(
                    agenda_manifest.relative,
                    agenda_manifest.positions.position_of(path),
                    path,
                    f"'{code}' is not one of the languages ({', '.join(agenda.languages)})",
                )
        if agenda.organisation is not None:
            self.check_organisation(agenda_manifest, agenda.organisation)
        sections: dict[str, tuple[_Manifest, Section]] = {}
        items: dict[str, dict[str, Any]] = {}
        item_places: dict[str, tuple[_Manifest, DataPath]] = {}

        for manifest in section_manifests:
            section = manifest.model
            assert isinstance(section, Section)
            if section.id in sections:
                first = sections[section.id][0].relative
                self.problem(
                    manifest.relative,
                    manifest.positions.position_of(("id",)),
                    ("id",),
                    f"section id '{section.id}' is already used in {first}",
                )
                continue
            sections[section.id] = (manifest, section)
            self.check_body(manifest, (), section.body, section.body_file)
            for index, item in enumerate(section.items):
                if item is None:
                    continue
                self.collect_item(manifest, ("items", index), item, section.id, None, items, item_places)

        first_listed: dict[str, int] = {}
        for index, section_id in enumerate(agenda.sections):
            if section_id in first_listed:
                self.problem(
                    AGENDA_FILE,
                    agenda_manifest.positions.position_of(("sections", index)),
                    ("sections", index),
                    f"section '{section_id}' is listed twice (first as sections[{first_listed[section_id]}])",
                )
                continue
            first_listed[section_id] = index
            if section_id not in sections and section_id not in self.declared_section_ids:
                self.problem(
                    AGENDA_FILE,
                    agenda_manifest.positions.position_of(("sections", index)),
                    ("sections", index),
                    f"no section has the id '{section_id}'" + _hint(section_id, list(sections)),
                )
        listed = set(agenda.sections)
        for section_id, (manifest, _section) in sections.items():
            if section_id not in listed:
                self.problem(
                    manifest.relative,
                    manifest.positions.position_of(("id",)),
                    ("id",),
                    f"section '{section_id}' is not listed under 'sections' in {AGENDA_FILE}, "
                    "so visitors will not see it",
                    Severity.WARNING,
                )

        for item_id, entry in items.items():
            manifest, path = item_places[item_id]
            for index, target in enumerate(entry["related"]):
                if target not in items and target not in self.declared_item_ids:
                    self.problem(
                        manifest.relative,
                        manifest.positions.position_of((*path, "related", index)),
                        (*path, "related", index),
                        f"no item has the id '{target}'" + _hint(target, list(items)),
                    )

        self.check_programme(agenda_manifest, agenda)
        if errors(self.problems):
            return None
        compiled_sections = []
        for section_id in first_listed:
            if section_id not in sections:
                continue
            manifest, section = sections[section_id]
            compiled_sections.append(
                {
                    "id": section.id,
                    "title": section.title,
                    "summary": section.summary,
                    "body": self.read_body(manifest, (), section.body, section.body_file),
                    "items": [item.id for item in section.items if item is not None],
                }
            )
        for item_id, entry in items.items():
            manifest, path = item_places[item_id]
            entry["body"] = self.read_body(manifest, path, entry.pop("body"), entry.pop("body_file"))
        return {
            "format": COMPILED_FORMAT,
            "agenda": agenda.model_dump(mode="json", exclude={"sections"}),
            "sections": compiled_sections,
            "items": items,
        }

    def check_programme(self, agenda_manifest: _Manifest, agenda: Agenda) -> None:
        from kiosk.core.programme import check_sessions, time_zone_problem

        programme = agenda.programme
        if programme is not None and programme.time_zone:
            problem = time_zone_problem(programme.time_zone)
            if problem:
                path: DataPath = ("programme", "time_zone")
                self.problem(AGENDA_FILE, agenda_manifest.positions.position_of(path), path, problem)
        if (
            programme is not None
            and programme.first_day
            and programme.last_day
            and programme.last_day < programme.first_day
        ):
            path = ("programme", "last_day")
            self.problem(
                AGENDA_FILE,
                agenda_manifest.positions.position_of(path),
                path,
                "the last day comes before the first day",
            )

        def in_agenda(path: DataPath) -> tuple[str, tuple[int, int], DataPath]:
            return AGENDA_FILE, agenda_manifest.positions.position_of(path, prefer_key=True), path

        for finding in check_sessions(programme, self.session_places, in_agenda):
            self.problem(finding.file, finding.position, finding.path, finding.message, finding.severity)

    def check_organisation(self, manifest: _Manifest, organisation: Organisation) -> None:
        from kiosk.core.brand import accent_problem, logo_problem

        if organisation.logo is not None:
            path: DataPath = ("organisation", "logo")
            if self.check_file(manifest, path, organisation.logo, files.LOGO):
                problem = logo_problem(self.root / organisation.logo)
                if problem:
                    self.problem(
                        manifest.relative,
                        manifest.positions.position_of(path),
                        path,
                        f"'{organisation.logo}' {problem}",
                    )
        raw = _raw_value(manifest.positions.data, ("organisation",))
        if isinstance(raw, dict) and "accent" in raw and raw["accent"] is None:
            path = ("organisation", "accent")
            self.problem(
                manifest.relative,
                manifest.positions.position_of(path, prefer_key=True),
                path,
                'no colour given: put it in quotes, e.g. accent: "#0B6E4F" (unquoted, YAML reads '
                "everything after # as a comment)",
            )
        if organisation.accent is not None:
            problem = accent_problem(organisation.accent)
            if problem:
                path = ("organisation", "accent")
                self.problem(manifest.relative, manifest.positions.position_of(path), path, problem)

    def collect_item(
        self,
        manifest: _Manifest,
        path: DataPath,
        item: Item,
        section_id: str,
        parent_id: str | None,
        items: dict[str, dict[str, Any]],
        places: dict[str, tuple[_Manifest, DataPath]],
    ) -> None:
        if item.id in items:
            first_manifest, first_path = places[item.id]
            line = first_manifest.positions.position_of((*first_path, "id"))[0]
            self.problem(
                manifest.relative,
                manifest.positions.position_of((*path, "id")),
                (*path, "id"),
                f"item id '{item.id}' is already used at {first_manifest.relative}:{line}",
            )
            return
        self.check_body(manifest, path, item.body, item.body_file)
        if isinstance(item, Video):
            for language, video in (item.file or {}).items():
                self.check_file(
                    manifest, _per_language(manifest, (*path, "file"), language), video, files.VIDEO
                )
            self.check_file(manifest, (*path, "poster"), item.poster, files.IMAGE)
            for language, caption in (item.captions or {}).items():
                place = _per_language(manifest, (*path, "captions"), language)
                if self.check_file(manifest, place, caption, files.CAPTIONS):
                    self.check_captions(manifest, place, caption)
        elif isinstance(item, Document):
            for language, document in (item.file or {}).items():
                place = _per_language(manifest, (*path, "file"), language)
                self.check_file(manifest, place, document, files.PDF)

        if isinstance(item, Session):
            from kiosk.core.programme import SessionPlace

            def where(field: DataPath, path: DataPath = path) -> tuple[str, tuple[int, int], DataPath]:
                place = (*path, *field)
                return manifest.relative, manifest.positions.position_of(place), place

            self.session_places.append(SessionPlace(item, where))
        data = item.model_dump(mode="json", exclude={"items"})
        data["section"] = section_id
        data["parent"] = parent_id
        data["children"] = []
        items[item.id] = data
        places[item.id] = (manifest, path)
        if item.expires is not None and item.expires <= self.today:
            self.problem(
                manifest.relative,
                manifest.positions.position_of((*path, "expires")),
                (*path, "expires"),
                f"'{item.id}' expired on {item.expires.isoformat()}: review it, then move the date on "
                "or remove the item",
                Severity.WARNING,
            )
        if isinstance(item, Collection):
            for index, child in enumerate(item.items):
                if child.id not in items:
                    data["children"].append(child.id)
                self.collect_item(
                    manifest, (*path, "items", index), child, section_id, item.id, items, places
                )

    def check_file(
        self, manifest: _Manifest, path: DataPath, relative: str | None, expected: files.FileType
    ) -> bool:
        if relative is None:
            return True
        message = files.check_content_file(self.root, relative, expected)
        if message:
            self.problem(manifest.relative, manifest.positions.position_of(path), path, message)
            return False
        self.referenced.add(relative)
        line, column = manifest.positions.position_of(path)
        self.media.append(
            MediaReference(expected.name, relative, manifest.relative, line, column, format_field(path))
        )
        return True

    def check_captions(self, manifest: _Manifest, path: DataPath, relative: str) -> None:
        from kiosk.core.captions import CaptionError, load_captions

        try:
            track = load_captions(self.root / relative)
        except CaptionError as exc:
            self.problem(
                manifest.relative, manifest.positions.position_of(path), path, f"'{relative}': {exc}"
            )
            return
        # A block that cannot be read is left out, as a browser leaves it: the editor hears where.
        for skipped in track.skipped:
            self.problems.append(Problem(relative, skipped.line, 1, "", skipped.reason, Severity.WARNING))

    def check_body(
        self,
        manifest: _Manifest,
        path: DataPath,
        body: dict[str, str] | None,
        body_file: dict[str, str] | None,
    ) -> None:
        if body is not None and body_file is not None:
            self.problem(
                manifest.relative,
                manifest.positions.position_of((*path, "body_file"), prefer_key=True),
                (*path, "body_file"),
                "give either 'body' or 'body_file', not both",
            )
        for language, relative in (body_file or {}).items():
            place = _per_language(manifest, (*path, "body_file"), language)
            self.check_file(manifest, place, relative, files.MARKDOWN)

    def read_body(
        self,
        manifest: _Manifest,
        path: DataPath,
        body: dict[str, str] | None,
        body_file: dict[str, str] | None,
    ) -> dict[str, str] | None:
        if body_file is None:
            return body
        texts: dict[str, str] = {}
        for language, relative in body_file.items():
            try:
                texts[language] = (self.root / relative).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                self.problem(
                    manifest.relative,
                    manifest.positions.position_of((*path, "body_file", language)),
                    (*path, "body_file", language),
                    f"'{relative}' cannot be read as UTF-8 text: {exc}",
                )
        return texts


# What a visitor reads or hears in their language. A video file is usually one for all languages,
# so `file` is not counted; its captions are.
TRANSLATED_FIELDS = (LOCALIZED_TEXT_FIELDS | {"body_file", "captions"}) - {"body"}


def _translatable_texts(manifest: _Manifest) -> list[TranslatableText]:
    found: list[TranslatableText] = []

    def walk(value: Any, path: DataPath) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                place = (*path, key)
                if key in TRANSLATED_FIELDS or (key == "body" and "body_file" not in value):
                    if isinstance(child, str):
                        languages = {FALLBACK_LANGUAGE}
                    elif isinstance(child, dict):
                        languages = {code for code in child if isinstance(code, str)}
                    else:
                        continue  # not text at all: validation has already said so
                    line, column = manifest.positions.position_of(place)
                    found.append(
                        TranslatableText(
                            manifest.relative, line, column, format_field(place), frozenset(languages)
                        )
                    )
                else:
                    walk(child, place)
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, (*path, index))

    walk(manifest.positions.data, ())
    return found


def _per_language(manifest: _Manifest, path: DataPath, language: str) -> DataPath:
    """Where one language's file is named: its own key, or the field itself when a plain path was given."""
    keyed = (*path, language)
    return keyed if keyed in manifest.positions.value_positions else path


def load_content(root: Path, today: datetime.date | None = None) -> LoadResult:
    """Load and validate the content folder at `root`; never raises for bad content. `today` decides
    which items have expired (default: the machine's date)."""
    return _Loader(root, today or datetime.date.today()).load()


def machine_kiosk_settings(path: Path, compiled: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """The content's kiosk settings with this machine's own kiosk.yaml (if any) on top.

    A machine file with errors is reported and ignored as a whole: half of a machine's settings
    could leave a booth in a state nobody chose.
    """
    base: dict[str, Any] = compiled.get("kiosk") or KioskSettings().model_dump(mode="json")
    if not path.is_file():
        return base, []
    loader = _Loader(path.parent, datetime.date.today())
    manifest = loader.read_manifest(path.name, KioskSettings)
    checked = loader.check_kiosk_settings(manifest, compiled["items"]) if manifest is not None else {}
    problems = [dataclasses.replace(problem, file=str(path)) for problem in loader.problems]
    if manifest is None or errors(problems):
        return base, problems
    explicit = manifest.model.model_dump(mode="json", exclude_unset=True)
    merged = {**base, **explicit}
    merged["attract"] = {**base["attract"], **explicit.get("attract", {})}
    if "office" in explicit:
        merged["office"] = checked.get("office")  # None when it has a mistake: no card
    return merged, problems


_ITEM_ADAPTER: TypeAdapter[Item] = TypeAdapter(Item)


def _salvage_section(data: dict[str, Any]) -> Section | None:
    """The valid parts of a section that failed validation, for cross-checks; None without a usable id."""
    section_id = data.get("id")
    if not isinstance(section_id, str) or not re.match(ID_PATTERN, section_id):
        return None
    raw_items = data.get("items")
    valid_items: list[Item] = []
    for raw in raw_items if isinstance(raw_items, list) else []:
        try:
            valid_items.append(_ITEM_ADAPTER.validate_python(raw))
        except (ValidationError, RecursionError):
            # Placeholder keeps indexes aligned with the file for error positions.
            valid_items.append(None)  # type: ignore[arg-type]
    return Section.model_construct(
        id=section_id, title={}, summary=None, body=None, body_file=None, items=valid_items
    )


def _salvage_agenda(data: dict[str, Any]) -> Agenda | None:
    sections = data.get("sections")
    if not isinstance(sections, list):
        return None
    usable = [s for s in sections if isinstance(s, str)]
    return Agenda.model_construct(sections=usable)  # type: ignore[call-arg]


_SALVAGERS: dict[type[BaseModel], Any] = {Agenda: _salvage_agenda, Section: _salvage_section}


def _data_path(data: Any, loc: tuple[Any, ...]) -> DataPath:
    """Pydantic inserts the discriminator's value into locations ('items', 0, 'video', ...): drop it."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, (str, int, float)):
            # A bare address stands for {en: address}: the problem is the address as written.
            break
        if isinstance(node, dict) and isinstance(part, str) and part not in node:
            if node.get("kind") == part:
                continue
            if part in ("function-after[_check_translations(), dict[str,str]]",):
                continue
        path.append(part)
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
    return tuple(path)


# `id: x` at the start of a file is the section's; indented (in the items list), an item's.
_ID_LINE = re.compile(r"^(\s+(?:-\s+)?|-\s+)?id:\s*[\"']?([a-z0-9][a-z0-9-]*)", re.MULTILINE)


def _explained_by_a_misspelt_key(error: Any, errors: list[Any]) -> bool:
    """'title' missing next to an unknown 'titel': one mistake, reported once, with its hint."""
    if error["type"] != "missing":
        return False
    location = tuple(error["loc"])
    wanted = str(location[-1])
    return any(
        other["type"] == "extra_forbidden"
        and tuple(other["loc"])[:-1] == location[:-1]
        and difflib.get_close_matches(str(tuple(other["loc"])[-1]), [wanted], n=1, cutoff=0.6)
        for other in errors
    )


def _raw_value(data: Any, path: DataPath) -> Any:
    node = data
    for part in path:
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    return node


def _hint(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


_FIELDS_WITH_PATTERNS = {
    "url",
    "languages",
    "translations_pending_review",
    "accent",
    "id",
    "related",
    "sections",
}


def _pattern_message(field_name: str, value: Any) -> str:
    if field_name in ("url",):
        return f"{value!r} is not a web address (it should start with https://)"
    if field_name == "accent":
        return f'{value!r} is not a colour: write it as #RRGGBB, e.g. "#0B6E4F" (in quotes)'
    if field_name in ("languages",):
        return f"{value!r} is not a language code (use e.g. en, fr, es)"
    return f"{value!r} is not a valid id: use lower-case letters, digits and hyphens"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (yes/no)"
    if isinstance(value, dict):
        return "a block of keys"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
