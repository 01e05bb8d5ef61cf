pragma Singleton
import QtQuick

// Colours, type and sizes in one place. Sizes are given for a 1080-pixel-high screen and scaled.
QtObject {
    // Set by Main from the window size: 1.0 at 1080p, 2.0 at 4K.
    property real scale: 1.0

    readonly property string fontFamily: "Noto Sans"

    readonly property color background: "#F4F5F7"
    readonly property color surface: "#FFFFFF"
    readonly property color text: "#16202B"
    readonly property color mutedText: "#485564"
    readonly property color border: "#D5DBE2"
    readonly property color accent: "#0A4F8F"
    readonly property color accentSoft: "#E3ECF6"
    readonly property color textOnAccent: "#FFFFFF"
    readonly property color focusRing: "#E0A100"
    readonly property color notice: "#7A4B00"
    readonly property color noticeSoft: "#FFF3DC"

    function px(value) { return Math.round(value * scale) }

    // The words for each kind of entry, for labels on cards and pages.
    function kindLabel(kind) {
        switch (kind) {
        case "section": return qsTr("Topic")
        case "article": return qsTr("Read")
        case "video": return qsTr("Video")
        case "document": return qsTr("Document")
        case "link": return qsTr("Link")
        case "collection": return qsTr("Collection")
        }
        return ""
    }

    function itemCount(count) {
        return count === 1 ? qsTr("1 item") : qsTr("%1 items").arg(count)
    }

    // A finger is about 9 mm: 48 px at 96 dpi is the floor, whatever the scale.
    readonly property int touchTarget: Math.max(48, px(64))
    readonly property int margin: px(48)
    readonly property int gap: px(24)
    readonly property int radius: px(14)

    readonly property int displaySize: px(54)
    readonly property int titleSize: px(44)
    readonly property int headingSize: px(30)
    readonly property int bodySize: px(25)
    readonly property int smallSize: px(20)

    readonly property int readingWidth: px(1100)
    readonly property int cardMinWidth: px(400)
    readonly property int fadeMs: 160
}
