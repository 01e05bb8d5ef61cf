"""What each route shows, as plain data the QML binds to: the decisions live here, not in QML.

Works on compiled content (see loader), so it needs neither pydantic nor Qt and is cheap on a warm start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

FALLBACK_LANGUAGE = "en"
HOME = "home"
# Bump when the shape of compiled content changes, so old caches are not read.
COMPILED_FORMAT = 2


def localize(texts: dict[str, str] | None, language: str) -> str:
    if not texts:
        return ""
    return texts.get(language) or texts.get(FALLBACK_LANGUAGE) or next(iter(texts.values()))


def short_address(url: str, limit: int = 52) -> str:
    """An address a visitor can read at a glance: no scheme, and whole folders left out in the middle."""
    text = url.split("://", 1)[-1].removeprefix("www.").rstrip("/")
    if len(text) <= limit:
        return text
    host, _, path = text.partition("/")
    kept: list[str] = []
    for segment in reversed(path.split("/")):
        if len(host) + 3 + len("/".join([segment, *kept])) > limit:
            break
        kept.insert(0, segment)
    tail = "/".join(kept) if kept else path.split("/")[-1][-(limit - len(host) - 3) :]
    return f"{host}/\u2026/{tail}"


class Pages:
    def __init__(self, compiled: dict[str, Any], content_root: Path | None = None) -> None:
        self.compiled = compiled
        self.content_root = content_root
        self.agenda: dict[str, Any] = compiled["agenda"]
        self.sections: dict[str, dict[str, Any]] = {s["id"]: s for s in compiled["sections"]}
        self.items: dict[str, dict[str, Any]] = compiled["items"]

    @property
    def default_language(self) -> str:
        languages: list[str] = self.agenda.get("languages") or [FALLBACK_LANGUAGE]
        return languages[0]

    def routes(self) -> list[str]:
        """Every page a visitor can reach, in reading order."""
        found = [HOME]
        for section in self.compiled["sections"]:
            found.append(f"section/{section['id']}")
            pending = list(section["items"])
            while pending:
                item_id = pending.pop(0)
                found.append(f"item/{item_id}")
                pending[0:0] = self.items[item_id]["children"]
        return found

    def exists(self, route: str) -> bool:
        kind, _, key = route.partition("/")
        if kind == HOME:
            return not key
        if kind == "section":
            return key in self.sections
        if kind == "item":
            return key in self.items
        return False

    def parent_of(self, route: str) -> str:
        """Where Back leads when there is no history: the page that contains this one."""
        kind, _, key = route.partition("/")
        if kind == "item" and key in self.items:
            item = self.items[key]
            return f"item/{item['parent']}" if item["parent"] else f"section/{item['section']}"
        return HOME

    def page(self, route: str, language: str) -> dict[str, Any]:
        kind, _, key = route.partition("/")
        if kind == "section" and key in self.sections:
            return self._section_page(self.sections[key], language)
        if kind == "item" and key in self.items:
            return self._item_page(self.items[key], language)
        return self._home_page(language)

    def _home_page(self, language: str) -> dict[str, Any]:
        agenda = self.agenda
        return {
            "route": HOME,
            "kind": "home",
            "title": localize(agenda["title"], language),
            "subtitle": localize(agenda.get("subtitle"), language),
            "body": localize(agenda["lead"], language),
            "cards": [self._section_card(s, language) for s in self.compiled["sections"]],
            "trail": [],
        }

    def _section_card(self, section: dict[str, Any], language: str) -> dict[str, Any]:
        return {
            "route": f"section/{section['id']}",
            "kind": "section",
            "title": localize(section["title"], language),
            "summary": localize(section.get("summary"), language),
            "count": len(section["items"]),
            "standIn": False,
        }

    def _item_card(self, item: dict[str, Any], language: str) -> dict[str, Any]:
        return {
            "route": f"item/{item['id']}",
            "kind": item["kind"],
            "title": localize(item["title"], language),
            "summary": localize(item.get("summary"), language),
            "count": len(item["children"]),
            "standIn": bool(item.get("stand_in")),
        }

    def _section_page(self, section: dict[str, Any], language: str) -> dict[str, Any]:
        return {
            "route": f"section/{section['id']}",
            "kind": "section",
            "title": localize(section["title"], language),
            "subtitle": localize(section.get("summary"), language),
            "body": localize(section.get("body"), language),
            "cards": [self._item_card(self.items[i], language) for i in section["items"]],
            "trail": [self._crumb(HOME, language)],
        }

    def _item_page(self, item: dict[str, Any], language: str) -> dict[str, Any]:
        source = item.get("source") or self.agenda["source"]
        ancestors: list[dict[str, str]] = []
        parent = item["parent"]
        while parent:
            ancestors.insert(0, self._crumb(f"item/{parent}", language))
            parent = self.items[parent]["parent"]
        trail = [
            self._crumb(HOME, language),
            self._crumb(f"section/{item['section']}", language),
            *ancestors,
        ]
        related = [self.items[i] for i in item["related"] if i in self.items]
        return {
            "route": f"item/{item['id']}",
            "kind": "item",
            "itemKind": item["kind"],
            "title": localize(item["title"], language),
            "subtitle": localize(item.get("speaker") or item.get("summary"), language),
            "body": localize(item.get("body"), language),
            "cards": [self._item_card(self.items[i], language) for i in item["children"]],
            "related": [self._item_card(r, language) for r in related],
            "sourceName": localize(source.get("name"), language),
            "sourceNote": localize(source.get("note"), language),
            "sourceUrl": source.get("url") or "",
            "url": item.get("url") or "",
            "qrUrl": item.get("url") or source.get("url") or "",
            "displayUrl": short_address(item.get("url") or source.get("url") or ""),
            "standIn": bool(item.get("stand_in")),
            "mediaPath": self._absolute(localize(item.get("file"), language) or None),
            "posterUrl": self._uri(item.get("poster")),
            "captionsPath": self._absolute(localize(item.get("captions"), language) or None),
            "trail": trail,
        }

    def _absolute(self, relative: str | None) -> str:
        if not relative or self.content_root is None:
            return ""
        return str((self.content_root / relative).resolve())

    def _uri(self, relative: str | None) -> str:
        absolute = self._absolute(relative)
        return Path(absolute).as_uri() if absolute else ""

    def _crumb(self, route: str, language: str) -> dict[str, str]:
        kind, _, key = route.partition("/")
        if kind == "section":
            title = localize(self.sections[key]["title"], language)
        elif kind == "item":
            title = localize(self.items[key]["title"], language)
        else:
            title = localize(self.agenda["title"], language)
        return {"route": route, "title": title}


class Navigation:
    """The visitor's way through the pages: a history for Back, and Home that clears it."""

    def __init__(self, pages: Pages, start: str = HOME) -> None:
        self.pages = pages
        self.route = HOME
        self.history: list[str] = []
        self.jump(start)

    def open(self, route: str) -> bool:
        if not self.pages.exists(route) or route == self.route:
            return False
        if route == HOME:
            return self.home()
        self.history.append(self.route)
        self.route = route
        return True

    def jump(self, route: str) -> bool:
        """Go straight to a route with no history, as a deep link does: Back then leads to its parent."""
        target = route if self.pages.exists(route) else HOME
        changed = target != self.route
        self.route = target
        self.history.clear()
        return changed

    def back(self) -> bool:
        if self.route == HOME:
            return False
        self.route = self.history.pop() if self.history else self.pages.parent_of(self.route)
        return True

    def home(self) -> bool:
        changed = self.route != HOME
        self.route = HOME
        self.history.clear()
        return changed

    @property
    def can_go_back(self) -> bool:
        return self.route != HOME
