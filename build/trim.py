"""What of Qt goes into the bundle: the rules build/kiosk.spec applies to PyInstaller's collection.

PyInstaller's PySide6 hooks collect every QML module of the wheels as soon as QtQml is imported, every
plugin of each kind a module may load, all of Qt's translations, and every library those need. The
kiosk uses a small part of it. The rules name what to keep (QML modules, plugins) rather than what to
drop, so that a new Qt release's additions stay out; Qt libraries are dropped by family and, on
Linux, whenever nothing kept links to them.

Paths are the bundle's destination paths, as in PyInstaller's TOC entries.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

# QML modules the kiosk imports (resources/qml), and those they import in turn.
QML_MODULES = {
    # module folder: True to keep its sub-folders too, False for its own files only
    "QtQml": False,
    "QtQml/Models": True,
    "QtQml/WorkerScript": True,
    "QtQuick": False,
    "QtQuick/Layouts": True,
    "QtQuick/Window": True,
    "QtQuick/VirtualKeyboard": True,
    # Not imported by the kiosk's QML today (documents are drawn through QtPdf's QPdfDocument); kept so
    # that a page can use PdfDocument and friends. Its ready-made Pdf*View QML would also need
    # QtQuick.Controls and QtQuick.Shapes, which are left out.
    "QtQuick/Pdf": True,
    "QtMultimedia": True,
    # The virtual keyboard's QML imports it.
    "Qt/labs/folderlistmodel": True,
}

# Plugin folder -> plugin names kept (None: all of them). Folders not listed are left out: generic
# (evdev input for eglfs), iconengines, platformthemes (GTK dialogs), tls and networkinformation (the
# kiosk is offline), egldeviceintegrations, qmltooling (debugging), styles (Qt Widgets only).
PLUGINS: dict[str, set[str] | None] = {
    # offscreen for self-test and snapshots; xcb for X; wayland for cage and Wayland desktops;
    # windows and cocoa on those systems.
    "platforms": {"qoffscreen", "qxcb", "qwayland", "qwindows", "qcocoa"},
    "xcbglintegrations": None,
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-graphics-integration-client": {"qt-plugin-wayland-egl"},
    "wayland-decoration-client": None,
    # The on-screen keyboard, and dead keys on a physical keyboard under X.
    "platforminputcontexts": {"qtvirtualkeyboardplugin", "composeplatforminputcontextplugin"},
    # Content images are PNG (built into Qt) or JPEG; the on-screen keyboard draws SVG icons.
    "imageformats": {"qjpeg", "qsvg"},
    "multimedia": {"ffmpegmediaplugin"},
    # Read aloud: speech-dispatcher on Linux, SAPI and WinRT voices on Windows, AVSpeech on macOS; and
    # Qt's test engine, which stands in for an instant while the real one loads (kiosk/ui/speech.py).
    "texttospeech": {
        "qtexttospeech_speechd",
        "qtexttospeech_sapi",
        "qtexttospeech_winrt",
        "qtexttospeech_darwin",
        "qtexttospeech_mock",
    },
}

# Qt library families the kiosk never loads. Matched against the name without "lib", "Qt6" and the
# suffix: Qt6WebEngineCore -> WebEngineCore.
DROPPED_LIBRARY_FAMILIES = (
    "WebEngine",
    "WebView",
    "WebChannel",
    "WebSockets",
    "3D",
    "Quick3D",
    "Charts",
    "Graphs",
    "DataVisualization",
    "Designer",
    "Location",
    "Positioning",
    "Sensors",
    "Scxml",
    "StateMachine",
    "RemoteObjects",
    "SpatialAudio",
    "Bluetooth",
    "Nfc",
    "SerialPort",
    "SerialBus",
    "Sql",
    "Help",
    "UiTools",
    "HttpServer",
    "NetworkAuth",
    "Test",
    "QuickTest",
    "QuickControls2",
    "QuickDialogs2",
    "QuickTemplates2",
    "QuickParticles",
    "QuickTimeline",
    "QuickEffects",
    "QuickVectorImage",
    "LabsStyleKit",
    "WaylandCompositor",
    "ShaderTools",
    "PdfWidgets",
    "MultimediaWidgets",
    "OpenGLWidgets",
)

_LIBRARY_NAME = re.compile(
    r"^(?:lib)?Qt6?(?P<module>[A-Za-z0-9]+?)(?:_[a-z0-9_]+)?(?:\.so(?:\.\d+)*|\.dll|\.dylib)?$"
)
_PLUGIN_NAME = re.compile(r"^(?:lib)?(?P<name>.+?)(?:\.so|\.dll|\.dylib)$")


def qt_relative(destination: str) -> PurePosixPath | None:
    """The path below Qt's own folder in the bundle (PySide6/Qt on Linux and macOS, PySide6 on
    Windows), or None for a file that is not part of Qt."""
    path = PurePosixPath(destination.replace("\\", "/"))
    parts = path.parts
    if len(parts) < 2 or parts[0] != "PySide6":
        return None
    if parts[1] == "Qt":
        return PurePosixPath(*parts[2:]) if len(parts) > 2 else None
    if parts[1] in ("plugins", "qml", "translations"):  # the Windows wheel's layout
        return PurePosixPath(*parts[1:])
    return None


def _keep_qml(relative: PurePosixPath) -> bool:
    folder = relative.parent.as_posix()
    if relative.suffix == ".qmltypes":
        return False  # type descriptions for Qt Creator and qmllint, never read at run time
    for module, with_subfolders in QML_MODULES.items():
        if folder == module or (with_subfolders and folder.startswith(module + "/")):
            return True
    return False


def _keep_plugin(relative: PurePosixPath) -> bool:
    if len(relative.parts) != 2:
        return False
    kind, filename = relative.parts
    if kind not in PLUGINS:
        return False
    wanted = PLUGINS[kind]
    if wanted is None:
        return True
    match = _PLUGIN_NAME.match(filename)
    return bool(match) and match.group("name") in wanted


def library_family(filename: str) -> str | None:
    """The Qt module a library belongs to (Qt6WebEngineCore -> WebEngineCore), or None if not Qt's."""
    match = _LIBRARY_NAME.match(filename.removesuffix(".framework"))
    return match.group("module") if match and filename.removeprefix("lib").startswith("Qt") else None


def keep_file(destination: str) -> bool:
    """Whether a file PyInstaller collected belongs in the kiosk's bundle."""
    relative = qt_relative(destination)
    if relative is None:
        family = library_family(PurePosixPath(destination.replace("\\", "/")).name)
        # On Windows the Qt DLLs sit directly in PySide6/.
        return family is None or not family.startswith(DROPPED_LIBRARY_FAMILIES)
    top = relative.parts[0]
    if top == "translations":
        # The kiosk installs only its own catalogues; Qt's (qtbase_fr.qm...) word dialogs it never shows.
        return False
    if top == "qml":
        return _keep_qml(PurePosixPath(*relative.parts[1:]))
    if top == "plugins":
        return _keep_plugin(PurePosixPath(*relative.parts[1:]))
    if top == "lib":
        # On macOS a library is a folder, QtWebEngineCore.framework/..., holding its data files too.
        name = next((part for part in relative.parts if part.endswith(".framework")), relative.name)
        family = library_family(name)
        return family is None or not family.startswith(DROPPED_LIBRARY_FAMILIES)
    return top not in ("resources", "libexec")  # WebEngine's data and helper process


def prune_unlinked_libraries(binaries: list) -> list:
    """Drop the shared libraries that nothing kept links to, directly or not.

    PyInstaller collected them for the QML modules and plugins keep_file took out: WebEngine's NSS,
    the GTK theme's cairo and pango, and the Qt libraries behind them. What is kept for sure: Python
    extension modules, the Qt plugins and QML plugins keep_file kept (Qt loads those by path), and
    libpython (the bootloader loads it by name). Linux only: on Windows Qt loads some DLLs by name
    (opengl32sw.dll) that no import table lists, and macOS is not built here.
    """
    import sys

    if not sys.platform.startswith("linux"):
        return binaries
    from PyInstaller.depend.bindepend import get_imports, get_python_library_path

    python_library = PurePosixPath(get_python_library_path()).name

    def is_root(destination: str, kind: str) -> bool:
        relative = qt_relative(destination)
        return (
            kind == "EXTENSION"
            or PurePosixPath(destination).name == python_library
            or (relative is not None and relative.parts[0] in ("plugins", "qml"))
        )

    by_name = {PurePosixPath(dest).name: source for dest, source, kind in binaries if kind == "BINARY"}
    needed: set[str] = set()
    pending = [source for dest, source, kind in binaries if is_root(dest, kind)]
    seen: set[str] = set()
    while pending:
        source = pending.pop()
        if source in seen:
            continue
        seen.add(source)
        for name, _path in get_imports(source):
            name = PurePosixPath(name).name
            if name in by_name and name not in needed:
                needed.add(name)
                pending.append(by_name[name])
    return [
        (dest, source, kind)
        for dest, source, kind in binaries
        if is_root(dest, kind) or kind != "BINARY" or PurePosixPath(dest).name in needed
    ]


def drop_dangling_links(datas: list, binaries: list) -> list:
    """`datas` without the links PyInstaller made to libraries that were then left out. Its TOC keeps
    them among the data files, as SYMLINK entries: a path in the bundle, and where it points
    relative to that path's folder."""
    import posixpath

    def target(dest: str, source: str) -> str:
        dest = dest.replace("\\", "/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(dest), source))

    kept = {dest.replace("\\", "/") for dest, _source, kind in [*binaries, *datas] if kind != "SYMLINK"}
    links = {
        dest.replace("\\", "/"): target(dest, source) for dest, source, kind in datas if kind == "SYMLINK"
    }
    while True:  # a link may point at a link
        more = {dest for dest, points_at in links.items() if points_at in kept and dest not in kept}
        if not more:
            break
        kept |= more
    return [entry for entry in datas if entry[2] != "SYMLINK" or entry[0].replace("\\", "/") in kept]


def strip_debug_info(binaries: list, folder: str) -> list:
    """The same binaries, those that carry debug information (pyenv's libpython: 18 MB of it)
    replaced by copies without it, made in `folder`.

    Not PyInstaller's own strip=True: it strips every binary, and a stripped copy of Qt's FFmpeg
    libraries no longer loads ("ELF load command address/offset not page-aligned"): no video plays.
    Linux only; the Windows and macOS binaries of the wheels carry no debug information.
    """
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    if not sys.platform.startswith("linux") or shutil.which("strip") is None:
        return binaries
    result = []
    for dest, source, kind in binaries:
        if kind in ("BINARY", "EXTENSION") and b".debug_info" in Path(source).read_bytes():
            copy = Path(folder, dest)
            copy.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["strip", "--strip-debug", "-o", str(copy), source], check=True)
            source = str(copy)
        result.append((dest, source, kind))
    return result
