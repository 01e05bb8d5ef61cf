"""The installers: build the bundle once per source change (build/build.py --if-changed), then run the
frozen app as a user would, from the bundle and from the .deb unpacked into a temporary root.

The build takes one to two minutes on the project's 2-core machine; later runs with unchanged sources
reuse it (.build/, or KIOSK_BUILD_DIR).
"""

from __future__ import annotations

import configparser
import functools
import os
import re
import shutil
import signal
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NAME = "fair-migration-kiosk"
BUNDLE_BUDGET = 250_000_000
DEB_BUDGET = 100_000_000
# Pages drawn by two processes from the same fonts differ at most in a few antialiased pixels.
MAX_DIFFERING_PIXELS = 0.005
# Installed by no package: the C library and the dynamic loader are part of every system.
ESSENTIAL_PACKAGES = {"libc6"}

pytestmark = [
    pytest.mark.build,
    pytest.mark.timeout(1200),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the installers are built on Linux only"),
]


@dataclass(frozen=True)
class Build:
    bundle: Path
    tarball: Path
    deb: Path
    version: str

    @property
    def executable(self) -> Path:
        return self.bundle / NAME


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


@pytest.fixture(autouse=True)
def own_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Folders of its own for each test's kiosk: a PIN set or a pack installed here must not reach
    the other tests of the session, which share tests/conftest.py's."""
    for variable in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
        folder = tmp_path / "user" / variable.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(variable, str(folder))


@pytest.fixture(scope="session")
def build() -> Build:
    out = Path(os.environ.get("KIOSK_BUILD_DIR", ROOT / ".build"))
    subprocess.run(
        [sys.executable, str(ROOT / "build" / "build.py"), "--out", str(out), "--if-changed"],
        check=True,
        timeout=1200,
    )
    version = project_version()
    packages = out / "packages"
    return Build(
        bundle=out / "dist" / NAME,
        tarball=next(packages.glob(f"{NAME}-{version}-linux-*.tar.gz")),
        deb=next(packages.glob(f"{NAME}_{version}_*.deb")),
        version=version,
    )


def run(
    command: list[str | Path], *, timeout: float = 300, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


def differing_share(first: Path, second: Path) -> float:
    from PySide6.QtGui import QImage

    images = [QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32) for path in (first, second)]
    assert images[0].size() == images[1].size(), (images[0].size(), images[1].size())
    pixels = [memoryview(image.constBits()).cast("I") for image in images]
    return sum(a != b for a, b in zip(*pixels, strict=True)) / len(pixels[0])


@pytest.fixture(scope="session")
def installed_root(build: Build, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The .deb's files, as dpkg would install them, under a temporary root."""
    root = tmp_path_factory.mktemp("deb-root")
    subprocess.run(["dpkg-deb", "-x", str(build.deb), str(root)], check=True)
    yield root
    # 200 MB: pytest keeps its last three runs' temporary folders, on a shared machine.
    shutil.rmtree(root, ignore_errors=True)


def installed_command(root: Path) -> Path:
    """The `fair-migration-kiosk` on the PATH, its link resolved inside `root` rather than in /."""
    link = root / "usr" / "bin" / NAME
    assert link.is_symlink(), f"{link} should be a link into /opt"
    target = Path(os.readlink(link))
    assert target.is_absolute(), target
    resolved = root / target.relative_to("/")
    assert resolved.is_file() and os.access(resolved, os.X_OK), resolved
    return resolved


def test_version_is_pyproject_version_with_build_date(build: Build) -> None:
    completed = run([build.executable, "--version"])
    assert completed.returncode == 0, completed.stderr
    assert re.fullmatch(
        rf"kiosk {re.escape(build.version)} \(built \d{{4}}-\d\d-\d\d \d\d:\d\d UTC\)\n", completed.stdout
    ), completed.stdout


def test_self_test_passes_offscreen(build: Build, tmp_path: Path) -> None:
    # From a copy somewhere else: the bundle must find its content and resources wherever it lies.
    copy = tmp_path / "somewhere" / "else"
    shutil.copytree(build.bundle, copy, symlinks=True)
    try:
        completed = run([copy / NAME, "self-test"], cwd=tmp_path)
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "Self-test passed" in completed.stdout
    # Every video was played through the FFmpeg plugin, every PDF drawn through QtPdf.
    assert re.search(r"PASS  video .*the first frame decodes", completed.stdout), completed.stdout
    assert re.search(r"PASS  pdf .*page\(s\) drawn", completed.stdout), completed.stdout
    assert "FAIL" not in completed.stdout


def test_snapshot_matches_the_source_app(build: Build, tmp_path: Path) -> None:
    # In French: the frozen app reads the .qm files compiled at build time, the source app its own.
    frozen, source = tmp_path / "frozen.png", tmp_path / "source.png"
    arguments = ["snapshot", "home", "--size", "1280x800", "--lang", "fr"]
    completed = run([build.executable, *arguments[:2], frozen, *arguments[2:]])
    assert completed.returncode == 0, completed.stderr
    completed = run([sys.executable, "-m", "kiosk", *arguments[:2], source, *arguments[2:]], cwd=ROOT)
    assert completed.returncode == 0, completed.stderr
    assert differing_share(frozen, source) <= MAX_DIFFERING_PIXELS


def test_on_screen_keyboard_loads(build: Build) -> None:
    completed = run(
        [
            build.executable,
            *("--touch-keyboard", "on", "--route", "search", "--size", "1280x800"),
            "--quit-after-first-frame",
        ],
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "first-frame"
    # What Qt says when a QML module or a plugin of one is missing from the bundle.
    assert not re.search(
        r'is not installed|plugin "[^"]+" not found|Cannot load library', completed.stderr
    ), completed.stderr


def test_validate_and_content_folder_override(build: Build, tmp_path: Path) -> None:
    content = tmp_path / "our content"
    shutil.copytree(build.bundle / "_internal" / "content", content)
    agenda = content / "agenda.yaml"
    agenda.write_text(
        re.sub(r"^version: .*$", 'version: "frozen-test"', agenda.read_text(encoding="utf-8"), flags=re.M),
        encoding="utf-8",
    )
    completed = run([build.executable, "validate", content])
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "(version frozen-test): content is valid." in completed.stdout
    completed = run([build.executable, "--content", content, "--size", "800x600", "--quit-after-first-frame"])
    assert completed.returncode == 0, completed.stderr
    (content / "sections" / "10-fair-migration-agenda.yaml").write_text("id: [broken\n", encoding="utf-8")
    completed = run([build.executable, "validate", content])
    assert completed.returncode == 1, completed.stdout


def test_signed_content_pack_round_trip(build: Build, tmp_path: Path) -> None:
    # Packs are signed and checked with cryptography, which the kiosk imports only when needed.
    keys, pack = tmp_path / "keys", tmp_path / "content.kpack"
    for command in (
        ["pack", "keygen", keys],
        ["pack", "build", "--key", keys / "signing.key", build.bundle / "_internal" / "content", pack],
        ["pack", "trust", keys / "signing.pub"],
        ["pack", "install", pack],
    ):
        completed = run([build.executable, *command])
        assert completed.returncode == 0, (command, completed.stdout, completed.stderr)
    completed = run([build.executable, "pack", "status"])
    assert completed.returncode == 0, completed.stderr


def test_kiosk_mode_supervisor_restarts_the_frozen_program(build: Build, tmp_path: Path) -> None:
    completed = run([build.executable, "set-pin"], input="2468\n")
    assert completed.returncode == 0, completed.stderr
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    supervisor = subprocess.Popen(
        [str(build.executable), "--kiosk", "--size", "800x600", "--quit-after-first-frame"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=environment,
        text=True,
    )
    try:
        assert supervisor.stdout is not None
        # Printed by the UI the supervisor started: the frozen executable again, not a Python.
        assert supervisor.stdout.readline().strip() == "first-frame"
    finally:
        supervisor.send_signal(signal.SIGTERM)
        try:
            supervisor.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            supervisor.kill()
            supervisor.communicate()
    log = Path(os.environ["XDG_STATE_HOME"]) / NAME / "log" / "supervisor.log"
    started = [line for line in log.read_text(encoding="utf-8").splitlines() if "Started the UI" in line]
    assert started, log.read_text(encoding="utf-8")
    assert started[-1].endswith(f"{build.executable} --size 800x600 --quit-after-first-frame --kiosk")


def bundle_files(bundle: Path) -> list[Path]:
    return [path for path in bundle.rglob("*") if path.is_file() or path.is_symlink()]


def size_of(folder: Path) -> int:
    return sum(path.lstat().st_size for path in bundle_files(folder) if not path.is_symlink())


def test_bundle_is_trimmed_and_within_budget(build: Build) -> None:
    files = [path.relative_to(build.bundle).as_posix() for path in bundle_files(build.bundle)]
    unwanted = re.compile(
        r"WebEngine|Quick3D|Qt63D|/Qt3D|Charts|Graphs|DataVisualization|QtQuick/Controls|"
        r"/translations/|__pycache__|\.pyc$|\.qmlc$|/tests?/|platformthemes|/tls/|qmltooling",
        re.IGNORECASE,
    )
    assert [name for name in files if unwanted.search(name)] == []
    internal = "_internal/"
    required = [
        "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/qml/QtQuick/VirtualKeyboard/qmldir",
        "PySide6/Qt/qml/QtQuick/Pdf/qmldir",
        "PySide6/Qt/qml/QtMultimedia/qmldir",
        "PySide6/Qt/lib/libQt6DBus.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6TextToSpeech.so.6",
        "PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so",
        "PySide6/QtTextToSpeech.abi3.so",
        "PySide6/QtDBus.abi3.so",
        "cryptography/hazmat/bindings/_rust.abi3.so",
        "resources/i18n/kiosk_fr.qm",
        "resources/i18n/kiosk_es.qm",
        "resources/qml/FairMigrationKiosk/Main.qml",
        "content/agenda.yaml",
        "build-info.json",
    ]
    assert [name for name in required if internal + name not in files] == []
    # No link points at a file that was left out.
    assert [
        name for name in files if (build.bundle / name).is_symlink() and not (build.bundle / name).exists()
    ] == []
    assert size_of(build.bundle) < BUNDLE_BUDGET
    assert build.deb.stat().st_size < DEB_BUDGET


def test_tarball_holds_the_bundle(build: Build) -> None:
    import tarfile

    with tarfile.open(build.tarball) as archive:
        names = archive.getnames()
    top = f"{NAME}-{build.version}"
    assert f"{top}/{NAME}" in names
    assert f"{top}/_internal/content/agenda.yaml" in names


def test_deb_control_and_desktop_entry(build: Build, installed_root: Path) -> None:
    fields = {}
    control = subprocess.run(
        ["dpkg-deb", "-f", str(build.deb)], check=True, capture_output=True, text=True
    ).stdout
    for line in control.splitlines():
        if line and not line.startswith(" "):
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    assert fields["Package"] == NAME
    assert fields["Version"] == build.version
    assert (
        fields["Architecture"]
        == subprocess.run(
            ["dpkg", "--print-architecture"], check=True, capture_output=True, text=True
        ).stdout.strip()
    )
    assert re.fullmatch(r".+ <[^@\s]+@[^@\s]+>", fields["Maintainer"])
    assert "libgl1" in fields["Depends"] and "libegl1" in fields["Depends"]
    # Read aloud's voices: recommended, as a kiosk without them still works (no Listen button).
    assert {"speech-dispatcher", "speech-dispatcher-espeak-ng"} <= {
        part.strip() for part in fields["Recommends"].split(",")
    }
    assert fields["Description"]
    assert int(fields["Installed-Size"]) * 1024 > size_of(build.bundle)

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(installed_root / "usr" / "share" / "applications" / f"{NAME}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] == NAME
    assert desktop["Terminal"] == "false"
    icons = list((installed_root / "usr" / "share" / "icons" / "hicolor").glob(f"*/apps/{desktop['Icon']}.*"))
    assert any(icon.suffix == ".png" for icon in icons), icons
    assert installed_command(installed_root).parent == installed_root / "opt" / NAME


def test_deb_names_the_licences_of_what_it_carries(installed_root: Path) -> None:
    doc = installed_root / "usr" / "share" / "doc" / NAME
    notice = (doc / "copyright").read_text(encoding="utf-8")
    for component in ("Qt 6", "FFmpeg", "GNU Lesser General Public License", "OpenSSL", "Noto Sans"):
        assert component in notice, component
    assert (doc / "OFL-NotoSans.txt").is_file()


def test_deb_installed_command_runs_self_test(installed_root: Path, tmp_path: Path) -> None:
    command = installed_command(installed_root)
    # Started through a link, as /usr/bin/fair-migration-kiosk is: the bundle finds its files from
    # its own real path.
    link = tmp_path / "bin" / NAME
    link.parent.mkdir()
    link.symlink_to(command)
    completed = run([link, "self-test", "--size", "1280x800"], cwd=tmp_path)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "Self-test passed" in completed.stdout
    assert f"{installed_root}/opt/{NAME}/_internal/content" in completed.stdout


def needed_libraries(binary: Path) -> list[str]:
    dump = subprocess.run(["objdump", "-p", str(binary)], capture_output=True, text=True, check=False).stdout
    return re.findall(r"^\s+NEEDED\s+(\S+)$", dump, flags=re.M)


@functools.cache
def system_libraries() -> dict[str, str]:
    """Library name -> path, as the dynamic loader finds them (the first, native one of each)."""
    found: dict[str, str] = {}
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    for match in re.finditer(r"^\s+(\S+) \(([^)]*)\) => (\S+)$", listing, flags=re.M):
        name, tags, path = match.groups()
        if "64" in tags or sys.maxsize < 2**32:
            found.setdefault(name, path)
    return found


def owning_package(path: str) -> str | None:
    # With merged /usr, dpkg knows a library by either path.
    for candidate in (path, path.removeprefix("/usr"), "/usr" + path):
        found = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        if found.returncode == 0:
            return found.stdout.split(":", 1)[0]
    return None


@pytest.mark.skipif(shutil.which("objdump") is None, reason="needs objdump (binutils)")
def test_deb_depends_on_every_system_library_the_bundle_links(build: Build, installed_root: Path) -> None:
    bundle = installed_root / "opt" / NAME
    carried = {path.name for path in bundle_files(bundle)}
    wanted: dict[str, set[str]] = {}
    for path in bundle_files(bundle):
        if path.is_symlink() or not (path.suffix == ".so" or ".so." in path.name or path.name == NAME):
            continue
        for name in needed_libraries(path):
            if name not in carried:
                wanted.setdefault(name, set()).add(path.name)
    control = subprocess.run(
        ["dpkg-deb", "-f", str(build.deb), "Depends"], check=True, capture_output=True, text=True
    )
    depends = {re.split(r"[\s(]", part.strip())[0] for part in control.stdout.split(",")}
    missing = {}
    for name, users in sorted(wanted.items()):
        location = system_libraries().get(name)
        package = owning_package(location) if location else None
        if package not in depends | ESSENTIAL_PACKAGES:
            missing[name] = (package, sorted(users)[:3])
    assert missing == {}, f"system libraries the bundle links but the .deb does not depend on: {missing}"
