import QtQuick

// One session in a list: its times, title, room and speakers. Touch it to open the session.
Rectangle {
    id: row

    required property var entry
    // On the attract loop's accent background: words in the loop's colours, nothing to touch.
    property bool onAccent: false
    signal activated(string route)

    objectName: "session:" + entry.route
    implicitHeight: Math.max(Theme.touchTarget * 1.5, content.implicitHeight + 2 * Theme.px(20))
    radius: Theme.radius
    color: onAccent ? "transparent" : tap.pressed ? Theme.accentSoft : Theme.surface
    border.width: onAccent ? 0 : activeFocus ? Theme.px(4) : Math.max(1, Theme.px(2))
    border.color: activeFocus ? Theme.focusRing : Theme.border

    activeFocusOnTab: !onAccent
    Accessible.role: Accessible.Button
    // "10:00–11:30, <title>, <room>": the times without the marks that keep them left to right on
    // screen (a screen reader would meet them as characters).
    Accessible.name: entry.start + "\u2013" + entry.end + ", " + entry.title + (entry.room ? ", " + entry.room : "")
    Accessible.description: entry.speakers || ""
    Accessible.onPressAction: row.activated(entry.route)
    Keys.onReturnPressed: row.activated(entry.route)
    Keys.onEnterPressed: row.activated(entry.route)
    Keys.onSpacePressed: row.activated(entry.route)

    Rectangle {
        visible: !row.onAccent
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: Math.max(1, Theme.px(2)) }
        width: Theme.px(8)
        radius: width / 2
        color: Theme.accent
    }

    Row {
        id: content
        anchors {
            left: parent.left; leftMargin: row.onAccent ? 0 : Theme.px(32)
            right: parent.right; rightMargin: Theme.px(24)
            verticalCenter: parent.verticalCenter
        }
        spacing: Theme.px(24)

        Text {
            id: times
            objectName: "sessionTimes"
            width: row.onAccent ? Theme.px(260) : Theme.px(170)
            horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
            font.family: Theme.fontFamily
            // Read from across the room on the attract loop.
            font.pixelSize: row.onAccent ? Theme.titleSize : Theme.headingSize - Theme.px(2)
            font.bold: true
            font.features: { "tnum": 1 }
            color: row.onAccent ? Theme.textOnAccent : Theme.accent
            // Times read left to right in every language.
            text: "\u2066" + row.entry.start + "\u2013" + row.entry.end + "\u2069"
        }
        Column {
            width: parent.width - times.width - parent.spacing
            spacing: Theme.px(6)
            Text {
                objectName: "sessionTitle"
                width: parent.width
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: row.onAccent ? Theme.titleSize : Theme.headingSize - Theme.px(2)
                font.bold: true
                color: row.onAccent ? Theme.textOnAccent : Theme.text
                text: Theme.readingOrder(row.entry.title, LayoutMirroring.enabled)
            }
            Text {
                objectName: "sessionPlace"
                width: parent.width
                visible: text.length > 0
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: row.onAccent ? Theme.headingSize - Theme.px(4) : Theme.smallSize + Theme.px(2)
                color: row.onAccent ? Theme.textOnAccent : Theme.mutedText
                text: Theme.readingOrder([row.entry.room, row.entry.speakers].filter(t => !!t).join("  \u00B7  "), LayoutMirroring.enabled)
            }
        }
    }

    TapHandler {
        id: tap
        enabled: !row.onAccent
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: row.activated(row.entry.route)
    }
}
