import QtQuick

// "Still there?": after a while with no touch, a large question and a countdown before the kiosk
// starts afresh for the next visitor. A touch anywhere answers it.
Rectangle {
    id: prompt

    required property var session

    color: Qt.rgba(0, 0, 0, 0.55)
    // A dialog that takes the focus, so a screen reader says it at once: its question as its name,
    // the countdown as its description. Any key answers it, as any touch does (see kiosk/ui/guard.py).
    Accessible.role: Accessible.Dialog
    Accessible.name: question.text
    Accessible.description: countdown.text

    DialogFocus {
        panel: prompt
        first: stillHere
    }
    // No key is a shortcut while it asks (Escape would go back a page, Tab move on): every key
    // reaches the window, where it counts as the answer.
    Keys.onShortcutOverride: (event) => { event.accepted = true }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.px(900))
        height: column.implicitHeight + 2 * Theme.margin
        radius: Theme.radius * 2
        color: Theme.surface
        border.width: Theme.px(4)
        border.color: Theme.accent

        Column {
            id: column
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.margin }
            spacing: Theme.gap

            Text {
                id: question
                objectName: "stillThereQuestion"
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.displaySize
                font.bold: true
                color: Theme.text
                text: qsTr("Still there?")
            }
            Text {
                id: countdown
                objectName: "stillThereCountdown"
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingSize
                color: Theme.mutedText
                text: qsTr("The kiosk starts again for the next visitor in %n second(s).", "", prompt.session.secondsLeft)
            }
            TouchButton {
                id: stillHere
                objectName: "stillHereButton"
                anchors.horizontalCenter: parent.horizontalCenter
                primary: true
                label: qsTr("I am still here")
                onActivated: prompt.session.stillHere()
            }
        }
    }
}
