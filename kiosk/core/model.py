"""The content schema: one set of pydantic models for every manifest an editor writes.

`kiosk schema` publishes these as JSON Schema, so the field descriptions here are what editors see
as completion hints in their YAML editor.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
    field_validator,
)

from kiosk.core.schema_forms import (
    LANGUAGE_CODE_PATTERN,
    PATH_EXAMPLES,
    TEXT_EXAMPLES,
    URL_EXAMPLES,
    one_or_per_language,
)

FALLBACK_LANGUAGE = "en"
LANGUAGE_CODE = re.compile(LANGUAGE_CODE_PATTERN)
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


def _text_or_translations(value: Any) -> Any:
    # A bare string is the English text: the common case for an editor writing one language.
    return {FALLBACK_LANGUAGE: value} if isinstance(value, str) else value


def _check_translations(value: dict[str, str]) -> dict[str, str]:
    for code in value:
        if not LANGUAGE_CODE.match(code):
            raise ValueError(f"'{code}' is not a language code (use e.g. en, fr, es)")
    if FALLBACK_LANGUAGE not in value:
        raise ValueError(
            f"needs an English text ('{FALLBACK_LANGUAGE}:'), shown when a translation is missing"
        )
    return value


Localized = Annotated[
    dict[str, Annotated[str, Field(min_length=1)]],
    BeforeValidator(_text_or_translations),
    AfterValidator(_check_translations),
    WithJsonSchema(
        one_or_per_language(
            {"type": "string", "minLength": 1},
            what="text",
            description="A text, or one text per language code: {en: ..., fr: ..., ar: ...}",
            examples=TEXT_EXAMPLES,
            english_required=True,
        )
    ),
]
Identifier = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        max_length=80,
        description="Lower-case letters, digits and hyphens; unique; used in routes",
    ),
]
ContentPath = Annotated[
    str,
    Field(min_length=1, description="A path relative to the content folder, e.g. media/intro.mp4"),
]
LocalizedPath = Annotated[
    dict[str, ContentPath],
    BeforeValidator(_text_or_translations),
    AfterValidator(_check_translations),
    WithJsonSchema(
        one_or_per_language(
            {"type": "string", "minLength": 1},
            what="path",
            description="A path relative to the content folder, or one path per language code",
            examples=PATH_EXAMPLES,
            english_required=True,
        )
    ),
]
URL_PATTERN = r"^https?://[^\s/$.?#].[^\s]*$"
PublicUrl = Annotated[
    str,
    Field(pattern=URL_PATTERN, description="A public web address (http/https)"),
]


def _address_or_addresses(value: Any) -> Any:
    # One address for every language is written as a bare string; it is stored as the English one,
    # which every language falls back to.
    return {FALLBACK_LANGUAGE: value} if isinstance(value, str) else value


def _check_address_languages(value: dict[str, str]) -> dict[str, str]:
    # Unlike a text, an address need not exist in English: a local office may only have a page in
    # its own language. The visitor's language is used, then English, then the first given.
    for code in value:
        if not LANGUAGE_CODE.match(code):
            raise ValueError(f"'{code}' is not a language code (use e.g. en, fr, es)")
    if not value:
        raise ValueError("give an address, or one address per language ({en: https://..., fr: ...})")
    return value


LocalizedUrl = Annotated[
    dict[str, PublicUrl],
    BeforeValidator(_address_or_addresses),
    AfterValidator(_check_address_languages),
    WithJsonSchema(
        one_or_per_language(
            {"type": "string", "pattern": URL_PATTERN},
            what="web address",
            description="A public web address (http/https), or one per language code: "
            "{en: https://..., ar: https://...}; the QR code follows the visitor's language",
            examples=URL_EXAMPLES,
            english_required=False,
        )
    ),
]
ACCENT_PATTERN = r"^#[0-9A-Fa-f]{6}$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Attribution(Strict):
    """Who made or published the material."""

    name: Localized
    url: LocalizedUrl | None = None
    note: Localized | None = None


class Organisation(Strict):
    """Who presents the agenda: their name, logo and colour on the home page, the attract loop and the
    handout."""

    name: Localized
    logo: ContentPath | None = Field(
        None, description="SVG or PNG in the content folder, e.g. images/logo.svg; drawn on a white plate"
    )
    accent: str | None = Field(
        None,
        pattern=ACCENT_PATTERN,
        description="Accent colour as #RRGGBB, in place of the kiosk's blue; it must reach 4.5:1 "
        "contrast with the backgrounds it is drawn on (kiosk validate says)",
    )


class Body(Strict):
    """Shared by sections and items: Markdown text inline, or in .md files."""

    body: Localized | None = Field(None, description="Markdown text")
    body_file: LocalizedPath | None = Field(None, description="Markdown file(s), instead of an inline body")


class ItemBase(Body):
    id: Identifier
    title: Localized
    summary: Localized | None = Field(None, description="One or two lines shown on the item's card")
    source: Attribution | None = Field(None, description="Attribution; defaults to the agenda's")
    url: LocalizedUrl | None = Field(None, description="Public address, shown as a QR code")
    stand_in: bool = Field(
        False, description="True while the media is the project's stand-in, not the real file"
    )
    related: list[Identifier] = Field(default_factory=list, description="Ids of items offered after this one")
    reviewed: datetime.date | None = Field(
        None, description="When an editor last checked the item (YYYY-MM-DD)"
    )
    expires: datetime.date | None = Field(
        None,
        description="From this date (YYYY-MM-DD) the item is out of date: validate and the admin panel warn",
    )


class Article(ItemBase):
    kind: Literal["article"]


class Video(ItemBase):
    kind: Literal["video"]
    file: LocalizedPath | None = Field(
        None, description="MP4 (H.264/AAC) or WebM (VP9/Opus), or one per language (e.g. narrated versions)"
    )
    poster: ContentPath | None = Field(None, description="PNG or JPEG shown before playback")
    captions: LocalizedPath | None = Field(None, description="WebVTT or SRT file per language")
    speaker: Localized | None = None


class Document(ItemBase):
    kind: Literal["document"]
    file: LocalizedPath | None = Field(
        None, description="A PDF bundled with the content, or one per language"
    )


class Link(ItemBase):
    kind: Literal["link"]
    url: LocalizedUrl = Field(description="Public address, shown as a QR code")


class Collection(ItemBase):
    kind: Literal["collection"]
    items: list[Item] = Field(min_length=1, description="The items inside the collection, in order")


class Speaker(Strict):
    """Someone who speaks at a session."""

    name: Localized
    role: Localized | None = Field(None, description="e.g. Chair, Panellist, Keynote speaker")
    organisation: Localized | None = None


def _no_number_as_time(value: Any) -> Any:
    # YAML reads 10:30 as the number 630 (base 60) and pydantic reads a number as seconds since 1970.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError("is not a date and time: write the day and the time, e.g. 2027-03-10T09:30")
    return value


def _local_time_only(value: datetime.datetime) -> datetime.datetime:
    if value.tzinfo is not None:
        raise ValueError(
            "write the local time without an offset, e.g. 2027-03-10T09:30: the time zone is "
            "agenda.yaml's programme.time_zone"
        )
    return value


SessionTime = Annotated[
    datetime.datetime,
    BeforeValidator(_no_number_as_time),
    AfterValidator(_local_time_only),
    # Not JSON Schema's "date-time": that asks for seconds and an offset, and an editor would see
    # every correct local time underlined.
    WithJsonSchema(
        {
            "type": "string",
            # What the loader reads as a time: a day alone is its midnight.
            "pattern": r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
            r"([Tt _]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?)?$",
            "description": "Local date and time in the programme's time zone (agenda.yaml "
            "programme.time_zone), written YYYY-MM-DDTHH:MM, e.g. 2027-03-10T09:30",
            "examples": ["2027-03-10T09:30"],
        }
    ),
]


class Session(ItemBase):
    """A sitting of a conference programme: when, where, who, in which languages."""

    kind: Literal["session"]
    start: SessionTime
    end: SessionTime
    room: Localized | None = Field(None, description="The room or place, e.g. Room B, Main hall")
    speakers: list[Speaker] = Field(default_factory=list, description="Who speaks, in the order shown")
    languages: list[Annotated[str, Field(pattern=LANGUAGE_CODE.pattern)]] = Field(
        default_factory=list, description="Language codes the session is held in (interpretation included)"
    )


Item = Annotated[Article | Video | Document | Link | Collection | Session, Field(discriminator="kind")]
ITEM_KINDS = ("article", "video", "document", "link", "collection", "session")
Collection.model_rebuild()


class Section(Body):
    """One file under sections/: a tile on the home page and its own page."""

    id: Identifier
    title: Localized
    summary: Localized | None = Field(None, description="One or two lines shown on the home tile")
    items: list[Item] = Field(default_factory=list, description="The section's items, in display order")


class Programme(Strict):
    """A conference programme: the time zone its sessions' times are written in, and its days."""

    time_zone: str | None = Field(
        None, description="IANA time zone name of the venue, e.g. Europe/Zurich, Asia/Kathmandu"
    )
    first_day: datetime.date | None = Field(None, description="The programme's first day (YYYY-MM-DD)")
    last_day: datetime.date | None = Field(None, description="The programme's last day (YYYY-MM-DD)")
    rooms: list[Localized] = Field(
        default_factory=list, description="The rooms in use: kiosk programme import refuses any other"
    )


class Agenda(Strict):
    """agenda.yaml: the kiosk's title, lead text, languages and the order of its sections."""

    schema_version: Literal[1] = Field(1, description="The content format's version: 1")
    title: Localized
    subtitle: Localized | None = None
    lead: Localized
    languages: list[Annotated[str, Field(pattern=LANGUAGE_CODE.pattern)]] = Field(
        default_factory=lambda: [FALLBACK_LANGUAGE],
        min_length=1,
        description="Language codes the kiosk offers, e.g. [en, fr, es, ar]; the first is the default",
    )
    translations_pending_review: list[Annotated[str, Field(pattern=LANGUAGE_CODE.pattern)]] = Field(
        default_factory=list,
        description="Languages whose texts are translations not yet reviewed; the kiosk says so on screen",
    )
    source: Attribution
    organisation: Organisation | None = Field(
        None, description="The organisation presenting this content: name, logo and accent colour"
    )
    version: str = Field(description="Content version, shown to staff")
    reviewed: datetime.date | None = None
    sections: list[Identifier] = Field(min_length=1, description="Section ids, in display order")
    programme: Programme | None = Field(
        None, description="A conference programme: its time zone and days (sessions are 'session' items)"
    )

    @field_validator("languages")
    @classmethod
    def _each_language_once(cls, languages: list[str]) -> list[str]:
        repeated = sorted({code for code in languages if languages.count(code) > 1})
        if repeated:
            raise ValueError(f"{', '.join(repeated)} listed more than once")
        return languages


class AttractSettings(Strict):
    """What plays while nobody is using the kiosk: a slide for each section, with videos between."""

    videos: list[Identifier] | None = Field(
        None, description="Ids of video items to play (muted, with captions); default: every video"
    )
    slide_seconds: int = Field(8, ge=3, le=60, description="How long each section's slide shows")
    slides_between_videos: int = Field(3, ge=1, le=20, description="Section slides before each video")


class AnalyticsSettings(Strict):
    """The kiosk's own record of what visitors used: local only, never sent anywhere."""

    enabled: bool = Field(True, description="Record visitor sessions on this kiosk (kiosk mode only)")
    retention_days: int = Field(
        365, ge=1, le=3650, description="Days a visit is kept before it is deleted from the record"
    )


# The office card's addresses (kiosk.core.office reports their mistakes).
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
WEB = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
# Digits with the usual separators; a leading + for the country code.
PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]{3,30}$")


def _each_matches(pattern: re.Pattern[str], what: str, example: str) -> Any:
    def check(value: dict[str, str]) -> dict[str, str]:
        if not value:
            raise ValueError(f"give {what}, or one per language ({{en: ..., ar: ...}})")
        for code, text in value.items():
            if not LANGUAGE_CODE.match(code):
                raise ValueError(f"'{code}' is not a language code (use e.g. en, fr, es)")
            if not pattern.match(text.strip()):
                raise ValueError(f"{text!r} is not {what}, e.g. {example}")
        return {code: text.strip() for code, text in value.items()}

    return check


def _one_or_per_language(
    pattern: re.Pattern[str], what: str, description: str, example: str
) -> dict[str, Any]:
    # As an editor writes it: one value for every language, or {language: value}.
    return one_or_per_language(
        {"type": "string", "pattern": pattern.pattern},
        what=what,
        description=description,
        examples=[example, {"en": example}],
        english_required=False,
    )


Phone = Annotated[
    dict[str, str],
    BeforeValidator(_text_or_translations),
    AfterValidator(_each_matches(PHONE, "a phone number", "+49 561 123 4567")),
    WithJsonSchema(
        _one_or_per_language(PHONE, "phone number", "A phone number, or one per language", "+49 561 123 4567")
    ),
]
Email = Annotated[
    dict[str, str],
    BeforeValidator(_text_or_translations),
    AfterValidator(_each_matches(EMAIL, "an e-mail address", "advice@example.org")),
    WithJsonSchema(
        _one_or_per_language(
            EMAIL, "e-mail address", "An e-mail address, or one per language", "advice@example.org"
        )
    ),
]
Web = Annotated[
    dict[str, str],
    BeforeValidator(_text_or_translations),
    AfterValidator(_each_matches(WEB, "a web address", "https://example.org/kassel")),
    WithJsonSchema(
        _one_or_per_language(
            WEB,
            "web address",
            "A web address (http/https), or one per language; shown as a QR code",
            "https://example.org/kassel",
        )
    ),
]


class Office(Strict):
    """The office or venue where this kiosk stands, shown to its visitors on a card and a slide."""

    kind: Literal["office", "venue"] = Field("office", description="office (a 'This office' card) or venue")
    name: Localized = Field(
        description="The office's or venue's name, as its visitors know it",
        examples=["Advice Centre Kassel", {"en": "Advice Centre Kassel", "de": "Beratungsstelle Kassel"}],
    )
    address: Localized | None = Field(None, description="Street, town: one line per line of the address")
    hours: Localized | None = Field(None, description="Opening hours, as visitors read them")
    phone: Phone | None = None
    email: Email | None = None
    web: Web | None = None


def _office_apart(value: Any, handler: ValidatorFunctionWrapHandler) -> Office | None:
    # A mistake in the office block must not make the kiosk ignore the rest of its kiosk.yaml:
    # kiosk.core.office checks the block again and reports each mistake at its line, as a warning.
    try:
        office: Office | None = handler(value)
    except ValidationError:
        return None
    return office


class KioskSettings(Strict):
    """kiosk.yaml (optional, in the content folder or the machine's config folder): booth behaviour."""

    kiosk_mode: bool = Field(False, description="Open fullscreen and locked down, as with kiosk --kiosk")
    screen: int = Field(0, ge=0, le=16, description="Which screen to fill (0 is the first)")
    idle_seconds: int = Field(90, ge=15, le=3600, description="Seconds without a touch before 'Still there?'")
    prompt_seconds: int = Field(
        10, ge=3, le=60, description="Seconds 'Still there?' counts down before a reset"
    )
    attract: AttractSettings = Field(default_factory=AttractSettings)
    analytics: AnalyticsSettings = Field(default_factory=AnalyticsSettings)
    pack_folder: str | None = Field(
        None,
        description="A folder to watch for newer signed content packs (a network share, or a folder kept "
        "in sync across kiosks); a newer pack found there is installed at the next idle reset",
    )
    name: str | None = Field(
        None,
        pattern=r"^[a-z0-9][a-z0-9-]{0,62}$",
        description="This kiosk's name in the fleet (lower-case letters, digits, hyphens; one per kiosk): "
        "it reports into <pack_folder>/kiosks/<name>/ (default: the computer's name)",
    )
    place: str | None = Field(
        None, min_length=1, max_length=200, description="Where this kiosk stands, for the fleet report"
    )
    office: Annotated[Office | None, WrapValidator(_office_apart)] = Field(
        None,
        description="This office or venue, for its visitors: a 'This office' or 'This venue' card on the "
        "home page and a slide in the attract loop. A mistake here leaves only the card out",
    )


MODEL_FOR_FILE_KIND: dict[str, type[Strict]] = {"agenda": Agenda, "section": Section, "kiosk": KioskSettings}


ITEM_MODELS: dict[str, type[ItemBase]] = {
    "article": Article,
    "video": Video,
    "document": Document,
    "link": Link,
    "collection": Collection,
    "session": Session,
}
# Fields that take text or {language: text}, and a path or {language: path}: for clearer messages.
LOCALIZED_TEXT_FIELDS = {
    "title",
    "subtitle",
    "summary",
    "lead",
    "body",
    "name",
    "note",
    "speaker",
    "room",
    "role",
}
LOCALIZED_PATH_FIELDS = {"body_file", "captions", "file"}


def kinds_with_field(name: str) -> list[str]:
    return [kind for kind, model in ITEM_MODELS.items() if name in model.model_fields]


def all_field_names() -> set[str]:
    """Every key a manifest may use, for 'did you mean' hints."""
    names: set[str] = set()
    for model in (
        Agenda,
        Section,
        Attribution,
        Organisation,
        Article,
        Video,
        Document,
        Link,
        Collection,
        Session,
        Speaker,
        Programme,
        KioskSettings,
        AttractSettings,
    ):
        names.update(model.model_fields)
    return names
