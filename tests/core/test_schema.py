"""The JSON Schema `kiosk schema` publishes, checked by a real validator (jsonschema) against YAML read
as an editor's tooling reads it: every manifest the project ships passes, and the schema and the loader
agree, both ways, on what an editor commonly writes: what one accepts the other accepts, and a mistake
one flags the other flags at the same field."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, ValidationError

from kiosk.cli import main
from kiosk.core.loader import load_content
from kiosk.core.problems import Severity
from kiosk.core.schema import manifest_schema

from .contentkit import ContentFolder, build_valid_content
from .editor_yaml import read_as_editor

ROOT = Path(__file__).resolve().parents[2]
PROGRAMME_FIXTURE = ROOT / "tests" / "fixtures" / "content-programme"
CONTENT_FOLDERS = [ROOT / "content", *sorted((ROOT / "tests" / "fixtures").glob("content-*"))]

KIOSK_YAML = """\
idle_seconds: 120
office:
  name: Advice Centre Kassel
  hours: Monday to Friday, 9:00 to 17:00
  phone: +49 561 000 0000
"""


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return manifest_schema()


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def definition_for(relative: str) -> str:
    if relative == "agenda.yaml":
        return "Agenda"
    return "KioskSettings" if relative == "kiosk.yaml" else "Section"


def manifests(folder: Path) -> list[str]:
    found = [
        "agenda.yaml",
        *(f"sections/{path.name}" for path in sorted((folder / "sections").glob("*.yaml"))),
    ]
    return found + (["kiosk.yaml"] if (folder / "kiosk.yaml").is_file() else [])


def schema_errors(validator: Draft202012Validator, folder: Path, relative: str) -> list[ValidationError]:
    """The errors an editor sees in one manifest: checked as that kind of file, and as any manifest."""
    data = read_as_editor((folder / relative).read_text(encoding="utf-8"))
    whole = validator.schema
    as_its_kind = validator.evolve(
        schema={"$defs": whole["$defs"], "$ref": f"#/$defs/{definition_for(relative)}"}
    )
    errors = list(as_its_kind.iter_errors(data))
    assert bool(errors) == (not validator.is_valid(data)), "the file's own kind and any manifest disagree"
    return errors


def leaves(errors: list[ValidationError]) -> list[ValidationError]:
    """The most specific errors: inside anyOf/oneOf, those of every alternative."""
    found: list[ValidationError] = []
    for error in errors:
        found.extend(leaves(list(error.context)) if error.context else [error])
    return found


@pytest.mark.parametrize(
    "folder", CONTENT_FOLDERS, ids=[str(folder.relative_to(ROOT)) for folder in CONTENT_FOLDERS]
)
def test_every_manifest_the_project_ships_passes_the_schema(
    validator: Draft202012Validator, folder: Path
) -> None:
    assert len(manifests(folder)) > 1
    for relative in manifests(folder):
        errors = schema_errors(validator, folder, relative)
        assert not errors, f"{folder.name}/{relative}: " + "; ".join(
            f"{list(error.absolute_path)}: {error.message}" for error in leaves(errors)
        )


# (base folder, file, text in it, replaced by). The base folders are valid, to loader and schema alike.
Change = tuple[str, str, str, str]
ACCEPTED_BY_BOTH: dict[str, Change] = {
    "office name as one text": (
        "kit",
        "kiosk.yaml",
        "name: Advice Centre Kassel",
        "name: Advice Centre Kassel",
    ),
    "office name per language": (
        "kit",
        "kiosk.yaml",
        "name: Advice Centre Kassel",
        "name: {en: Advice Centre Kassel, fr: Centre de conseil de Kassel}",
    ),
    "office phone per language": (
        "kit",
        "kiosk.yaml",
        "phone: +49 561 000 0000",
        "phone: {fr: +49 561 000 0001}",
    ),
    "title per language with a region": (
        "kit",
        "agenda.yaml",
        "title: Test agenda",
        "title: {en: Test agenda, fr: Ordre du jour, pt-BR: Agenda, fil: Agenda}",
    ),
    "summary as one text": ("kit", "sections/10-one.yaml", "summary: The first section.", "summary: One."),
    "summary left empty": ("kit", "sections/10-one.yaml", "summary: The first section.", "summary:"),
    "body file as one path": (
        "kit",
        "sections/10-one.yaml",
        "body_file:\n  en: text/en/one.md",
        "body_file: text/en/one.md",
    ),
    "captions as one path": (
        "kit",
        "sections/10-one.yaml",
        "captions:\n      en: captions/clip.en.vtt",
        "captions: captions/clip.en.vtt",
    ),
    "address in one language only": (
        "kit",
        "sections/10-one.yaml",
        "url: https://example.org/site",
        "url: {fr: https://example.org/fr/site}",
    ),
    "a date": ("kit", "agenda.yaml", 'version: "1.0"', 'version: "1.0"\nreviewed: 2026-01-05'),
    "yes for true": ("kit", "sections/10-one.yaml", "stand_in: true", "stand_in: yes"),
    "a time with a space and seconds": (
        "programme",
        "sections/10-programme.yaml",
        "start: 2027-03-10T09:00",
        "start: 2027-03-10 09:00:00",
    ),
    "speaker's name as one text": (
        "programme",
        "sections/10-programme.yaml",
        "name: {en: Jonas Berg, ar: يوناس بيرغ}",
        "name: Jonas Berg",
    ),
    "room as one text": (
        "programme",
        "agenda.yaml",
        "- {en: Room B, ar: القاعة ب}",
        "- Room B",
    ),
}

# name: (change, the loader's field, the schema's path, words in the schema's message)
FLAGGED_BY_BOTH: dict[str, tuple[Change, str, tuple[str | int, ...], str]] = {
    "unknown key in an item": (
        ("kit", "sections/10-one.yaml", "summary: What this is about.", "summery: What this is about."),
        "items[0].summery",
        ("items", 0),
        "'summery' was unexpected",
    ),
    "unknown key at the top": (
        ("kit", "agenda.yaml", "subtitle:", "subtitel:"),
        "subtitel",
        (),
        "'subtitel' was unexpected",
    ),
    "misspelt kind": (
        ("kit", "sections/10-one.yaml", "kind: document", "kind: documnet"),
        "items[2].kind",
        ("items", 2, "kind"),
        "'document' was expected",
    ),
    "date written day first": (
        ("kit", "agenda.yaml", 'version: "1.0"', 'version: "1.0"\nreviewed: 05.01.2026'),
        "reviewed",
        ("reviewed",),
        "does not match",
    ),
    "date without leading zeros": (
        ("kit", "agenda.yaml", 'version: "1.0"', 'version: "1.0"\nreviewed: 2026-1-5'),
        "reviewed",
        ("reviewed",),
        "does not match",
    ),
    "text with a key that is no language code": (
        ("kit", "sections/10-one.yaml", "  fr: Section un\n", "  fr: Section un\n  english: Section one\n"),
        "title",
        ("title",),
        "'english' does not match any of the regexes",
    ),
    "texts per language without English": (
        ("kit", "agenda.yaml", "title: Test agenda", "title: {fr: Ordre du jour}"),
        "title",
        ("title",),
        "'en' is a required property",
    ),
    "empty text": (
        ("kit", "agenda.yaml", "title: Test agenda", "title: ''"),
        "title",
        ("title",),
        "should be non-empty",
    ),
    "a version written as a number": (
        ("kit", "agenda.yaml", 'version: "1.0"', "version: 1.0"),
        "version",
        ("version",),
        "is not of type 'string'",
    ),
    "a list for a text": (
        ("kit", "agenda.yaml", "title: Test agenda", "title: [Test, agenda]"),
        "title",
        ("title",),
        "is not of type 'string'",
    ),
    "a language name for a code": (
        ("kit", "agenda.yaml", "languages: [en, fr]", "languages: [en, fr, French]"),
        "languages[2]",
        ("languages", 2),
        "does not match",
    ),
    "an address without https://": (
        ("kit", "sections/10-one.yaml", "url: https://example.org/site", "url: www.example.org/site"),
        "items[3].url",
        ("items", 3, "url"),
        "does not match",
    ),
    "an address under a language name": (
        (
            "kit",
            "sections/10-one.yaml",
            "url: https://example.org/site",
            "url: {french: https://example.org/fr}",
        ),
        "items[3].url",
        ("items", 3, "url"),
        "'french' does not match any of the regexes",
    ),
    "maybe for true or false": (
        ("kit", "sections/10-one.yaml", "stand_in: true", "stand_in: maybe"),
        "items[1].stand_in",
        ("items", 1, "stand_in"),
        "is not of type 'boolean'",
    ),
    "a time of day without its day": (
        ("programme", "sections/10-programme.yaml", "start: 2027-03-10T09:00", "start: 09:00"),
        "items[0].start",
        ("items", 0, "start"),
        "does not match",
    ),
    "a time with an offset": (
        (
            "programme",
            "sections/10-programme.yaml",
            "start: 2027-03-10T09:00",
            "start: 2027-03-10T09:00+01:00",
        ),
        "items[0].start",
        ("items", 0, "start"),
        "does not match",
    ),
    "too short a wait": (
        ("kit", "kiosk.yaml", "idle_seconds: 120", "idle_seconds: 5"),
        "idle_seconds",
        ("idle_seconds",),
        "less than the minimum of 15",
    ),
    "office name under a language name": (
        ("kit", "kiosk.yaml", "name: Advice Centre Kassel", "name: {english: Advice Centre Kassel}"),
        "office.name",
        ("office", "name"),
        "'english' does not match any of the regexes",
    ),
    "office phone in words": (
        ("kit", "kiosk.yaml", "phone: +49 561 000 0000", "phone: call us"),
        "office.phone",
        ("office", "phone"),
        "does not match",
    ),
}


def changed_folder(tmp_path: Path, change: Change) -> tuple[Path, str]:
    base, relative, old, new = change
    if base == "kit":
        folder = build_valid_content(tmp_path / "content")
        folder.write("kiosk.yaml", KIOSK_YAML)
    else:
        shutil.copytree(PROGRAMME_FIXTURE, tmp_path / "content")
        folder = ContentFolder(tmp_path / "content")
    folder.replace(relative, old, new)
    return folder.root, relative


@pytest.mark.parametrize("change", ACCEPTED_BY_BOTH.values(), ids=ACCEPTED_BY_BOTH.keys())
def test_what_the_loader_accepts_the_schema_accepts(
    validator: Draft202012Validator, tmp_path: Path, change: Change
) -> None:
    root, relative = changed_folder(tmp_path, change)
    result = load_content(root)
    assert [str(problem) for problem in result.problems if problem.severity is Severity.ERROR] == []
    assert result.compiled is not None
    if relative == "kiosk.yaml":  # a mistake in the office block would only leave the card out
        assert result.compiled["kiosk"]["office"], result.problems
    errors = schema_errors(validator, root, relative)
    assert not errors, [f"{list(error.absolute_path)}: {error.message}" for error in leaves(errors)]


@pytest.mark.parametrize(
    ("change", "field", "path", "words"), FLAGGED_BY_BOTH.values(), ids=FLAGGED_BY_BOTH.keys()
)
def test_a_mistake_the_loader_flags_the_schema_flags_at_the_same_field(
    validator: Draft202012Validator,
    tmp_path: Path,
    change: Change,
    field: str,
    path: tuple[str | int, ...],
    words: str,
) -> None:
    root, relative = changed_folder(tmp_path, change)
    flagged = [problem for problem in load_content(root).problems if problem.file == relative]
    assert field in [problem.field for problem in flagged], [str(problem) for problem in flagged]
    errors = leaves(schema_errors(validator, root, relative))
    assert any(tuple(error.absolute_path) == path and words in error.message for error in errors), [
        f"{list(error.absolute_path)}: {error.message}" for error in errors
    ]


def test_a_text_field_shows_an_editor_both_forms(schema: dict[str, Any]) -> None:
    name = schema["$defs"]["Office"]["properties"]["name"]
    once, per_language = name["anyOf"]
    assert once["type"] == "string" and once["description"].startswith("One text for every language")
    assert per_language["patternProperties"] and per_language["additionalProperties"] is False
    assert per_language["required"] == ["en"] and "en" in per_language["properties"]
    assert name["description"] == "The office's or venue's name, as its visitors know it"
    assert "Advice Centre Kassel" in name["examples"]
    # A field without its own description explains the two forms itself.
    title = schema["$defs"]["Agenda"]["properties"]["title"]
    assert title["description"].startswith("A text, or one text per language code")


def test_every_field_has_a_tooltip(schema: dict[str, Any]) -> None:
    for name, definition in schema["$defs"].items():
        for key, field in definition.get("properties", {}).items():
            if key == "kind" or "$ref" in field:  # the kind says itself; a block has its own description
                continue
            described = field.get("description") or field.get("anyOf", [{}])[0].get("description")
            assert described, f"{name}.{key} has no description"


def test_kiosk_schema_prints_the_same_schema_every_time(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed) == manifest_schema()
    # Another process with another string hash order prints the very same bytes.
    environment = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run(
        [sys.executable, "-m", "kiosk", "schema"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        check=True,
        cwd=ROOT,
    )
    assert other.stdout == printed


def yaml_examples(document: Path) -> list[tuple[int, str]]:
    """(line, text) of every ```yaml block in a guide."""
    lines = document.read_text(encoding="utf-8").splitlines()
    blocks: list[tuple[int, str]] = []
    for number, line in enumerate(lines):
        if line.strip() == "```yaml":
            end = next(index for index in range(number + 1, len(lines)) if lines[index].startswith("```"))
            blocks.append((number + 1, textwrap.dedent("\n".join(lines[number + 1 : end]))))
    return blocks


def test_the_guides_examples_pass_the_schema(schema: dict[str, Any]) -> None:
    """What an editor copies from the guides is valid in their editor: a kiosk.yaml whole, an agenda's
    block under its key, a section's items one by one."""
    definitions = schema["$defs"]
    checked = 0
    for document in (ROOT / "docs" / "booth-and-it.md", ROOT / "docs" / "content-editors.md"):
        for line, text in yaml_examples(document):
            data = read_as_editor(text)
            if isinstance(data, list):
                parts = [(definitions["Section"]["properties"]["items"]["items"], item) for item in data]
            elif set(data) <= set(definitions["KioskSettings"]["properties"]):
                parts = [({"$ref": "#/$defs/KioskSettings"}, data)]
            else:
                parts = [(definitions["Agenda"]["properties"][key], value) for key, value in data.items()]
            for part, value in parts:
                validator = Draft202012Validator({"$defs": definitions, **part})
                errors = leaves(list(validator.iter_errors(value)))
                assert not errors, f"{document.name}:{line}: " + "; ".join(
                    f"{list(error.absolute_path)}: {error.message}" for error in errors
                )
                checked += 1
    assert checked >= 7


@pytest.mark.parametrize("template", ["programme-template.csv", "programme-template.xlsx"])
def test_a_programme_imported_from_a_spreadsheet_passes_the_schema(
    validator: Draft202012Validator, tmp_path: Path, template: str
) -> None:
    from kiosk.core.programme_import import import_sessions, section_yaml

    imported = import_sessions(ROOT / "docs" / template)
    assert imported.sessions and not imported.problems
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "programme.yaml").write_text(
        section_yaml("programme", imported.sessions, template), encoding="utf-8"
    )
    errors = schema_errors(validator, tmp_path, "sections/programme.yaml")
    assert not errors, [f"{list(error.absolute_path)}: {error.message}" for error in leaves(errors)]


SCALARS: list[Any] = [
    "",
    " ",
    "Advice Centre Kassel",
    "text/en/one.md",
    "https://example.org/kassel",
    "www.example.org",
    "+49 561 000 0000",
    "call us",
    "advice@example.org",
    "2027-03-10T09:30",
    "2027-03-10 09:30:15.5",
    "2027-03-10t09:30",
    "2027-03-10",
    "2027-3-10",
    "2027-03-10T9:30",
    "2027-03-10T24:00",
    "2027-03-10T09:30+01:00",
    "2027-13-10T09:30",
    "09:30",
    0,
    630,
    1.5,
    None,
    True,
    [],
    ["Advice Centre Kassel"],
]
KEYS = ["en", "fr", "ar", "fil", "pt-BR", "pt-br", "zh-Hant", "EN", "english", "e", ""]
MAPPINGS: list[Any] = [{}] + [
    mapping
    for key in KEYS
    for value in SCALARS
    for mapping in ({key: value}, {"en": "Advice Centre Kassel", key: value})
]
# (type in kiosk.core.model, where the published schema gives it)
FORMS: dict[str, tuple[str, tuple[str | int, ...]]] = {
    "a text": ("Localized", ("Agenda", "properties", "title")),
    "a path": ("LocalizedPath", ("Section", "properties", "body_file", "anyOf", 0)),
    "an address": ("LocalizedUrl", ("Link", "properties", "url")),
    "a phone number": ("Phone", ("Office", "properties", "phone", "anyOf", 0)),
    "an e-mail address": ("Email", ("Office", "properties", "email", "anyOf", 0)),
    "an office's web address": ("Web", ("Office", "properties", "web", "anyOf", 0)),
    "a session's time": ("SessionTime", ("Session", "properties", "start")),
}


@pytest.mark.parametrize(("type_name", "where"), FORMS.values(), ids=FORMS.keys())
def test_the_schema_of_each_form_accepts_exactly_what_the_model_accepts(
    schema: dict[str, Any], type_name: str, where: tuple[str | int, ...]
) -> None:
    from pydantic import TypeAdapter

    from kiosk.core import model

    published: Any = schema["$defs"]
    for step in where:
        published = published[step]
    form = Draft202012Validator(published, format_checker=Draft202012Validator.FORMAT_CHECKER)
    adapter: TypeAdapter[Any] = TypeAdapter(getattr(model, type_name))
    disagreements = []
    for value in SCALARS + MAPPINGS:
        try:
            adapter.validate_python(value)
            loader_accepts = True
        except ValueError:
            loader_accepts = False
        if loader_accepts != form.is_valid(value):
            disagreements.append(f"{value!r}: the model {'accepts' if loader_accepts else 'refuses'} it")
    assert not disagreements
