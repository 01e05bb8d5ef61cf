"""This kiosk's own office or venue (the machine's kiosk.yaml): checked like content, never fatal."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kiosk.booth import paths
from kiosk.cli import _machine_settings, main
from kiosk.core.loader import load_content
from kiosk.core.pages import Pages

from .contentkit import locate

OFFICE = """\
name: kassel-office
place: Kassel, Germany
pack_folder: /srv/kiosk-packs
office:
  kind: venue
  name:
    en: Congress Hall B
    ar: القاعة ب
  address: |-
    Holländische Straße 1
    34127 Kassel
  hours: {en: "Friday 9:00-17:00", ar: "الجمعة 9:00-17:00"}
  phone: "+49 561 000 0000"
  email: hall-b@example.org
  web: {en: "https://example.org/hall-b", ar: "https://example.org/ar/hall-b"}
"""


@pytest.fixture
def machine_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    settings = tmp_path / "config" / "fair-migration-kiosk" / "kiosk.yaml"
    settings.parent.mkdir(parents=True)
    return settings


def bundled() -> dict[str, object]:
    compiled = load_content(paths.bundled_content()).compiled
    assert compiled is not None
    return compiled


def test_the_office_card_in_each_language_on_home_and_in_the_attract_loop(machine_file: Path) -> None:
    machine_file.write_text(OFFICE, encoding="utf-8")
    compiled = bundled()
    _machine_settings(compiled)
    pages = Pages(compiled, paths.bundled_content())
    card = pages.page("home", "ar")["office"]
    assert card == {
        "kind": "venue",
        "name": "القاعة ب",
        "address": "Holländische Straße 1\n34127 Kassel",  # one text: every language's
        "hours": "الجمعة 9:00-17:00",
        "phone": "+49 561 000 0000",
        "phoneUrl": "tel:+495610000000",
        "email": "hall-b@example.org",
        "emailUrl": "mailto:hall-b@example.org",
        "web": "example.org/ar/hall-b",
        "webUrl": "https://example.org/ar/hall-b",
    }
    assert pages.page("home", "fr")["office"]["name"] == "Congress Hall B"  # English where untranslated
    slides = pages.page("attract", "en")["slides"]
    assert slides[-1]["office"]["name"] == "Congress Hall B" and slides[-1]["kind"] == "slide"
    assert sum(1 for slide in slides if slide.get("office")) == 1


@pytest.mark.parametrize(
    ("old", "new", "marker", "message"),
    [
        (
            'web: {en: "https://example.org/hall-b"',
            'web: {en: "example.org/hall-b"',
            '{en: "example',
            "not a web address",
        ),
        ("email: hall-b@example.org", "email: hall-b", "hall-b\n", "'hall-b' is not an e-mail address"),
        ("kind: venue", "kind: hall", "hall", "'office' or 'venue'"),
        ('phone: "+49 561 000 0000"', 'phone: "call us"', '"call us"', "is not a phone number"),
        ("  hours:", "  hours_open:", "hours_open", "unknown key 'hours_open' (did you mean 'hours'?)"),
    ],
)
def test_a_mistake_leaves_only_the_card_out_and_says_where(
    machine_file: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, marker: str, message: str
) -> None:
    text = OFFICE.replace(old, new)
    assert text != OFFICE
    machine_file.write_text(text, encoding="utf-8")
    line, _column = locate(text, marker)
    compiled = bundled()
    _machine_settings(compiled)
    err = capsys.readouterr().err
    assert f"{machine_file}:{line}:" in err and message in err and "(the office card is left out)" in err
    assert "has errors and was ignored" not in err
    settings = compiled["kiosk"]
    assert isinstance(settings, dict)
    assert settings["office"] is None
    assert (settings["name"], settings["pack_folder"]) == ("kassel-office", "/srv/kiosk-packs")
    assert Pages(compiled, paths.bundled_content()).page("home", "en")["office"] is None
    # kiosk validate says it too, with this machine's settings after the content's summary.
    assert main(["validate", str(paths.bundled_content())]) == 0
    out = capsys.readouterr().out
    assert "This machine's settings" in out and message in out


def test_validate_says_when_the_machines_settings_are_fine(
    machine_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    machine_file.write_text(OFFICE, encoding="utf-8")
    assert main(["validate", str(paths.bundled_content())]) == 0
    out = capsys.readouterr().out
    assert f"This machine's settings, {machine_file}:\n  no problems found" in out


def test_a_kiosk_name_must_be_usable_as_a_folder(
    machine_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    machine_file.write_text("name: ../Kassel Office\n", encoding="utf-8")
    compiled = bundled()
    _machine_settings(compiled)
    err = capsys.readouterr().err
    assert f"{machine_file}:1:7: name:" in err and "has errors and was ignored" in err


def test_each_mistake_in_the_office_block_names_its_file_line_column_and_field(
    machine_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = OFFICE.replace("kind: venue", "knid: venue").replace("email: hall-b@", "email: hall-b.")
    machine_file.write_text(text, encoding="utf-8")
    assert main(["validate", str(paths.bundled_content())]) == 0
    out = capsys.readouterr().out
    reported = [line.strip() for line in out.splitlines() if line.strip().startswith(f"{machine_file}:")]
    key_line, key_column = locate(text, "knid")
    email_line, email_column = locate(text, "hall-b.example")
    # In the order of the file, each at its own place, with the field's full name.
    assert reported == [
        f"{machine_file}:{key_line}:{key_column}: office.knid: warning: unknown key 'knid' (did you mean "
        "'kind'?) (the office card is left out)",
        f"{machine_file}:{email_line}:{email_column}: office.email: warning: "
        "'hall-b.example.org' is not an e-mail address, e.g. advice@example.org (the office card is left out)",
    ]


def test_the_schema_documents_the_office_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    office = schema["$defs"]["KioskSettings"]["properties"]["office"]
    assert {"$ref": "#/$defs/Office"} in office["anyOf"]
    fields = schema["$defs"]["Office"]
    # Every field the card shows (kiosk.core.officecard), each explained, and nothing else allowed.
    assert set(fields["properties"]) == {"kind", "name", "address", "hours", "phone", "email", "web"}
    assert fields["required"] == ["name"] and fields["additionalProperties"] is False
    assert fields["properties"]["kind"]["enum"] == ["office", "venue"]
    for name, field in fields["properties"].items():
        described = field.get("description") or field["anyOf"][0].get("description")
        assert described, f"office.{name} has no description"
    # An address is one for every language or one per language, as the docs' example writes it.
    phone = fields["properties"]["phone"]["anyOf"][0]["anyOf"]
    assert [form["type"] for form in phone] == ["string", "object"]
    assert re.match(phone[0]["pattern"], "+49 561 000 0000") and not re.match(phone[0]["pattern"], "call us")
