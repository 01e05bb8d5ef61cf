"""A small screen reader for the tests, run with the system Python (/usr/bin/python3), where Debian's
python3-pyatspi lives. It does what Orca does with an application, short of speaking: listens to the
accessibility bus (focus, announcements, names, states) and walks the tree of accessible objects.

One JSON command a line on standard input, one JSON answer a line on standard output:
  {"do": "tree"}                     the application's showing objects, depth first (reading order)
  {"do": "focused"}                  the object that has the keyboard focus, or null
  {"do": "events", "since": N}       the events heard from number N on, and the next number
                                     (focus, announcements, names, values, checked and pressed states)
  {"do": "press", "index": [..]}     run the default action ("press") of the object at that path
  {"do": "sync"}                     every event the application sent before now, heard; the next number
The first line written is {"ready": true, "app": NAME} once the application is on the bus."""

from __future__ import annotations

import json
import sys
import time

import pyatspi
from gi.repository import GLib

APP_NAME = sys.argv[1] if len(sys.argv) > 1 else ""
# Objects past this depth are not walked: the kiosk's deepest is about 20.
MAX_DEPTH = 60
EVENTS = (
    "focus:",
    "object:state-changed:focused",
    "object:announcement",
    "object:property-change:accessible-name",
    # Listened to also so that libatspi's cache of a description is renewed when it changes (the
    # seek bar's "0:10 of 0:35"): without a listener it keeps the first one it fetched.
    "object:property-change:accessible-description",
    "object:children-changed",
    # A slider moved, a toggle switched: what Orca says as "65" or "pressed" / "not pressed".
    "object:property-change:accessible-value",
    "object:value-changed",
    "object:state-changed:checked",
    "object:state-changed:pressed",
)

heard: list[dict] = []


def role_of(accessible) -> str:
    try:
        return accessible.getRoleName()
    except Exception:
        return "?"


def states_of(accessible) -> list[str]:
    try:
        state_set = accessible.getState()
        return sorted(pyatspi.stateToString(state).replace(" ", "-") for state in state_set.getStates())
    except Exception:
        return []


def attributes_of(accessible) -> dict:
    try:
        pairs = accessible.getAttributes() or []
    except Exception:
        return {}
    found = {}
    for pair in pairs:
        key, _, value = pair.partition(":")
        found[key] = value
    return found


def text_of(accessible) -> str:
    try:
        text = accessible.queryText()
    except Exception:
        return ""
    try:
        return text.getText(0, -1)
    except Exception:
        return ""


def value_of(accessible) -> dict | None:
    """A slider's value, minimum and maximum (AT-SPI's Value interface), or None for other objects."""
    try:
        value = accessible.queryValue()
    except Exception:
        return None
    try:
        return {"now": value.currentValue, "min": value.minimumValue, "max": value.maximumValue}
    except Exception:
        return None


def extents_of(accessible) -> list[int]:
    try:
        box = accessible.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        return [box.x, box.y, box.width, box.height]
    except Exception:
        return [0, 0, 0, 0]


def describe(accessible, path: list[int]) -> dict:
    # libatspi keeps an object's name and description from the events heard; its extents are asked of
    # the application, whose answer comes after the events it sent before. Handed out now, those
    # events renew the name: else a caption that came while a tree was walked is on show, unnamed.
    extents = extents_of(accessible)
    hear_waiting_events()
    return {
        "extents": extents,
        "path": path,
        "role": role_of(accessible),
        "name": accessible.name or "",
        "description": accessible.description or "",
        "states": states_of(accessible),
        "attributes": attributes_of(accessible),
        "text": text_of(accessible),
        "value": value_of(accessible),
        "childCount": accessible.childCount,
    }


def application():
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and (not APP_NAME or app.name == APP_NAME):
            return app
    return None


def walk(accessible, path: list[int], found: list[dict], depth: int = 0) -> None:
    if accessible is None or depth > MAX_DEPTH:
        return
    entry = describe(accessible, path)
    found.append(entry)
    for index in range(accessible.childCount):
        try:
            child = accessible.getChildAtIndex(index)
        except Exception:
            continue
        walk(child, [*path, index], found, depth + 1)


def at_path(path: list[int]):
    accessible = application()
    for index in path:
        accessible = accessible.getChildAtIndex(index)
    return accessible


def focused() -> dict | None:
    app = application()
    if app is None:
        return None
    stack = [(app, [])]
    while stack:
        accessible, path = stack.pop()
        if accessible is None:
            continue
        states = states_of(accessible)
        if "focused" in states:
            return describe(accessible, path)
        if len(path) > MAX_DEPTH:
            continue
        for index in range(accessible.childCount):
            try:
                stack.append((accessible.getChildAtIndex(index), [*path, index]))
            except Exception:
                continue
    return None


def sync() -> int:
    """Hear every event the application sent before now. Its events and its answers travel in order on
    one connection, so once a call to it (one never answered from libatspi's cache: the window's
    extents) is answered, the events sent before are here; then they are handed to on_event."""
    app = application()
    if app is not None and app.childCount > 0:
        extents_of(app.getChildAtIndex(0))
    hear_waiting_events()
    return len(heard)


def hear_waiting_events() -> None:
    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)


def on_event(event) -> None:
    source = event.source
    try:
        app = source.getApplication()
        if APP_NAME and (app is None or app.name != APP_NAME):
            return
    except Exception:
        return
    data = event.any_data
    heard.append(
        {
            "type": event.type,
            "detail1": event.detail1,
            "detail2": event.detail2,
            "data": data if isinstance(data, (str, int, float)) else "",
            "role": role_of(source),
            "name": source.name or "",
            "time": time.monotonic(),
        }
    )


def answer(command: dict):
    what = command["do"]
    if what == "tree":
        found: list[dict] = []
        walk(application(), [], found)
        return found
    if what == "focused":
        return focused()
    if what == "events":
        since = int(command.get("since", 0))
        return {"events": heard[since:], "next": len(heard)}
    if what == "sync":
        return sync()
    if what == "press":
        accessible = at_path(command["path"])
        action = accessible.queryAction()
        for index in range(action.nActions):
            if action.getName(index) in ("press", "Press", "click"):
                return action.doAction(index)
        return action.doAction(0)
    raise ValueError(f"unknown command {what!r}")


def on_input(channel, condition) -> bool:
    line = sys.stdin.readline()
    if not line:
        pyatspi.Registry.stop()
        return False
    try:
        reply = {"ok": answer(json.loads(line))}
    except Exception as problem:  # the test reads the message; the reader keeps listening
        reply = {"error": f"{type(problem).__name__}: {problem}"}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
    return True


def wait_for_application() -> bool:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if application() is not None:
            return True
        time.sleep(0.1)
    return False


def main() -> None:
    for kind in EVENTS:
        pyatspi.Registry.registerEventListener(on_event, kind)
    found = wait_for_application()
    sys.stdout.write(json.dumps({"ready": found, "app": APP_NAME}) + "\n")
    sys.stdout.flush()
    GLib.io_add_watch(sys.stdin, GLib.IO_IN | GLib.IO_HUP, on_input)
    # No idle callback letting other threads have Python's lock (there are none): with it the main loop
    # is never idle, so sync() could not tell when the events waiting have all been handed out.
    pyatspi.Registry.start(gil=False)


if __name__ == "__main__":
    main()
