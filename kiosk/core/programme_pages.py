"""A section or a collection that holds sessions, however deep, shown and counted as a programme.

A visitor who opens such a collection (a day's workshops, a track) looks for the same thing as on the
section's page: which session is when, and in which room. So a collection holding sessions is a
programme page too, with its own title, text, source and related items; and the card that leads to
either says how many sessions the visitor will find there, not how many entries the editor wrote.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kiosk.core.programme import SESSION, held_sessions, programme_page


def programme_view(
    item_ids: Iterable[str],
    items: dict[str, dict[str, Any]],
    programme: dict[str, Any] | None,
    language: str,
    cards: list[dict[str, Any]],
) -> dict[str, Any] | None:
    """What turns a page listing `item_ids` (as `cards`) into a programme page: its sessions by day, its
    other items left as cards. None when no session is among them or in their collections."""
    ids = list(item_ids)
    if not held_sessions(ids, items):
        return None
    return {
        **programme_page({"items": ids}, items, programme, language),
        # The sessions are in the day switch; the other items stay cards.
        "cards": [card for card in cards if card["kind"] != SESSION],
    }


def card_count(item_ids: Iterable[str], items: dict[str, dict[str, Any]]) -> dict[str, int]:
    """What a card says is behind it: the sessions its programme page lists (inside collections too),
    and the cards beside them; or, holding no session, its items."""
    ids = [item_id for item_id in item_ids if item_id in items]
    sessions = held_sessions(ids, items)
    if not sessions:
        return {"count": len(ids), "sessionCount": 0}
    return {
        "count": sum(1 for item_id in ids if items[item_id]["kind"] != SESSION),
        "sessionCount": len(sessions),
    }
