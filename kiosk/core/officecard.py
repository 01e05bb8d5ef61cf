"""The office card's words in one language: read on every page change, so no pydantic here (the
checking is kiosk.core.office's, at load)."""

from __future__ import annotations

import re
from typing import Any

from kiosk.core.localized import localize, short_address


def office_card(office: dict[str, Any] | None, language: str) -> dict[str, Any] | None:
    """What the card and the slide show in `language` (English where a text is not translated)."""
    if not office or not office.get("name"):
        return None
    web = localize(office.get("web"), language)
    email = localize(office.get("email"), language)
    phone = localize(office.get("phone"), language)
    return {
        "kind": office.get("kind", "office"),
        "name": localize(office.get("name"), language),
        "address": localize(office.get("address"), language),
        "hours": localize(office.get("hours"), language),
        "phone": phone,
        "phoneUrl": "tel:" + re.sub(r"[^0-9+]", "", phone) if phone else "",
        "email": email,
        "emailUrl": f"mailto:{email}" if email else "",
        "web": short_address(web) if web else "",
        "webUrl": web,
    }
