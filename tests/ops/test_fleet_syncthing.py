"""The fleet through the real engine: two Syncthing instances on this machine, an editors' side and a
kiosk's side, set up as "Syncthing for a fleet" in docs/booth-and-it.md tells IT to. A pack the editors publish reaches
the kiosk, which installs it; the kiosk's status and a day's visits come back, and `kiosk fleet
status` on the editors' side shows them.

Loopback only: GUI/API and sync on 127.0.0.1, with discovery, relays, NAT and usage reporting off.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import pytest

from kiosk.cli import main
from kiosk.core import fleet, packs
from kiosk.core.analytics import Recorder
from kiosk.core.loader import load_content
from kiosk.core.problems import errors
from tests.core.contentkit import build_valid_content

SYNCTHING = shutil.which("syncthing") or "/usr/bin/syncthing"
PACKS_FOLDER = "kiosk-packs"
REPORTS_FOLDER = "kiosk-reports"
# Whatever is slow here (a loaded two-core machine), the whole test stays well under a minute.
DEADLINE_S = 40.0

# Real processes: a hang fails here, with every thread's stack, well before the suite's 120 s.
pytestmark = [
    pytest.mark.timeout(60),
    pytest.mark.skipif(not Path(SYNCTHING).is_file(), reason="syncthing is not installed"),
]


def free_ports(count: int) -> list[int]:
    """Ports free now, all different: each probe stays bound until all are chosen. One at a time, the
    kernel may give a port just let go again: both of a Syncthing's ports were once the same, and it
    could not start its API ("address already in use")."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


@dataclass
class Side:
    name: str
    home: Path
    share: Path
    device_id: str = ""
    api_port: int = 0
    sync_port: int = 0
    api_key: str = ""
    process: subprocess.Popen[bytes] | None = None

    def api(self, method: str, path: str) -> Any:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.api_port}{path}", method=method, headers={"X-API-Key": self.api_key}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            body = response.read()
        return json.loads(body) if body.strip() else None

    def scan(self, folder: str) -> None:
        self.api("POST", f"/rest/db/scan?folder={folder}")


def folder_xml(folder_id: str, path: Path, kind: str, devices: list[str]) -> str:
    members = "".join(f'<device id="{device}"></device>' for device in devices)
    return (
        f"<folder id={quoteattr(folder_id)} label={quoteattr(folder_id)} path={quoteattr(str(path))} "
        f'type="{kind}" rescanIntervalS="2" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="true">'
        f'{members}<minDiskFree unit="%">0</minDiskFree></folder>'
    )


def write_config(side: Side, other: Side, folders: list[tuple[str, Path, str]]) -> None:
    """The whole config.xml: only this machine's loopback, nothing announced, nothing reported."""
    devices = [side.device_id, other.device_id]
    xml = (
        '<configuration version="36">'
        + "".join(folder_xml(folder_id, path, kind, devices) for folder_id, path, kind in folders)
        + f'<device id="{side.device_id}" name="{side.name}"><address>dynamic</address></device>'
        + f'<device id="{other.device_id}" name="{other.name}">'
        f"<address>tcp://127.0.0.1:{other.sync_port}</address></device>"
        + f'<gui enabled="true" tls="false"><address>127.0.0.1:{side.api_port}</address>'
        f"<apikey>{side.api_key}</apikey></gui>" + "<options>"
        f"<listenAddress>tcp://127.0.0.1:{side.sync_port}</listenAddress>"
        "<globalAnnounceEnabled>false</globalAnnounceEnabled>"
        "<localAnnounceEnabled>false</localAnnounceEnabled>"
        "<relaysEnabled>false</relaysEnabled>"
        "<natEnabled>false</natEnabled>"
        "<urAccepted>-1</urAccepted>"
        "<crashReportingEnabled>false</crashReportingEnabled>"
        "<startBrowser>false</startBrowser>"
        "<autoUpgradeIntervalH>0</autoUpgradeIntervalH>"
        "<reconnectionIntervalS>1</reconnectionIntervalS>"
        "</options></configuration>"
    )
    (side.home / "config.xml").write_text(xml, encoding="utf-8")


def prepare_folder(path: Path, ignore: str = "") -> None:
    (path / ".stfolder").mkdir(parents=True, exist_ok=True)
    if ignore:
        (path / ".stignore").write_text(ignore, encoding="utf-8")


def wait_for(what: str, done: Callable[[], object], deadline: float, sides: list[Side]) -> None:
    while time.monotonic() < deadline:
        if done():
            return
        for side in sides:
            if side.process is not None and side.process.poll() is not None:
                log = (side.home / "syncthing.log").read_text(encoding="utf-8", errors="replace")[-3000:]
                pytest.fail(f"syncthing ({side.name}) stopped while waiting for {what}:\n{log}")
        time.sleep(0.2)
    logs = "\n".join(
        f"--- {side.name}\n"
        + (side.home / "syncthing.log").read_text(encoding="utf-8", errors="replace")[-2000:]
        for side in sides
    )
    pytest.fail(f"timed out waiting for {what}\n{logs}")


@pytest.fixture
def two_sides(tmp_path: Path) -> Iterator[tuple[Side, Side]]:
    """The editors' Syncthing and the kiosk's, connected, each folder as docs/booth-and-it.md says."""
    editors = Side("editors", tmp_path / "editors-syncthing", tmp_path / "editors" / "share")
    kiosk = Side("kiosk", tmp_path / "kiosk-syncthing", tmp_path / "kiosk" / "share")
    environment = {
        **os.environ,
        "STNOUPGRADE": "1",
        "STNORESTART": "1",
        "STNODEFAULTFOLDER": "1",
        "HOME": str(tmp_path),
        "all_proxy": "",
        "http_proxy": "",
        "https_proxy": "",
    }
    ports = free_ports(4)
    for side in (editors, kiosk):
        side.home.mkdir(parents=True)
        made = subprocess.run(
            [SYNCTHING, "generate", f"--home={side.home}", "--no-default-folder", "--skip-port-probing"],
            capture_output=True,
            text=True,
            timeout=30,
            env=environment,
            check=True,
        )
        side.device_id = next(
            line.split("Device ID:")[1].strip()
            for line in (made.stdout + made.stderr).splitlines()
            if "Device ID:" in line
        )
        side.api_port, side.sync_port, side.api_key = ports.pop(), ports.pop(), secrets.token_hex(16)
    # Editors: packs go out (send-only), reports come in (receive-only). The reports folder sits
    # inside the packs folder, so that one ignores it; the kiosk's side is the mirror image.
    prepare_folder(editors.share, "/kiosks\n")
    prepare_folder(editors.share / "kiosks")
    prepare_folder(kiosk.share, "/kiosks\n")
    prepare_folder(kiosk.share / "kiosks", "(?d).*.tmp\n")
    write_config(
        editors,
        kiosk,
        [
            (PACKS_FOLDER, editors.share, "sendonly"),
            (REPORTS_FOLDER, editors.share / "kiosks", "receiveonly"),
        ],
    )
    write_config(
        kiosk,
        editors,
        [(PACKS_FOLDER, kiosk.share, "receiveonly"), (REPORTS_FOLDER, kiosk.share / "kiosks", "sendonly")],
    )
    try:
        for side in (editors, kiosk):
            side.process = subprocess.Popen(
                [
                    SYNCTHING,
                    "serve",
                    f"--home={side.home}",
                    "--no-browser",
                    "--no-restart",
                    "--no-upgrade",
                    f"--logfile={side.home / 'syncthing.log'}",
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=environment,
                start_new_session=True,
            )
        yield editors, kiosk
    finally:
        for side in (editors, kiosk):
            if side.process is not None and side.process.poll() is None:
                os.killpg(side.process.pid, signal.SIGTERM)
        for side in (editors, kiosk):
            if side.process is not None:
                try:
                    side.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(side.process.pid, signal.SIGKILL)
                    side.process.wait(timeout=5)


def connected(side: Side, other: Side) -> bool:
    try:
        connections = side.api("GET", "/rest/system/connections")["connections"]
    except OSError:
        return False
    return bool(connections.get(other.device_id, {}).get("connected"))


def quick_validate(folder: Path) -> list[str]:
    return [str(problem) for problem in errors(load_content(folder).problems)]


def test_a_pack_goes_out_and_the_kiosks_status_and_visits_come_back(
    two_sides: tuple[Side, Side], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.monotonic()
    deadline = started + DEADLINE_S
    editors, kiosk = two_sides
    sides = [editors, kiosk]
    # The editors build and sign a pack; the kiosk trusts their key.
    keys = tmp_path / "keys"
    packs.keygen(keys)
    content = build_valid_content(tmp_path / "content")
    content.replace("agenda.yaml", 'version: "1.0"', 'version: "2026.12"')
    kiosk_config, kiosk_data = tmp_path / "kiosk" / "config", tmp_path / "kiosk" / "data"
    kiosk_data.mkdir(parents=True)
    packs.trust(keys / packs.PUBLIC_KEY_NAME, kiosk_config)
    wait_for(
        "the two sides to connect",
        lambda: connected(editors, kiosk) and connected(kiosk, editors),
        deadline,
        sides,
    )

    # Published: written beside the share and moved in whole, as `kiosk pack build` does.
    packs.build(content.root, editors.share / "agenda-2026-12.kpack", keys / packs.PRIVATE_KEY_NAME)
    editors.scan(PACKS_FOLDER)
    arrived = kiosk.share / "agenda-2026-12.kpack"
    wait_for("the pack on the kiosk's side", arrived.is_file, deadline, sides)

    # The kiosk's watched-folder scan, as after an idle reset: the newest trusted pack, installed.
    trusted = packs.load_trusted_keys(kiosk_config)
    skipped: list[str] = []
    wait_for(
        "a whole pack",
        lambda: packs.newest_pack_in(kiosk.share, kiosk_data, trusted, skipped=skipped) == arrived,
        deadline,
        sides,
    )
    record = packs.install(arrived, kiosk_data, trusted, quick_validate)
    assert record["version"] == "2026.12"

    # The kiosk reports: yesterday's visits (from its own record) and its status.
    visits_db = tmp_path / "kiosk" / "visits.db"
    yesterday = date.today() - timedelta(days=1)
    at = datetime.combine(yesterday, datetime.min.time()).timestamp() + 11 * 3600
    moments = iter(range(100))
    recorder = Recorder(visits_db, clock=lambda: at + next(moments), flush_seconds=0.05)
    recorder.start()
    for language in ("ar", "en"):
        recorder.session_start(language)
        recorder.page("section/rights", 20.0, language)
        recorder.session_end("idle")
    recorder.close()
    first = fleet.first_visit_day(visits_db)
    assert fleet.visit_days_due(kiosk.share, "kassel-office", date.today(), first) == [yesterday]
    for day in fleet.visit_days_due(kiosk.share, "kassel-office", date.today(), first):
        fleet.write_day_visits(visits_db, kiosk.share, "kassel-office", day)
    now = time.time()
    fleet.write_status(
        kiosk.share,
        fleet.status_document(
            name="kassel-office",
            place="Kassel, Germany",
            machine_id=fleet.machine_id(kiosk_data),
            now=now,
            started=now - 30,
            software_version="test",
            content={"version": record["version"], "title": record["title"], "pack": dict(record)},
            safe_mode=False,
            problems=[],
            disk_free_bytes=shutil.disk_usage(kiosk_data).free,
            memory_bytes=None,
            sessions_today=0,
        ),
    )
    kiosk.scan(REPORTS_FOLDER)
    status_back = editors.share / "kiosks" / "kassel-office" / "status.json"
    visits_back = fleet.visits_file(editors.share, "kassel-office", yesterday)
    wait_for(
        "the kiosk's report on the editors' side",
        lambda: status_back.is_file() and visits_back.is_file(),
        deadline,
        sides,
    )

    # The editors' view.
    capsys.readouterr()
    report = tmp_path / "fleet.html"
    assert main(["fleet", "status", str(editors.share), "--html", str(report)]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "kassel-office" in line)
    assert "Kassel, Germany" in line and "2026.12" in line and line.rstrip().endswith("OK")
    assert f"<title>kassel-office, {yesterday.isoformat()}: 2</title>" in report.read_text(encoding="utf-8")
    assert main(["stats", "summary", "--fleet", str(editors.share), "--days", "2"]) == 0
    summary = capsys.readouterr().out
    assert "sessions           2" in summary and "kassel-office" in summary
    # Nothing of the editors' went the wrong way: the kiosk's packs folder has no report of theirs.
    assert not (kiosk.share / "kiosks" / "editors").exists()
    assert time.monotonic() - started < DEADLINE_S
