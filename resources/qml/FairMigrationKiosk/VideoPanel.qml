import QtQuick
import QtMultimedia

// The video on an item page: poster, one large play target, controls that step aside while the
// video plays, captions drawn by the kiosk itself, and a friendly card when the file cannot play.
Item {
    id: panel

    required property var player
    required property var page
    property bool controlsShown: true
    // How long the bar stays after a touch while a film plays.
    property int hideBarAfterMs: 3500
    // The keyboard focus on any control of the bar keeps the bar on screen: a keyboard or
    // screen-reader visitor never works a control they cannot see.
    readonly property bool focusInBar: {
        for (let item = Window.activeFocusItem; item; item = item.parent) {
            if (item === controls)
                return true
        }
        return false
    }
    readonly property bool barShown: controlsShown || !player.playing || focusInBar
    // "1:05 of 3:20": the seek bar's and the clock's words for a screen reader.
    readonly property string timeText: player.duration > 0
        //: The time played of the whole film, as in "1:05 of 3:20".
        ? qsTr("%1 of %2").arg(player.elapsedText).arg(player.durationText) : ""

    objectName: "videoPanel"
    // As wide as the reading column, whatever the title beside it: a short title once left the
    // film a narrow strip whose bar could not hold its controls.
    implicitWidth: Theme.readingWidth
    implicitHeight: width * 9 / 16

    // The width a row of the bar's controls takes on one line (only those shown).
    function lineWidth(row) {
        let total = 0
        let shown = 0
        for (let i = 0; i < row.children.length; ++i) {
            const child = row.children[i]
            if (child.visible) {
                total += child.implicitWidth
                shown += 1
            }
        }
        return total + Math.max(0, shown - 1) * row.spacing
    }

    // True once a frame with this panel in it has been drawn (see the video's output below).
    property bool pageDrawn: false
    Connections {
        // afterAnimating comes on the GUI thread just before a frame is drawn; the timer then
        // runs once the event loop is back, after that frame.
        target: panel.Window.window
        enabled: !panel.pageDrawn
        function onAfterAnimating() { drawnTimer.start() }
    }
    Timer {
        id: drawnTimer
        interval: 0
        onTriggered: panel.pageDrawn = true
    }

    // The picture left above the bar.
    readonly property real pictureHeight: height - (barShown ? controls.height : 0)
    // Between a caption and the bar. Paused, the Play button and the caption share the picture: the
    // caption keeps its place unless the two would meet, then they close up, the caption below.
    readonly property real captionGap: bigPlay.visible && captionBox.visible
        ? Math.max(0, Math.min(Theme.px(24), (pictureHeight - captionBox.height - bigPlay.height) / 3))
        : Theme.px(24)

    function touched() {
        controlsShown = true
        hideControls.restart()
    }
    onFocusInBarChanged: if (!focusInBar) touched()

    // Keys anywhere in the player (a button or the seek bar has the focus): Space and K play or
    // pause, the arrows step 5 seconds, J and L 10, Home and End go to the start and the end.
    // A focused button keeps Space, Enter and Return for itself.
    Keys.onPressed: (event) => {
        if (event.modifiers & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier))
            return
        // The arrow toward the end of the bar goes forward, whichever side that is.
        const forward = LayoutMirroring.enabled ? Qt.Key_Left : Qt.Key_Right
        const back = LayoutMirroring.enabled ? Qt.Key_Right : Qt.Key_Left
        switch (event.key) {
        case Qt.Key_Space:
        case Qt.Key_K:
            player.togglePlay()
            break
        case forward:
            player.skip(5000)
            break
        case back:
            player.skip(-5000)
            break
        case Qt.Key_L:
            player.skipForward()
            break
        case Qt.Key_J:
            player.skipBack()
            break
        case Qt.Key_Home:
            player.seek(0)
            break
        case Qt.Key_End:
            player.seek(player.duration)
            break
        default:
            return
        }
        event.accepted = true
        touched()
        seekBar.notifyValue()
    }

    Rectangle {
        id: screen
        objectName: "videoArea"
        anchors.fill: parent
        visible: panel.player.status !== "failed"
        radius: Theme.radius
        color: "#0B0F14"
        clip: true

        Loader {
            // The film's output (Qt Multimedia's sink and its scene graph plugin) is made once the
            // page is on screen: until a film plays it shows nothing under the poster, so the
            // page's first frame need not wait for it.
            objectName: "videoOutputLoader"
            anchors.fill: parent
            // Playing makes it too, should a film start before any frame is drawn (a window not shown).
            active: panel.pageDrawn || panel.player.playing
            sourceComponent: VideoOutput {
                id: output
                objectName: "videoOutput"
                fillMode: VideoOutput.PreserveAspectFit
                Component.onCompleted: panel.player.attachSink(output.videoSink)
            }
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
                    if (panel.player.playing && !panel.barShown)
                        panel.touched()
                    else
                        panel.player.togglePlay()
                }
            }
        }

        Rectangle {
            // Captions: large, on a dark box, legible over any picture.
            id: captionBox
            objectName: "captionBox"
            // Over the Play button, should a picture be too short for both (a narrow portrait window
            // at the largest text): the words stay whole, and Play still shows most of itself.
            z: 1
            visible: captionText.text.length > 0
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: parent.bottom
            anchors.bottomMargin: (panel.barShown ? controls.height : 0) + panel.captionGap
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
            id: bigPlay
            objectName: "bigPlayButton"
            anchors.horizontalCenter: parent.horizontalCenter
            // In the middle of the picture the opaque bar and a caption leave free: never under the
            // bar, never over the words of a paused film's caption.
            readonly property real freeHeight: captionBox.visible ? captionBox.y : panel.pictureHeight
            y: Math.max(Math.min(Theme.px(8), panel.captionGap), (freeHeight - height) / 2)
            visible: !panel.player.playing
            implicitHeight: Theme.touchTarget * 1.5
            label: panel.player.status === "ended" ? qsTr("Watch again") : "\u25B6  " + qsTr("Play")
            accessibleName: panel.player.status === "ended" ? qsTr("Watch again") : qsTr("Play video")
            onActivated: {
                const fromKeys = activeFocus
                panel.player.play()
                // This button goes as the video starts: the focus moves on to Pause, not into nothing.
                if (fromKeys)
                    playPause.forceActiveFocus(Qt.TabFocusReason)
            }
        }

        Rectangle {
            id: controls
            objectName: "videoControls"
            // Out of sight while a film plays untouched, but never out of the keyboard's reach: its
            // controls stay in the Tab order, and the focus arriving on one brings the bar back.
            opacity: panel.barShown ? 1 : 0
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            // Longer words (French, Spanish) or larger text: the right-hand buttons take a second
            // row rather than cover the left-hand ones.
            readonly property bool oneRow: panel.lineWidth(playRow) + panel.lineWidth(optionRow) + Theme.px(48) <= width
            height: Theme.px(72) + playRow.height + (oneRow ? 0 : optionRow.height + Theme.px(12))
            // Opaque: a see-through bar let the video's own burnt-in timer show through the controls.
            color: Theme.videoBar

            // The seek bar: touch or drag anywhere along it.
            Item {
                id: seekBar
                objectName: "seekBar"
                // The clock has its own place at the end of the seek bar's line, so no button can
                // push it out of the bar.
                anchors { left: parent.left; right: clock.left; top: parent.top; margins: Theme.px(16) }
                height: Theme.px(40)
                // Time runs the way the visitor reads: from the right in Arabic. Explicit x positions
                // are not mirrored by LayoutMirroring, so the bar mirrors itself.
                readonly property bool rightToLeft: LayoutMirroring.enabled
                readonly property real played: panel.player.duration > 0 ? panel.player.position / panel.player.duration : 0
                // For assistive technology: a slider in whole seconds (what Qt's accessibility reads).
                readonly property int value: Math.floor(panel.player.position / 1000)
                readonly property int minimumValue: 0
                readonly property int maximumValue: Math.floor(panel.player.duration / 1000)
                readonly property int stepSize: 5
                // Said when the visitor moves it (a key, a tap, a drag), not every second of play:
                // a screen reader would otherwise talk over the film.
                function notifyValue() { Accessible.valueChanged() }
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
                    notifyValue()
                }
                TapHandler { onTapped: eventPoint => seekBar.seekTo(eventPoint.position.x) }
                DragHandler {
                    target: null
                    yAxis.enabled: false
                    onCentroidChanged: if (active) seekBar.seekTo(centroid.position.x)
                }
                Accessible.role: Accessible.Slider
                Accessible.name: qsTr("Position in the video")
                Accessible.description: panel.timeText
                Accessible.focusable: true
                // With a keyboard: the player's keys (above) move it.
                activeFocusOnTab: true
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

            Text {
                id: clock
                objectName: "videoTime"
                anchors { right: parent.right; rightMargin: Theme.px(16); verticalCenter: seekBar.verticalCenter }
                // Room for the longest time of this film from the start, so the seek bar keeps its
                // length while the seconds tick.
                width: Math.max(implicitWidth, longestClock.advanceWidth)
                horizontalAlignment: Text.AlignRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                color: Theme.videoText
                text: panel.player.duration > 0 ? panel.player.elapsedText + " / " + panel.player.durationText : ""
                Accessible.role: Accessible.StaticText
                Accessible.name: panel.timeText
                // Before the film's length is known the clock is blank: nothing for a screen
                // reader to say, so it is not on the tree (an unnamed "label" otherwise).
                Accessible.ignored: panel.timeText === ""
                TextMetrics {
                    id: longestClock
                    font: clock.font
                    text: clock.text === "" ? "" : panel.player.durationText + " / " + panel.player.durationText
                }
            }

            // The buttons: Play and the skips at the start, Captions and Sound at the end of the line
            // when all fit on it, on a line of their own below when not (longer words, larger text).
            // Each group wraps within the bar rather than run past its edge.
            readonly property real innerWidth: width - 2 * Theme.px(16)
            Flow {
                id: playRow
                anchors { left: parent.left; leftMargin: Theme.px(16); top: seekBar.bottom; topMargin: Theme.px(4) }
                width: Math.min(panel.lineWidth(playRow), controls.innerWidth)
                spacing: Theme.px(12)
                TouchButton {
                    id: playPause
                    objectName: "playPauseButton"
                    label: panel.player.playing ? qsTr("Pause") : qsTr("Play")
                    onActivated: { panel.touched(); panel.player.togglePlay() }
                }
                TouchButton { objectName: "backTenButton"; label: qsTr("\u2212 10 s"); accessibleName: qsTr("Back 10 seconds"); onActivated: { panel.touched(); panel.player.skipBack() } }
                TouchButton { objectName: "forwardTenButton"; label: qsTr("+ 10 s"); accessibleName: qsTr("Forward 10 seconds"); onActivated: { panel.touched(); panel.player.skipForward() } }
            }
            Flow {
                id: optionRow
                anchors {
                    right: parent.right
                    rightMargin: Theme.px(16)
                    top: controls.oneRow ? playRow.top : playRow.bottom
                    topMargin: controls.oneRow ? 0 : Theme.px(12)
                }
                width: Math.min(panel.lineWidth(optionRow), controls.innerWidth)
                spacing: Theme.px(12)
                TouchButton {
                    objectName: "captionsButton"
                    visible: panel.player.hasCaptions
                    label: panel.player.captionsOn ? qsTr("Captions on") : qsTr("Captions off")
                    accessibleName: qsTr("Captions")
                    toggle: true
                    switchedOn: panel.player.captionsOn
                    onActivated: { panel.touched(); panel.player.toggleCaptions() }
                }
                TouchButton {
                    objectName: "muteButton"
                    label: panel.player.muted ? qsTr("Sound off") : qsTr("Sound on")
                    accessibleName: qsTr("Sound")
                    toggle: true
                    switchedOn: !panel.player.muted
                    onActivated: { panel.touched(); panel.player.toggleMute() }
                }
            }
            MouseArea {
                // While the bar is out of sight, a touch on it only brings it back, as a touch on
                // the picture does: its buttons, still there for the keyboard, take no finger.
                objectName: "hiddenBarCatcher"
                anchors.fill: parent
                visible: !panel.barShown
                onClicked: panel.touched()
            }
        }
    }

    Timer {
        id: hideControls
        interval: panel.hideBarAfterMs
        running: panel.player.playing
        onTriggered: panel.controlsShown = false
    }
    // Paused or stopped, the slider has settled: say where.
    Connections {
        target: panel.player
        function onStateChanged() { if (!panel.player.playing) seekBar.notifyValue() }
    }

    FailureCard {
        objectName: "videoFailure"
        anchors.fill: parent
        visible: panel.player.status === "failed"
        heading: qsTr("This video can't be played right now")
        detail: qsTranslate("Failures", panel.player.failure)
        // Its code is made only for a file that failed: a page that shows its file pays nothing for it.
        qrUrl: panel.player.status === "failed" ? panel.page.qrUrl || "" : ""
        displayUrl: panel.page.displayUrl || ""
    }
}
