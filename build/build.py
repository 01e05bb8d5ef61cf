"""Build the kiosk's installers: `uv run python build/build.py`.

Builds the one-folder bundle with PyInstaller (build/kiosk.spec) and, on Linux, packages it as a
tarball and a .deb. Everything goes to .build/ in the checkout (or --out DIR):

    .build/dist/fair-migration-kiosk/                  the bundle (run ./fair-migration-kiosk)
    .build/packages/fair-migration-kiosk-VERSION-linux-ARCH.tar.gz
    .build/packages/fair-migration-kiosk_VERSION_ARCH.deb
    .build/work/, .build/stage/, .build/deb-root/       PyInstaller's work folder and the staging areas

--if-changed skips the build when the sources are those of the last build (the tests use it).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "fair-migration-kiosk"
TITLE = "Fair Migration Kiosk"
INSTALL_DIR = f"/opt/{NAME}"
MAINTAINER = "Fair Migration Kiosk project <kiosk@fair-migration-kiosk.invalid>"
# The bundle carries the libraries PyInstaller found on the build machine (GLib, D-Bus, PulseAudio's
# client, fontconfig, the X and xcb helpers...), but not those it leaves to the system because they
# belong to its graphics stack: OpenGL and EGL, libdrm, libxcb, Wayland. The .deb depends on those,
# and on the packages whose data the bundled libraries read from the system (fontconfig's
# configuration, xkb-data's keyboard layouts, libx11-data's compose tables).
# tests/installers/test_frozen.py checks that every library the bundle links is bundled or depended on.
DEB_DEPENDS = [
    "libc6 (>= 2.34)",
    "libgl1",
    "libegl1",
    "libdrm2",
    "libxcb1",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
    "libfontconfig1",
    "libxkbcommon0",
    "libx11-6",
]
# GPU drivers (without them Qt draws in software), a fallback font beside the bundled Noto Sans, and
# a sound server for the videos' sound.
# speech-dispatcher with its espeak-ng module: the offline voices read aloud speaks with (without them
# the kiosk works, and shows no Listen button).
DEB_RECOMMENDS = [
    "libgl1-mesa-dri",
    "fonts-dejavu-core",
    "pipewire-pulse | pulseaudio",
    "speech-dispatcher",
    "speech-dispatcher-espeak-ng",
]
DEB_DESCRIPTION = """\
Offline touchscreen kiosk for the ILO's Fair Migration Agenda
 Presents the International Labour Organization's Fair Migration Agenda: its text,
 its eight areas of action, the views of workers' and employers' organisations,
 videos and documents, in a touch-first interface in English, French and Spanish.
 .
 It runs unattended at a booth (fair-migration-kiosk --kiosk: fullscreen, locked,
 self-resetting, supervised) or in a window, and needs no network. The bundled
 content is the project's own summary of the ILO page, with attribution; the kiosk
 is not made or endorsed by the ILO."""
# xz -1: 69 MB in 11 s on the project's 2-core machine; dpkg-deb's default, -6, saves 9 MB for four
# times the time, on every CI run.
DEB_XZ_LEVEL = 1
# What decides the bundle: a build with the same fingerprint is the same build.
FINGERPRINTED = ["pyproject.toml", "uv.lock", "build", "kiosk", "content", "resources"]


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def source_fingerprint() -> str:
    digest = hashlib.sha256(f"{sys.version}|{platform.machine()}|{sys.platform}".encode())
    for entry in FINGERPRINTED:
        base = ROOT / entry
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in files:
            relative = path.relative_to(ROOT)
            if "__pycache__" in relative.parts or path.suffix == ".pyc":
                continue
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


@contextlib.contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """One build at a time in a folder (a test session and a developer may start one together)."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / ".lock").open("w") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: builds there are run by hand
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def stage(stage_dir: Path, version: str, fingerprint: str) -> None:
    """What the spec takes besides the sources: build info, compiled catalogues, icons."""
    shutil.rmtree(stage_dir, ignore_errors=True)
    stage_dir.mkdir(parents=True)
    built = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    (stage_dir / "build-info.json").write_text(
        json.dumps({"version": version, "built": built, "fingerprint": fingerprint}, indent=2) + "\n",
        encoding="utf-8",
    )
    (stage_dir / "version.txt").write_text(version + "\n", encoding="utf-8")
    compile_catalogues(stage_dir / "i18n")
    render_icons(stage_dir / "icons")


def compile_catalogues(target: Path) -> None:
    from kiosk.ui.translations import qt_tool

    target.mkdir(parents=True)
    for source in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        subprocess.run(
            [str(qt_tool("lrelease")), "-silent", str(source), "-qm", str(target / f"{source.stem}.qm")],
            check=True,
        )


def render_icons(target: Path) -> None:
    """The PNG for Linux desktops, the ICO for Windows and the ICNS for macOS, from the one SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    target.mkdir(parents=True)
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / f"{NAME}.svg"))
    for size in (48, 128, 256, 512):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(target / f"{NAME}-{size}.png"))
        if size == 256:
            image.save(str(target / f"{NAME}.ico"))
        if size == 512:
            image.save(str(target / f"{NAME}.icns"))


def run_pyinstaller(out: Path, stage_dir: Path) -> Path:
    dist = out / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(out / "work"),
            str(ROOT / "build" / "kiosk.spec"),
        ],
        check=True,
        cwd=ROOT,
        env={**os.environ, "KIOSK_BUILD_STAGE": str(stage_dir)},
    )
    return dist / NAME


def tarball(bundle: Path, packages: Path, version: str) -> Path:
    target = packages / f"{NAME}-{version}-linux-{platform.machine()}.tar.gz"
    # Level 6: level 9 takes twice as long for 1% less.
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=f"{NAME}-{version}")
    return target


def desktop_entry() -> str:
    return f"""[Desktop Entry]
Type=Application
Name={TITLE}
GenericName=Information kiosk
Comment=The ILO's Fair Migration Agenda on a touch screen, offline
Exec={NAME}
Icon={NAME}
Terminal=false
Categories=Education;
Keywords=ILO;migration;labour;kiosk;
Actions=kiosk;

[Desktop Action kiosk]
Name=Start in kiosk mode
Exec={NAME} --kiosk
"""


def debian_architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], check=True, capture_output=True, text=True
    ).stdout.strip()


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def deb(bundle: Path, out: Path, packages: Path, version: str, icons: Path) -> Path:
    root = out / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    install = root / INSTALL_DIR.lstrip("/")
    shutil.copytree(bundle, install, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    # Absolute, as Debian policy asks of a link from one top-level folder into another; the bundle's
    # bootloader finds its files from its own real path.
    (bin_dir / NAME).symlink_to(f"{INSTALL_DIR}/{NAME}")
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / f"{NAME}.desktop").write_text(desktop_entry(), encoding="utf-8")
    for size in (48, 128, 256, 512):
        folder = root / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy(icons / f"{NAME}-{size}.png", folder / f"{NAME}.png")
    scalable = root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / f"{NAME}.svg", scalable / f"{NAME}.svg")
    doc = root / "usr" / "share" / "doc" / NAME
    doc.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "fonts" / "OFL.txt", doc / "OFL-NotoSans.txt")
    # Where Debian looks for a package's licences: the third-party software the bundle carries.
    shutil.copy(ROOT / "build" / "copyright.txt", doc / "copyright")

    control_dir = root / "DEBIAN"
    control_dir.mkdir()
    architecture = debian_architecture()
    control = {
        "Package": NAME,
        "Version": version,
        "Section": "misc",
        "Priority": "optional",
        "Architecture": architecture,
        "Maintainer": MAINTAINER,
        "Installed-Size": str(folder_size(root) // 1024),
        "Depends": ", ".join(DEB_DEPENDS),
        "Recommends": ", ".join(DEB_RECOMMENDS),
        "Homepage": "https://www.ilo.org/global/topics/labour-migration/fair-migration-agenda/lang--en/index.htm",
        "Description": DEB_DESCRIPTION,
    }
    (control_dir / "control").write_text(
        "".join(f"{key}: {value}\n" for key, value in control.items()), encoding="utf-8"
    )
    for path in root.rglob("*"):
        if not path.is_symlink():
            executable = path.is_dir() or os.access(path, os.X_OK)
            path.chmod(0o755 if executable else 0o644)
    target = packages / f"{NAME}_{version}_{architecture}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", f"-z{DEB_XZ_LEVEL}", "--build", str(root), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target


def part_of(relative: Path) -> str:
    """Which part of the bundle a file (relative to the bundle) belongs to, for the size report."""
    parts = relative.parts
    name = relative.name
    if parts[0] != "_internal":
        return "executable (with the app's Python code)"
    inside = parts[1:]
    if inside[:3] == ("PySide6", "Qt", "lib"):
        if name.startswith("libicu"):
            return "ICU (Unicode data, needed by Qt Core)"
        if name.startswith(("libav", "libsw", "libQt6FFmpegStub")):
            return "FFmpeg (video decoding)"
        return "Qt libraries"
    if inside[:3] == ("PySide6", "Qt", "qml"):
        return "Qt QML modules"
    if inside[:3] == ("PySide6", "Qt", "plugins"):
        return "Qt plugins"
    if inside[0] in ("PySide6", "shiboken6"):
        return "PySide6 bindings"
    if inside[0] in ("content", "resources"):
        return f"{inside[0]}/"
    if inside[0] == "python3.11" or name.startswith("libpython") or name == "base_library.zip":
        return "Python runtime and standard library"
    if len(inside) == 1 and ".so" in name and not name.startswith("_"):
        return "system libraries (OpenSSL, SQLite, GLib, X11, PulseAudio, D-Bus...)"
    return inside[0].removesuffix(".dist-info") + " (Python package)" if len(inside) > 1 else "other"


def biggest_parts(bundle: Path) -> list[tuple[str, int]]:
    sizes: dict[str, int] = {}
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            part = part_of(path.relative_to(bundle))
            sizes[part] = sizes.get(part, 0) + path.stat().st_size
    return sorted(sizes.items(), key=lambda item: -item[1])


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / ".build", help="output folder (default .build/)")
    parser.add_argument(
        "--if-changed", action="store_true", help="do nothing if the sources are those of the last build"
    )
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    version = project_version()
    started = time.monotonic()
    with build_lock(out):
        fingerprint = source_fingerprint()
        stamp = out / "fingerprint.txt"
        bundle = out / "dist" / NAME
        packages = out / "packages"
        linux = sys.platform.startswith("linux")
        expected = [bundle / NAME]
        if linux:
            expected += [packages / f"{NAME}-{version}-linux-{platform.machine()}.tar.gz"]
            if shutil.which("dpkg-deb"):
                expected += [packages / f"{NAME}_{version}_{debian_architecture()}.deb"]
        if (
            args.if_changed
            and stamp.is_file()
            and stamp.read_text(encoding="utf-8").strip() == fingerprint
            and all(path.exists() for path in expected)
        ):
            print(f"{bundle}: up to date (sources unchanged since the last build)")
            return 0
        stamp.unlink(missing_ok=True)
        stage_dir = out / "stage"
        stage(stage_dir, version, fingerprint)
        bundle = run_pyinstaller(out, stage_dir)
        built_at = time.monotonic()
        shutil.rmtree(packages, ignore_errors=True)
        packages.mkdir(parents=True)
        made = []
        if linux:
            made.append(tarball(bundle, packages, version))
            if shutil.which("dpkg-deb"):
                made.append(deb(bundle, out, packages, version, stage_dir / "icons"))
            else:
                print("dpkg-deb not found: no .deb (apt-get install dpkg)", file=sys.stderr)
        stamp.write_text(fingerprint + "\n", encoding="utf-8")
    finished = time.monotonic()
    print(
        f"\n{TITLE} {version}: built in {built_at - started:.0f} s, packaged in {finished - built_at:.0f} s"
    )
    print(f"  bundle   {megabytes(folder_size(bundle)):>10}  {bundle}")
    for package in made:
        print(f"  package  {megabytes(package.stat().st_size):>10}  {package}")
    print("Biggest parts of the bundle:")
    for part, size in biggest_parts(bundle):
        print(f"  {megabytes(size):>10}  {part}")
    if sys.platform == "win32":
        print(f"Then the installer (Inno Setup 6): iscc /DAppVersion={version} build\\windows\\kiosk.iss")
    elif sys.platform == "darwin":
        print(f"The app bundle: {out / 'dist' / 'Fair Migration Kiosk.app'} (not signed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
