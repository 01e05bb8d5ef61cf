"""The thin Qt layer: start-up, view models exposed to QML, snapshots."""

from PySide6.QtCore import QLoggingCategory

from kiosk.ui.featurescan import use_quicker_feature_scan

# Before the kiosk's other modules are imported: PySide6 reads the source of each (see the module).
use_quicker_feature_scan()

# Qt Multimedia announces which optional libraries and hardware decoders it did not find, and FFmpeg
# describes every file it opens: noise for booth staff reading a log. Silenced before any multimedia
# module loads; real errors still come through as warnings.
QLoggingCategory.setFilterRules(
    "\n".join(
        [
            "qt.multimedia.symbolsresolver=false",
            "qt.multimedia.ffmpeg.*.info=false",
            "qt.multimedia.playbackengine.codec.info=false",
        ]
    )
)
