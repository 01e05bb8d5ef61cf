"""The content that ships with the kiosk: valid, complete, and saying what the ILO page says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.core.loader import load_content
from kiosk.core.pages import Pages, localize
from kiosk.core.problems import LoadResult

AGENDA_PAGE = "https://www.ilo.org/global/topics/labour-migration/fair-migration-agenda/lang--en/index.htm"


@pytest.fixture(scope="module")
def loaded(bundled_content: Path) -> LoadResult:
    return load_content(bundled_content)


@pytest.fixture(scope="module")
def compiled(loaded: LoadResult) -> dict[str, Any]:
    assert loaded.compiled is not None, "\n".join(map(str, loaded.problems))
    return loaded.compiled


def en(texts: dict[str, str] | None) -> str:
    return localize(texts, "en")


def items_of(compiled: dict[str, Any], section: dict[str, Any]) -> list[dict[str, Any]]:
    return [compiled["items"][i] for i in section["items"]]


def section_titled(compiled: dict[str, Any], word: str) -> dict[str, Any]:
    [found] = [s for s in compiled["sections"] if word in en(s["title"])]
    return found


def all_texts(compiled: dict[str, Any]) -> str:
    """Every title, summary, speaker and body, as a visitor could read them."""
    parts: list[str] = []
    for entry in [compiled["agenda"], *compiled["sections"], *compiled["items"].values()]:
        for key in ("title", "subtitle", "lead", "summary", "speaker", "body"):
            parts.extend((entry.get(key) or {}).values())
    return "\n".join(parts)


def test_validates_without_errors_or_warnings(loaded: LoadResult) -> None:
    assert [str(p) for p in loaded.problems] == []
    assert loaded.compiled is not None


def test_every_section_file_is_a_listed_manifest(loaded: LoadResult, bundled_content: Path) -> None:
    on_disk = sorted(f"sections/{p.name}" for p in (bundled_content / "sections").glob("*.yaml"))
    assert loaded.manifests == ["agenda.yaml", *on_disk]


def test_six_sections(compiled: dict[str, Any]) -> None:
    assert len(compiled["sections"]) == 6
    for section in compiled["sections"]:
        assert en(section["title"]).strip()
        assert section["items"], f"section {section['id']} is empty"


def test_the_areas_of_action_are_eight_articles(compiled: dict[str, Any]) -> None:
    eight = [
        s
        for s in compiled["sections"]
        if len(s["items"]) == 8 and all(item["kind"] == "article" for item in items_of(compiled, s))
    ]
    assert len(eight) == 1
    [areas] = eight
    assert "Fair Migration Agenda" in en(areas["title"]) or "areas of action" in en(areas["summary"]).lower()
    for item in items_of(compiled, areas):
        assert en(item["body"]).strip(), f"{item['id']} has no text"


@pytest.mark.parametrize(
    ("organisation", "documents"),
    [
        ("ITUC", ["Migration: A decent work issue"]),
        ("IOE", ["IOE Position Paper on International Labour Migration"]),
    ],
)
def test_social_partner_sections_have_a_video_and_their_documents(
    compiled: dict[str, Any], organisation: str, documents: list[str]
) -> None:
    section = section_titled(compiled, organisation)
    items = items_of(compiled, section)
    assert [i["kind"] for i in items].count("video") == 1
    titles = {en(i["title"]) for i in items if i["kind"] == "document"}
    for document in documents:
        assert document in titles
    for item in items:
        assert organisation in en((item.get("source") or {}).get("name"))


def test_voices_on_fair_migration_collection(compiled: dict[str, Any]) -> None:
    collections = [
        i
        for i in compiled["items"].values()
        if i["kind"] == "collection" and en(i["title"]) == "Voices on Fair Migration"
    ]
    assert len(collections) == 1
    assert collections[0]["children"]


def test_the_director_general_video_names_guy_ryder(compiled: dict[str, Any]) -> None:
    dg_videos = [
        i
        for i in compiled["items"].values()
        if i["kind"] == "video" and "Director-General" in en(i["title"]) + en(i.get("speaker"))
    ]
    assert len(dg_videos) == 1
    [video] = dg_videos
    assert "Guy Ryder" in en(video.get("speaker")) + en(video.get("summary")) + en(video.get("body"))


def test_every_video_is_marked_as_a_stand_in(compiled: dict[str, Any]) -> None:
    videos = [i for i in compiled["items"].values() if i["kind"] == "video"]
    assert len(videos) >= 3  # ITUC, IOE and the Director-General at least
    assert [v["id"] for v in videos if v.get("stand_in") is not True] == []


def test_the_agenda_source_is_the_ilo_page(compiled: dict[str, Any]) -> None:
    assert compiled["agenda"]["source"]["url"] == {"en": AGENDA_PAGE}
    assert "ILO" in en(compiled["agenda"]["source"]["name"])


def test_the_constitution_is_quoted(compiled: dict[str, Any]) -> None:
    bodies = [en(e.get("body")) for e in [*compiled["sections"], *compiled["items"].values()]]
    phrase = "protection of the interests of workers when employed in countries other than their own"
    assert any(phrase in body for body in bodies)


@pytest.mark.parametrize(
    "instrument",
    [
        "Migration for Employment Convention (Revised), 1949 (No. 97)",
        "Migrant Workers (Supplementary Provisions) Convention, 1975 (No. 143)",
    ],
)
def test_the_migrant_worker_conventions_are_named(compiled: dict[str, Any], instrument: str) -> None:
    assert instrument in all_texts(compiled)


def test_every_page_can_be_built(compiled: dict[str, Any]) -> None:
    pages = Pages(compiled)
    routes = pages.routes()
    # home, search and attract, then every section and item
    assert len(routes) == len(set(routes)) == 3 + len(compiled["sections"]) + len(compiled["items"])
    for language in pages.languages:
        for route in routes:
            page = pages.page(route, language)
            assert page["route"] == route
            assert page["title"].strip() or route == "search"


def test_every_public_address_is_https(compiled: dict[str, Any]) -> None:
    addresses = [compiled["agenda"]["source"]["url"]]
    for item in compiled["items"].values():
        addresses += [item.get("url"), (item.get("source") or {}).get("url")]
    # Each address is one per language ({en: ...} when one address serves every language).
    addresses = [address for per_language in addresses for address in (per_language or {}).values()]
    assert [a for a in addresses if a and not a.startswith("https://")] == []
