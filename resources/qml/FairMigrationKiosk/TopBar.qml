import QtQuick

// Home and Back on every page, and where the visitor is.
Rectangle {
    id: bar

    required property var kiosk

    implicitHeight: Theme.touchTarget + Theme.px(28)
    color: Theme.surface

    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Math.max(1, Theme.px(2))
        color: Theme.border
    }

    Row {
        id: buttons
        anchors { left: parent.left; leftMargin: Theme.margin; verticalCenter: parent.verticalCenter }
        spacing: Theme.px(16)

        TouchButton {
            objectName: "homeButton"
            label: qsTr("Home")
            accessibleName: qsTr("Home page")
            primary: true
            enabled: bar.kiosk.canGoBack
            onActivated: bar.kiosk.home()
        }
        TouchButton {
            objectName: "backButton"
            label: "\u2039  " + qsTr("Back")
            accessibleName: qsTr("Back")
            enabled: bar.kiosk.canGoBack
            onActivated: bar.kiosk.back()
        }
    }

    Text {
        objectName: "trail"
        anchors {
            left: buttons.right; leftMargin: Theme.gap
            right: parent.right; rightMargin: Theme.margin
            verticalCenter: parent.verticalCenter
        }
        horizontalAlignment: Text.AlignRight
        elide: Text.ElideLeft
        font.family: Theme.fontFamily
        font.pixelSize: Theme.smallSize
        color: Theme.mutedText
        text: bar.kiosk.page.trail.map(crumb => crumb.route === "home" ? qsTr("Home") : crumb.title).join("  \u203A  ")
    }
}
