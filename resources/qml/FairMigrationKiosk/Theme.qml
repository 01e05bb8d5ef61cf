pragma Singleton
import QtQuick

// Colours, type and sizes in one place. Sizes are given for a 1080-pixel-high screen and scaled.
QtObject {
    // Set by Main from the window size: 1.0 at 1080p, 2.0 at 4K.
    property real scale: 1.0

    readonly property string fontFamily: "Noto Sans"

    // Set by Main from the visitor's reading preferences.
    property real textScale: 1.0
    property bool highContrast: false
    property bool reducedMotion: false

    // Every text colour is checked against the backgrounds it is drawn on (tests/ui/test_contrast.py):
    // 4.5:1 at least in the standard palette (WCAG AA), 7:1 in high contrast (AAA).
    readonly property var standardPalette: ({
        background: "#F4F5F7",
        surface: "#FFFFFF",
        text: "#16202B",
        mutedText: "#485564",
        border: "#D5DBE2",
        accent: "#0A4F8F",
        accentSoft: "#E3ECF6",
        textOnAccent: "#FFFFFF",
        focusRing: "#B36B00",
        notice: "#7A4B00",
        noticeSoft: "#FFF3DC",
        highlight: "#FFE08A",
        disabled: "#8A96A3",
        // The video's control bar: opaque, so nothing of the picture (a burnt-in clock, subtitles)
        // shows through; its track is the part of the seek bar not yet played.
        videoBar: "#0B0F14",
        videoText: "#FFFFFF",
        videoTrack: "#8A8F96"
    })
    readonly property var highContrastPalette: ({
        background: "#000000",
        surface: "#101010",
        text: "#FFFFFF",
        mutedText: "#E8E8E8",
        border: "#FFFFFF",
        accent: "#FFD84D",
        accentSoft: "#333000",
        textOnAccent: "#000000",
        focusRing: "#4DE1FF",
        notice: "#FFD84D",
        noticeSoft: "#222222",
        highlight: "#5A4A00",
        disabled: "#6B6B6B",
        videoBar: "#000000",
        videoText: "#FFFFFF",
        videoTrack: "#8C8C8C"
    })
    // [text, background] pairs that occur on screen.
    readonly property var textPairs: [
        ["text", "background"], ["text", "surface"], ["text", "accentSoft"], ["text", "highlight"],
        ["mutedText", "background"], ["mutedText", "surface"], ["mutedText", "accentSoft"],
        ["accent", "background"], ["accent", "surface"], ["accent", "accentSoft"],
        ["textOnAccent", "accent"], ["textOnAccent", "text"], ["notice", "noticeSoft"],
        ["videoText", "videoBar"]
    ]
    // Outlines that must stand out from what they surround (WCAG 1.4.11: 3:1).
    readonly property var outlinePairs: [
        ["focusRing", "background"], ["focusRing", "surface"], ["accent", "surface"], ["accent", "background"],
        // The seek bar: its track on the bar, the played part against the track, the ring around it.
        ["videoTrack", "videoBar"], ["videoText", "videoTrack"], ["focusRing", "videoBar"]
    ]
    // The organisation's accent and its light tint (kiosk.core.brand), from the content; empty for
    // the built-in blue. High contrast keeps its own colours, accent included.
    property string contentAccent: ""
    property string contentAccentSoft: ""
    readonly property var contentPalette: contentAccent.length > 0
        ? Object.assign({}, standardPalette, { accent: contentAccent, accentSoft: contentAccentSoft || standardPalette.accentSoft })
        : standardPalette
    readonly property var palette: highContrast ? highContrastPalette : contentPalette

    readonly property color background: palette.background
    readonly property color surface: palette.surface
    readonly property color text: palette.text
    readonly property color mutedText: palette.mutedText
    readonly property color border: palette.border
    readonly property color accent: palette.accent
    readonly property color accentSoft: palette.accentSoft
    readonly property color textOnAccent: palette.textOnAccent
    readonly property color focusRing: palette.focusRing
    readonly property color notice: palette.notice
    readonly property color noticeSoft: palette.noticeSoft
    readonly property color highlight: palette.highlight
    // Controls that cannot be used now (Home on the home page): clearly dimmer than the rest.
    readonly property color disabled: palette.disabled
    readonly property color videoBar: palette.videoBar
    readonly property color videoText: palette.videoText
    readonly property color videoTrack: palette.videoTrack

    function px(value) { return Math.round(value * scale) }

    // The words for each kind of entry, for labels on cards and pages.
    function kindLabel(kind) {
        switch (kind) {
        case "home": return qsTr("Welcome page")
        case "section": return qsTr("Topic")
        case "article": return qsTr("Read")
        case "video": return qsTr("Video")
        case "document": return qsTr("Document")
        case "link": return qsTr("Link")
        case "collection": return qsTr("Collection")
        case "session": return qsTr("Session")
        }
        return ""
    }

    // A programme's day (YYYY-MM-DD) as the visitor's language writes it: "Wednesday 10 March".
    // The day and month names are the language's; the day's number is in Latin digits, as every
    // number of the app is ("Page %1 of %2", "%n result(s)", the session times): Qt's Arabic locale
    // would write Arabic-Indic digits (١٠ مارس) beside times in Latin ones. Quoted, the number is
    // text to the date format, so no locale changes its digits.
    function dayLabel(isoDate, language) {
        if (!isoDate)
            return ""
        const parts = String(isoDate).split("-")
        const day = new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]))
        return day.toLocaleDateString(Qt.locale(language || "en"), "dddd '" + day.getDate() + "' MMMM")
    }

    // A paragraph takes its direction from its first letter: an Arabic title that opens with a
    // Latin name ("ILO ...") would be laid out left to right, its words in the wrong order. On a
    // right-to-left page such a text is marked right to left (RLM); each run keeps its own direction.
    function readingOrder(text, rightToLeft) {
        if (!rightToLeft || !text)
            return text || ""
        const first = String(text).match(/[A-Za-z\u00C0-\u02AF\u0370-\u058F\u0900-\u1FFF]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/)
        const opensLeftToRight = first !== null && !/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(first[0])
        return opensLeftToRight && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(text) ? "\u200F" + text : text
    }

    function itemCount(count) {
        return qsTr("%n item(s)", "", count)
    }

    // What a card leads to, as its count says it: "7 sessions" for a programme (its sessions,
    // inside collections too) and "1 item" for the other cards beside them, joined by `separator`.
    function contentsCount(entry, separator) {
        const parts = []
        if (entry.sessionCount > 0)
            parts.push(qsTr("%n session(s)", "", entry.sessionCount))
        if (entry.count > 0)
            parts.push(itemCount(entry.count))
        return parts.join(separator)
    }

    // A text size, grown by the visitor's chosen step.
    function fontPx(value) { return Math.round(value * scale * textScale) }

    // A finger is about 9 mm: 48 px at 96 dpi is the floor, whatever the scale.
    readonly property int touchTarget: Math.max(48, px(64))
    readonly property int margin: px(48)
    readonly property int gap: px(24)
    readonly property int radius: px(14)

    readonly property int displaySize: fontPx(54)
    readonly property int titleSize: fontPx(44)
    readonly property int headingSize: fontPx(30)
    readonly property int bodySize: fontPx(25)
    readonly property int smallSize: fontPx(20)

    readonly property int readingWidth: px(1100)
    readonly property int cardMinWidth: px(400)
    readonly property int fadeMs: reducedMotion ? 0 : 160
}
