import QtQuick
import QtMultimedia

// The video on an item page: poster, one large play target, controls that step aside while the
// video plays, captions drawn by the kiosk itself, and a friendly card when the file cannot play.
Item {
    id: panel

    required property var player
    required property var page
    property bool controlsShown: true

    objectName: "videoPanel"
    implicitHeight: width * 9 / 16

    function touched() {
        controlsShown = true
        hideControls.restart()
    }

    Rectangle {
        id: screen
        objectName: "videoArea"
        anchors.fill: parent
        visible: panel.player.status !== "failed"
        radius: Theme.radius
        color: "#0B0F14"
        clip: true

        VideoOutput {
            id: output
            anchors.fill: parent
            fillMode: VideoOutput.PreserveAspectFit
            Component.onCompleted: panel.player.attachSink(output.videoSink)
        }

        Image {
            objectName: "poster"
            anchors.fill: parent
            fillMode: Image.PreserveAspectFit
            source: panel.page.posterUrl || ""
            visible: panel.player.framesShown === 0 || panel.player.status === "ended"
        }

        Item {
            // A touch on the picture itself: below the buttons, so a button's tap is its own.
            objectName: "videoSurface"
            anchors.fill: parent
            TapHandler {
                gesturePolicy: TapHandler.ReleaseWithinBounds
                onTapped: {
                    if (panel.player.playing && !panel.controlsShown)
                        panel.touched()
                    else
                        panel.player.togglePlay()
                }
            }
        }

        Rectangle {
            // Captions: large, on a dark box, legible over any picture.
            objectName: "captionBox"
            visible: captionText.text.length > 0
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: parent.bottom
            anchors.bottomMargin: (controls.visible ? controls.height : 0) + Theme.px(24)
            width: Math.min(parent.width - Theme.px(48), captionText.implicitWidth + Theme.px(36))
            height: captionText.implicitHeight + Theme.px(16)
            radius: Theme.px(8)
            color: "#D9000000"
            Text {
                id: captionText
                objectName: "captionText"
                anchors.centerIn: parent
                width: Math.min(implicitWidth, panel.width - Theme.px(84))
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Math.max(Theme.bodySize, panel.height / 18)
                color: "#FFFFFF"
                text: panel.player.captionText
                // A decoded &lt;b&gt; is words to read, never markup to apply.
                textFormat: Text.PlainText
                // A live region: a screen reader says each caption as it appears (a11y, issue 17).
                Accessible.role: Accessible.StaticText
                Accessible.name: text
                Accessible.ignored: text.length === 0
                onTextChanged: if (captionText.text.length > 0) captionText.Accessible.announce(captionText.text)
            }
        }

        TouchButton {
            objectName: "bigPlayButton"
            anchors.centerIn: parent
            // In the middle of the picture the opaque bar leaves free, never under the bar.
            anchors.verticalCenterOffset: controls.visible ? -controls.height / 2 : 0
            visible: !panel.player.playing
            implicitHeight: Theme.touchTarget * 1.5
            label: panel.player.status === "ended" ? qsTr("Watch again") : "\u25B6  " + qsTr("Play")
            accessibleName: panel.player.status === "ended" ? qsTr("Watch again") : qsTr("Play video")
            onActivated: panel.player.play()
        }

        Rectangle {
            id: controls
            objectName: "videoControls"
            visible: panel.controlsShown || !panel.player.playing
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            // Longer words (French, Spanish) or larger text: the right-hand buttons take a second
            // row rather than cover the left-hand ones.
            readonly property bool oneRow: playRow.implicitWidth + optionRow.implicitWidth + Theme.px(48) <= width
            height: Theme.touchTarget + Theme.px(72) + (oneRow ? 0 : Theme.touchTarget + Theme.px(12))
            // Opaque: a see-through bar let the video's own burnt-in timer show through the controls.
            color: Theme.videoBar

            // The seek bar: touch or drag anywhere along it.
            Item {
                id: seekBar
                objectName: "seekBar"
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(16) }
                height: Theme.px(40)
                // Time runs the way the visitor reads: from the right in Arabic. Explicit x positions
                // are not mirrored by LayoutMirroring, so the bar mirrors itself.
                readonly property bool rightToLeft: LayoutMirroring.enabled
                readonly property real played: panel.player.duration > 0 ? panel.player.position / panel.player.duration : 0
                Rectangle {
                    objectName: "seekTrack"
                    anchors.verticalCenter: parent.verticalCenter
                    width: parent.width; height: Theme.px(8); radius: height / 2
                    color: Theme.videoTrack
                    Rectangle {
                        objectName: "seekPlayed"
                        width: parent.width * seekBar.played
                        x: seekBar.rightToLeft ? parent.width - width : 0
                        height: parent.height; radius: height / 2
                        color: Theme.videoText
                    }
                }
                Rectangle {
                    objectName: "seekKnob"
                    x: (seekBar.rightToLeft ? 1 - seekBar.played : seekBar.played) * seekBar.width - width / 2
                    anchors.verticalCenter: parent.verticalCenter
                    width: Theme.px(28); height: width; radius: width / 2
                    color: Theme.videoText
                }
                function seekTo(x) {
                    panel.touched()
                    const along = Math.max(0, Math.min(1, x / width))
                    panel.player.seek(Math.round((rightToLeft ? 1 - along : along) * panel.player.duration))
                }
                TapHandler { onTapped: eventPoint => seekBar.seekTo(eventPoint.position.x) }
                DragHandler {
                    target: null
                    yAxis.enabled: false
                    onCentroidChanged: if (active) seekBar.seekTo(centroid.position.x)
                }
                Accessible.role: Accessible.Slider
                Accessible.name: qsTr("Position in the video")
                // With a keyboard: the arrow keys step ten seconds.
                activeFocusOnTab: true
                // The arrow toward the end of the bar goes forward, whichever side that is.
                Keys.onLeftPressed: { panel.touched(); if (rightToLeft) panel.player.skipForward(); else panel.player.skipBack() }
                Keys.onRightPressed: { panel.touched(); if (rightToLeft) panel.player.skipBack(); else panel.player.skipForward() }
                Rectangle {
                    anchors.fill: parent
                    anchors.margins: -Theme.px(6)
                    visible: seekBar.activeFocus
                    color: "transparent"
                    radius: Theme.px(8)
                    border.width: Theme.px(4)
                    border.color: Theme.focusRing
                }
            }

            Row {
                id: playRow
                anchors { left: parent.left; leftMargin: Theme.px(16); top: seekBar.bottom; topMargin: Theme.px(4) }
                spacing: Theme.px(12)
                TouchButton {
                    objectName: "playPauseButton"
                    label: panel.player.playing ? qsTr("Pause") : qsTr("Play")
                    onActivated: { panel.touched(); panel.player.togglePlay() }
                }
                TouchButton { objectName: "backTenButton"; label: qsTr("\u2212 10 s"); accessibleName: qsTr("Back 10 seconds"); onActivated: { panel.touched(); panel.player.skipBack() } }
                TouchButton { objectName: "forwardTenButton"; label: qsTr("+ 10 s"); accessibleName: qsTr("Forward 10 seconds"); onActivated: { panel.touched(); panel.player.skipForward() } }
                Text {
                    objectName: "videoTime"
                    anchors.verticalCenter: parent.verticalCenter
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.smallSize
                    color: Theme.videoText
                    text: panel.player.duration > 0 ? panel.player.elapsedText + " / " + panel.player.durationText : ""
                }
            }
            Row {
                id: optionRow
                anchors { right: parent.right; rightMargin: Theme.px(16); bottom: parent.bottom; bottomMargin: Theme.px(12) }
                spacing: Theme.px(12)
                TouchButton {
                    objectName: "captionsButton"
                    visible: panel.player.hasCaptions
                    label: panel.player.captionsOn ? qsTr("Captions on") : qsTr("Captions off")
                    onActivated: { panel.touched(); panel.player.toggleCaptions() }
                }
                TouchButton {
                    objectName: "muteButton"
                    label: panel.player.muted ? qsTr("Sound off") : qsTr("Sound on")
                    onActivated: { panel.touched(); panel.player.toggleMute() }
                }
            }
        }
    }

    Timer {
        id: hideControls
        interval: 3500
        running: panel.player.playing
        onTriggered: panel.controlsShown = false
    }

    FailureCard {
        objectName: "videoFailure"
        anchors.fill: parent
        visible: panel.player.status === "failed"
        heading: qsTr("This video can't be played right now")
        detail: qsTranslate("Failures", panel.player.failure)
        qrUrl: panel.page.qrUrl || ""
        displayUrl: panel.page.displayUrl || ""
    }
}
