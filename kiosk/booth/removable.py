"""USB drives and other removable volumes, and the content packs on them (for `kiosk pack list-usb` and
the admin panel). Qt-free, and never raises: a drive pulled out mid-scan is simply not listed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

PACK_SUFFIX = ".kpack"
PACKS_FOLDER = "kiosk-packs"
DRIVE_REMOVABLE = 2  # GetDriveTypeW

# Where desktop automounters (udisks2 under GNOME, KDE, XFCE...) put what is plugged in.
_AUTOMOUNT_ROOTS = ("/media/", "/run/media/")
# Never offered even if flagged removable: a live-USB system's own root and boot partitions.
_SYSTEM_MOUNTS = {"/", "/boot", "/boot/efi", "/efi", "/usr", "/var", "/home"}


def removable_volumes() -> list[Path]:
    """Mount points (Linux, macOS) or drive roots (Windows) of the removable volumes plugged in now."""
    try:
        if sys.platform == "win32":
            return _windows_volumes()
        if sys.platform == "darwin":
            return _mac_volumes(Path("/Volumes"))
        return linux_volumes(Path("/proc/self/mounts"), Path("/sys"))
    except OSError:
        return []


def find_packs(volumes: list[Path]) -> list[Path]:
    """*.kpack files at the top of each volume and in its top-level kiosk-packs/ folder, sorted."""
    found: list[Path] = []
    for volume in volumes:
        for folder in (volume, volume / PACKS_FOLDER):
            try:
                names = sorted(os.listdir(folder))
            except OSError:
                continue
            for name in names:
                # "._name.kpack": the companion file macOS writes next to every file on a FAT stick.
                if not name.lower().endswith(PACK_SUFFIX) or name.startswith((".", "~")):
                    continue
                path = folder / name
                try:
                    if path.is_file():
                        found.append(path)
                except OSError:
                    continue
    return found


def linux_volumes(mounts_file: Path, sys_root: Path) -> list[Path]:
    """From a /proc/self/mounts-style table: mounts whose disk is removable or on USB, and anything an
    automounter put under /media/<user>/ or /run/media/<user>/."""
    try:
        table = mounts_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    volumes: list[Path] = []
    for line in table.splitlines():
        fields = line.split()
        if len(fields) < 2:
            continue
        device, mount_point = _unescape(fields[0]), _unescape(fields[1])
        if mount_point in _SYSTEM_MOUNTS:
            continue
        automounted = mount_point.startswith(_AUTOMOUNT_ROOTS)
        if automounted or (device.startswith("/dev/") and _is_removable_device(device, sys_root)):
            path = Path(mount_point)
            if path not in volumes:
                volumes.append(path)
    return volumes


def _unescape(field: str) -> str:
    """The kernel writes a space in a mount point as \\040, a tab as \\011 and so on."""
    if "\\" not in field:
        return field
    out = []
    index = 0
    while index < len(field):
        chunk = field[index : index + 4]
        if len(chunk) == 4 and chunk[0] == "\\" and chunk[1:].isdigit():
            out.append(chr(int(chunk[1:], 8)))
            index += 4
        else:
            out.append(field[index])
            index += 1
    return "".join(out)


def _is_removable_device(device: str, sys_root: Path) -> bool:
    # /dev/disk/by-uuid/... and /dev/mapper/... are links: the kernel's name is at their end.
    name = Path(os.path.realpath(device)).name if Path(device).is_symlink() else Path(device).name
    block = sys_root / "class" / "block" / name
    try:
        resolved = block.resolve()
    except OSError:
        return False
    # A partition (sdb1) sits inside its disk's folder (.../block/sdb/sdb1).
    disk = resolved.parent if (resolved / "partition").exists() else resolved
    disk_name = disk.name
    try:
        if (sys_root / "block" / disk_name / "removable").read_text(encoding="ascii").strip() == "1":
            return True
    except OSError:
        pass
    try:
        # Many USB hard disks and card readers say removable=0; their place on the bus tells.
        link = os.path.realpath(sys_root / "block" / disk_name)
    except OSError:
        return False
    return "/usb" in link


def _mac_volumes(root: Path) -> list[Path]:
    volumes = []
    try:
        entries = sorted(root.iterdir())
    except OSError:
        return []
    for entry in entries:
        try:
            # The start-up disk appears in /Volumes too, as a link to / (or the same device).
            if entry.name.startswith(".") or entry.resolve() == Path("/") or entry.samefile("/"):
                continue
            if entry.is_dir():
                volumes.append(entry)
        except OSError:
            continue
    return volumes


def _windows_volumes() -> list[Path]:
    if sys.platform != "win32":
        return []
    import ctypes

    kernel32 = ctypes.windll.kernel32
    mask = kernel32.GetLogicalDrives()
    volumes = []
    for index in range(26):
        if mask & (1 << index):
            root = f"{chr(ord('A') + index)}:\\"
            if kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) == DRIVE_REMOVABLE:
                volumes.append(Path(root))
    return volumes
