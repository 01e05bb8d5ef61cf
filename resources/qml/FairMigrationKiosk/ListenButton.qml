import QtQuick
import QtQuick.Shapes

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

            Shape {
                visible: !button.speaking
                anchors.fill: parent
                preferredRendererType: Shape.CurveRenderer
                transform: Scale { xScale: icon.width / 24; yScale: icon.height / 24 }
                ShapePath {
                    // The speaker: a box and its cone.
                    strokeWidth: 0
                    strokeColor: "transparent"
                    fillColor: icon.ink
                    PathSvg { path: "M 2 9 L 6 9 L 12 4 L 12 20 L 6 15 L 2 15 Z" }
                }
                ShapePath {
                    // Two waves of sound.
                    strokeWidth: 2.2
                    strokeColor: icon.ink
                    fillColor: "transparent"
                    capStyle: ShapePath.RoundCap
                    PathSvg { path: "M 15.5 8.5 A 5 5 0 0 1 15.5 15.5 M 18.5 5.5 A 9 9 0 0 1 18.5 18.5" }
                }
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
