import QtQuick

// The admin's way in: a large number pad. A dot for each digit typed, never the digits themselves.
// Works with a finger, and with a keyboard's digits, Backspace, Enter and Escape.
Rectangle {
    id: pad

    required property var admin
    // The right PIN was entered: the admin panel may open.
    signal accepted()
    signal closed()

    // Closes by itself if left half-typed: the next visitor must not find it, or the digits, waiting.
    property int idleCloseMs: 30000
    property string entered: ""
    readonly property int minDigits: 4
    readonly property int maxDigits: 8
    readonly property bool locked: admin.locked
    readonly property real keySize: Math.max(Theme.touchTarget, Theme.px(104))

    color: Theme.background
    focus: true
    Accessible.role: Accessible.Dialog
    Accessible.name: qsTr("Admin PIN")

    // Digits typed before a lock are no use after it.
    onLockedChanged: if (locked) entered = ""

    Component.onCompleted: {
        admin.startPinEntry()
        idle.restart()
    }

    // The pad itself takes the focus (digits typed go straight in); Tab goes round its keys and
    // never to the page under it; closed, the focus goes back where it was.
    DialogFocus { panel: pad }

    function type(digit) {
        idle.restart()
        if (!locked && entered.length < maxDigits)
            entered += digit
    }
    function erase() {
        idle.restart()
        entered = entered.slice(0, -1)
    }
    function submit() {
        idle.restart()
        if (locked || entered.length < minDigits)
            return
        const result = admin.submitPin(entered)
        entered = ""
        if (result === "ok")
            pad.accepted()
        else if (!Theme.reducedMotion)
            shake.restart()
    }
    function cancel() {
        entered = ""
        idle.stop()
        pad.closed()
    }

    // Everything a physical keyboard may send is taken here, before the window's own shortcuts
    // (Backspace is Back, Escape leaves a panel) can act on it.
    Keys.onShortcutOverride: (event) => {
        if (isPadKey(event))
            event.accepted = true
    }
    Keys.onPressed: (event) => {
        if (!isPadKey(event))
            return
        event.accepted = true
        if (event.key === Qt.Key_Backspace || event.key === Qt.Key_Delete)
            erase()
        else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
            submit()
        else if (event.key === Qt.Key_Escape)
            cancel()
        else
            type(event.text)
    }
    function isPadKey(event) {
        return /^[0-9]$/.test(event.text) || [Qt.Key_Backspace, Qt.Key_Delete, Qt.Key_Return,
                                              Qt.Key_Enter, Qt.Key_Escape].indexOf(event.key) >= 0
    }

    Timer {
        id: idle
        interval: pad.idleCloseMs
        onTriggered: pad.cancel()
    }

    // Touches on the pad stay on the pad; any touch counts as someone being there.
    MouseArea { anchors.fill: parent }
    PointHandler { onActiveChanged: if (active) idle.restart() }

    Rectangle {
        id: card
        anchors.centerIn: parent
        width: column.implicitWidth + 2 * Theme.margin
        height: column.implicitHeight + 2 * Theme.margin
        radius: Theme.radius
        color: Theme.surface
        border.width: Math.max(1, Theme.px(3))
        border.color: Theme.accent

        Column {
            id: column
            anchors.centerIn: parent
            spacing: Theme.gap

            Text {
                objectName: "pinTitle"
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("Admin PIN")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
            }

            // One dot per digit typed; four empty rings to start with say how many are wanted.
            Item {
                id: dotsBox
                anchors.horizontalCenter: parent.horizontalCenter
                width: keys.width
                height: Theme.px(40)
                Row {
                    id: dots
                    objectName: "pinDots"
                    readonly property int count: pad.entered.length
                    anchors.centerIn: parent
                    spacing: Theme.px(16)
                    Accessible.role: Accessible.StaticText
                    Accessible.name: count === 0 ? qsTr("No digits entered")
                                                 : qsTr("%n digit(s) entered", "", count)
                    Repeater {
                        model: Math.max(pad.minDigits, dots.count)
                        delegate: Rectangle {
                            required property int index
                            objectName: "pinDot:" + index
                            width: Theme.px(26)
                            height: width
                            radius: width / 2
                            color: index < dots.count ? Theme.text : "transparent"
                            border.width: Math.max(1, Theme.px(3))
                            border.color: Theme.text
                        }
                    }
                    // A wrong PIN shakes the dots, as phones do: seen even by someone not reading.
                    transform: Translate { id: shift }
                    SequentialAnimation {
                        id: shake
                        loops: 2
                        NumberAnimation { target: shift; property: "x"; to: Theme.px(-18); duration: 50 }
                        NumberAnimation { target: shift; property: "x"; to: Theme.px(18); duration: 100 }
                        NumberAnimation { target: shift; property: "x"; to: 0; duration: 50 }
                    }
                }
            }

            Rectangle {
                id: messageBox
                readonly property string status: pad.admin.pinStatus
                readonly property bool alarming: status !== ""
                anchors.horizontalCenter: parent.horizontalCenter
                width: keys.width + Theme.px(160)
                // Room for two lines whatever the message, so the pad never jumps when it changes.
                height: Math.max(message.implicitHeight, 2 * fontMetrics.lineSpacing) + Theme.px(24)
                radius: Theme.radius
                color: alarming ? Theme.noticeSoft : Theme.surface
                FontMetrics {
                    id: fontMetrics
                    font: message.font
                }
                Text {
                    id: message
                    objectName: "pinMessage"
                    anchors.centerIn: parent
                    width: parent.width - Theme.px(32)
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodySize
                    font.bold: messageBox.alarming
                    color: messageBox.alarming ? Theme.notice : Theme.mutedText
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                    text: {
                        switch (messageBox.status) {
                        case "notSet":
                            // The command kept whole on one line: a hyphen must not break it.
                            return qsTr("No admin PIN is set on this machine. Set one with: %1").arg("kiosk\u00a0set\u2011pin")
                        case "locked":
                            return qsTr("Too many wrong PINs. Try again in %n second(s).", "", pad.admin.lockSecondsLeft)
                        case "wrong":
                            return qsTr("Wrong PIN. %n attempt(s) left.", "", pad.admin.attemptsLeft)
                        }
                        return qsTr("Enter the admin PIN, then OK.")
                    }
                }
            }

            Grid {
                id: keys
                anchors.horizontalCenter: parent.horizontalCenter
                columns: 3
                spacing: Theme.gap
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
                    delegate: PinKey {
                        required property string modelData
                        objectName: "pinKey:" + modelData
                        label: modelData
                        onActivated: pad.type(modelData)
                    }
                }
                PinKey {
                    objectName: "pinErase"
                    label: qsTr("Erase")
                    small: true
                    accessibleName: qsTr("Erase the last digit")
                    enabled: !pad.locked && pad.entered.length > 0
                    onActivated: pad.erase()
                }
                PinKey {
                    objectName: "pinKey:0"
                    label: "0"
                    onActivated: pad.type("0")
                }
                PinKey {
                    objectName: "pinOk"
                    label: qsTr("OK")
                    small: true
                    primary: true
                    accessibleName: qsTr("Open the admin panel")
                    enabled: !pad.locked && pad.entered.length >= pad.minDigits
                    onActivated: pad.submit()
                }
            }

            TouchButton {
                objectName: "pinCancel"
                anchors.horizontalCenter: parent.horizontalCenter
                width: keys.width
                label: qsTr("Cancel")
                accessibleName: qsTr("Cancel and go back to the kiosk")
                onActivated: pad.cancel()
            }
        }
    }

    // A round key as large as a fingertip wants, the digit as large as a phone's; drawn as TouchButton is.
    component PinKey: Rectangle {
        id: key
        property string label
        property string accessibleName: label
        property bool primary: false
        property bool small: false
        signal activated()

        width: pad.keySize
        height: pad.keySize
        radius: width / 2
        enabled: !pad.locked
        color: !enabled ? Theme.background
             : primary ? (tap.pressed ? Theme.text : Theme.accent)
             : tap.pressed ? Theme.accentSoft : Theme.surface
        border.width: activeFocus ? Theme.px(5) : Math.max(1, Theme.px(2))
        border.color: activeFocus ? Theme.focusRing : (enabled ? Theme.accent : Theme.disabled)
        activeFocusOnTab: enabled
        Accessible.role: Accessible.Button
        Accessible.name: accessibleName
        Accessible.onPressAction: key.activated()
        Keys.onSpacePressed: key.activated()
        Keys.onReturnPressed: key.activated()
        Keys.onEnterPressed: key.activated()

        Text {
            anchors.centerIn: parent
            // A word ("Effacer") shrinks to stay inside the round key at any text size.
            width: key.width - Theme.px(16)
            horizontalAlignment: Text.AlignHCenter
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.px(12)
            text: key.label
            font.family: Theme.fontFamily
            font.pixelSize: key.small ? Theme.bodySize : Theme.titleSize
            font.bold: true
            color: !key.enabled ? Theme.disabled : (key.primary ? Theme.textOnAccent : Theme.accent)
        }
        TapHandler {
            id: tap
            enabled: key.enabled
            gesturePolicy: TapHandler.ReleaseWithinBounds
            onTapped: key.activated()
        }
    }
}
