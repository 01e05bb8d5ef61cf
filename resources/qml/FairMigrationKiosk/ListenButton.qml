import QtQuick

// Listen: the page read aloud, for visitors who read little. A speaker drawn beside the word, so it
// is found without reading; Stop (a square) while it speaks. Shown only when the machine has a voice
// for the page's language and the page has words to read (kiosk.ui.speech decides both).
Rectangle {
    id: button

    required property var readAloud
    readonly property bool speaking: readAloud ? readAloud.speaking : false

    objectName: "listenButton"
    visible: !!readAloud && readAloud.available
    implicitHeight: Theme.touchTarget
    implicitWidth: Math.max(Theme.touchTarget, face.implicitWidth + Theme.px(48))
    radius: height / 2
    color: tap.pressed ? Theme.text : (speaking ? Theme.notice : Theme.accent)
    border.width: activeFocus ? Theme.px(5) : Math.max(1, Theme.px(2))
    border.color: activeFocus ? Theme.focusRing : color

    activeFocusOnTab: visible
    Accessible.role: Accessible.Button
    // No voice for the page's language: the button is hidden, and so off the tree.
    Accessible.ignored: !visible
    Accessible.name: speaking ? qsTr("Stop reading aloud") : qsTr("Read this page aloud")
    Accessible.onPressAction: button.readAloud.toggle()
    Keys.onReturnPressed: button.readAloud.toggle()
    Keys.onEnterPressed: button.readAloud.toggle()
    Keys.onSpacePressed: button.readAloud.toggle()

    Row {
        id: face
        anchors.centerIn: parent
        spacing: Theme.px(12)

        Item {
            // 24 units square, scaled to the label's height.
            id: icon
            objectName: "listenIcon"
            anchors.verticalCenter: parent.verticalCenter
            width: Math.round(caption.font.pixelSize * 1.3)
            height: width
            readonly property color ink: Theme.textOnAccent

            onInkChanged: speaker.requestPaint()

            Canvas {
                id: speaker
                // Drawn, not a font's glyph: no symbol font has to carry it. (QtQuick.Shapes would
                // do it too, but the installers leave that module out.)
                visible: !button.speaking
                anchors.fill: parent
                onPaint: {
                    const g = getContext("2d")
                    g.reset()
                    g.scale(width / 24, height / 24)
                    g.fillStyle = icon.ink
                    g.strokeStyle = icon.ink
                    // The speaker: a box and its cone.
                    g.beginPath()
                    g.moveTo(2, 9); g.lineTo(6, 9); g.lineTo(12, 4); g.lineTo(12, 20); g.lineTo(6, 15); g.lineTo(2, 15)
                    g.closePath()
                    g.fill()
                    // Two waves of sound.
                    g.lineWidth = 2.2
                    g.lineCap = "round"
                    g.beginPath()
                    g.arc(12, 12, 4.5, -Math.PI / 3.2, Math.PI / 3.2)
                    g.stroke()
                    g.beginPath()
                    g.arc(12, 12, 8.5, -Math.PI / 3.2, Math.PI / 3.2)
                    g.stroke()
                }
                onWidthChanged: requestPaint()
            }
            Rectangle {
                // Stop: the square every player uses.
                visible: button.speaking
                anchors.centerIn: parent
                width: parent.width * 0.62
                height: width
                radius: Theme.px(3)
                color: icon.ink
            }
        }
        Text {
            id: caption
            anchors.verticalCenter: parent.verticalCenter
            text: button.speaking ? qsTr("Stop") : qsTr("Listen")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            font.bold: true
            color: Theme.textOnAccent
        }
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: button.readAloud.toggle()
    }
}
