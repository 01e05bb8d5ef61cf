"""Run by test_speech_dispatcher.py in a process of its own (SPEECHD_ADDRESS points at the test's own
speech-dispatcher): the kiosk's read-aloud with the real engine. Prints one JSON line."""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.ui.speech import SYSTEM_ENGINE, ReadAloudViewModel, voice_inventory

app = QGuiApplication(sys.argv[:1])
found: dict[str, object] = {}

# The engine as Qt gives it: its voices for English, and the states of one passage spoken. (Qt's
# speech-dispatcher engine tells every engine of the process about every state: this one hears the
# kiosk's below too, which is why the kiosk has one engine only.)
engine = QTextToSpeech("speechd")
found["engine_state"] = engine.state().name
found["inventory"] = voice_inventory(engine, ["en"])
states: list[str] = []
engine.stateChanged.connect(lambda state: states.append(state.name))
started = time.monotonic()


def spoken() -> bool:
    return "Speaking" in states and states[-1] == "Ready"


engine.say("Ask for the contract in writing.")
while not spoken() and time.monotonic() - started < 10:
    QCoreApplication.processEvents()
    time.sleep(0.01)
found["states"] = states
found["seconds"] = round(time.monotonic() - started, 2)

# The kiosk's own read-aloud on its speech thread: a page read to its end.
read_aloud = ReadAloudViewModel(SYSTEM_ENGINE, ["en"])
read_aloud.prepare()
read_aloud.show_page(
    {
        "kind": "section",
        "language": "en",
        "title": "Where to get help",
        "body": "Ask a union.\n\nAsk the embassy.",
    }
)
heard: list[int] = []
# Loading lists every voice of every synthesiser: seconds, and tens of seconds on a busy machine. The
# reading has a time of its own from then on: with one deadline for both, a slow load left the page
# no time to be read.
loading_from = time.monotonic()
deadline = loading_from + 45
# The engine loads on its own thread while this one goes on answering: the longest wait between two
# turns of this loop is how long a finger would wait.
longest = 0.0
turn = time.monotonic()
while not read_aloud.inventory() and time.monotonic() < deadline:
    QCoreApplication.processEvents()
    time.sleep(0.01)
    longest = max(longest, time.monotonic() - turn)
    turn = time.monotonic()
found["gui_stall"] = round(longest, 3)
found["loaded_after"] = round(time.monotonic() - loading_from, 2)
read_aloud.changed.connect(lambda: heard.append(read_aloud.property("current")))
read_aloud.start()
deadline = time.monotonic() + 30
while read_aloud.property("speaking") and time.monotonic() < deadline:
    QCoreApplication.processEvents()
    time.sleep(0.01)
found["read_aloud"] = heard
read_aloud.release()
print(json.dumps(found), flush=True)
