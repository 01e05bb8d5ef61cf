import QtQuick
import QtMultimedia

// While nobody is using the kiosk: each section in turn on a calm, moving slide, and now and then a
// video, muted with captions. "Touch the screen to explore" in every language. The first touch
// only wakes the kiosk (see kiosk/ui/guard.py): it opens the home page, not what lies under it.
Rectangle {
    id: view

    required property var kiosk
    required property var player
    required property var session
    property var programme: null
    readonly property var page: kiosk.page
    readonly property var slides: page.slides || []
    property int index: 0
    readonly property var slide: slides.length > 0 ? slides[index % slides.length] : ({})
    readonly property bool showingVideo: slide.kind === "video" && player.status !== "failed"

    objectName: "attractPage"
    color: Theme.accent
    Accessible.role: Accessible.Pane
    Accessible.name: invitation.text

    function next() {
        if (slides.length === 0)
            return
        index = (index + 1) % slides.length
        show()
    }
    function show() {
        // The programme's now-and-next slide is left out outside the programme's days.
        if (slide.kind === "nowNext" && !(programme && programme.nowNext.visible) && slides.length > 1)
            return next()
        if (slide.kind === "video" && slide.mediaPath)
            player.playAttract(slide.mediaPath, slide.captionsPath || "")
        else
            player.release()
        if (!Theme.reducedMotion)
            entrance.restart()
    }
    Component.onCompleted: show()
    Component.onDestruction: player.release()

    Timer {
        // Slides change on a timer; a video changes when it ends (or cannot play).
        objectName: "attractTimer"
        interval: Math.max(1, view.slide.seconds || 8) * 1000
        running: view.slide.kind === "slide" || view.slide.kind === "nowNext"
        repeat: true
        onTriggered: view.next()
    }
    Connections {
        // The programme's days ended (or its last session) while its slide was on show: move on.
        target: view.programme
        ignoreUnknownSignals: true
        function onNowNextChanged() {
            if (view.slide.kind === "nowNext" && !view.programme.nowNext.visible)
                view.next()
        }
    }
    Connections {
        target: view.player
        function onStateChanged() {
            if (view.slide.kind === "video" && (view.player.status === "ended" || view.player.status === "failed"))
                view.next()
        }
    }

    // Two large, faint circles drifting slowly: the screen visibly lives, from across the room.
    Repeater {
        model: 2
        delegate: Rectangle {
            required property int index
            width: view.height * (index === 0 ? 0.9 : 0.6)
            height: width
            radius: width / 2
            color: Theme.textOnAccent
            opacity: 0.06
            x: view.width * (index === 0 ? 0.62 : 0.08) + drift.value * (index === 0 ? -1 : 1) * view.width * 0.06
            y: view.height * (index === 0 ? -0.2 : 0.55) + drift.value * view.height * 0.04
        }
    }
    NumberAnimation {
        id: driftAnimation
        target: drift
        property: "value"
        from: -1
        to: 1
        duration: 14000
        easing.type: Easing.InOutSine
        loops: Animation.Infinite
        running: !Theme.reducedMotion && view.visible
        onStopped: drift.value = 0
    }
    QtObject {
        id: drift
        property real value: 0
    }
    Row {
        // Who presents the content, then its title: on every slide and over every video.
        id: masthead
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.margin }
        spacing: Theme.gap
        OrganisationMark {
            id: attractMark
            organisation: view.page.organisation
            logoHeight: Theme.px(64)
            textSize: Theme.headingSize - Theme.px(4)
            maximumWidth: masthead.width / 2
            anchors.verticalCenter: parent.verticalCenter
        }
        Text {
            objectName: "attractKioskTitle"
            anchors.verticalCenter: parent.verticalCenter
            width: masthead.width - (attractMark.visible ? attractMark.width + masthead.spacing : 0)
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
            font.family: Theme.fontFamily
            font.pixelSize: Theme.headingSize
            font.bold: true
            color: Theme.textOnAccent
            text: view.page.title || ""
        }
    }

    Item {
        id: stage
        anchors {
            left: parent.left; right: parent.right; top: parent.top; bottom: invitationBar.top
            margins: Theme.margin; topMargin: Math.max(Theme.margin * 2.5, masthead.y + masthead.height + Theme.margin)
        }

        NowNext {
            id: attractNowNext
            objectName: "attractNowNext"
            visible: view.slide.kind === "nowNext" && !!attractNowNext.nowNext.visible
            programme: view.programme
            onAccent: true
            width: Math.min(parent.width, Theme.px(1400))
            // Longer titles, taller scripts, more rooms: the slide shrinks to fit rather than spill over.
            scale: Math.min(1, stage.height / Math.max(1, implicitHeight))
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.verticalCenter: parent.verticalCenter
        }

        Column {
            id: slideText
            objectName: "attractSlide"
            visible: !view.showingVideo && view.slide.kind !== "nowNext"
            width: Math.min(parent.width, Theme.px(1400))
            // Centred on the screen: in either reading direction the eye finds it in the middle.
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.gap

            Text {
                objectName: "attractSlideTitle"
                width: parent.width
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(84)
                font.bold: true
                lineHeight: 1.05
                color: Theme.textOnAccent
                text: Theme.readingOrder(view.slide.title, LayoutMirroring.enabled)
            }
            Text {
                objectName: "attractSlideSummary"
                width: parent.width
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.titleSize
                lineHeight: 1.15
                color: Theme.textOnAccent
                text: Theme.readingOrder(view.slide.summary, LayoutMirroring.enabled)
            }
        }

        OfficeCard {
            // The office or venue's own slide: its card, large, in the middle of the screen.
            office: view.showingVideo ? null : (view.slide.office || null)
            large: true
            width: Math.min(parent.width, Theme.px(1100))
            height: implicitHeight
            // Taller scripts (Arabic) and long opening hours: smaller rather than under the invitation.
            scale: Math.min(1, parent.height / Math.max(1, implicitHeight))
            anchors.centerIn: parent
        }

        Item {
            objectName: "attractVideo"
            visible: view.showingVideo
            anchors.fill: parent

            VideoOutput {
                id: output
                anchors.fill: parent
                fillMode: VideoOutput.PreserveAspectFit
                Component.onCompleted: view.player.attachSink(output.videoSink)
            }
            Rectangle {
                objectName: "attractCaptionBox"
                visible: captionText.text.length > 0
                anchors.horizontalCenter: parent.horizontalCenter
                // Just under the picture where there is room (portrait), else over its lower edge;
                // never far below it, never over the middle of it.
                y: Math.min(output.contentRect.y + output.contentRect.height + Theme.px(12),
                            parent.height - height)
                width: Math.min(parent.width - Theme.px(48), captionText.implicitWidth + Theme.px(36))
                height: captionText.implicitHeight + Theme.px(16)
                radius: Theme.px(8)
                color: "#D9000000"
                Text {
                    id: captionText
                    anchors.centerIn: parent
                    width: Math.min(implicitWidth, parent.parent.width - Theme.px(84))
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(40)
                    color: "#FFFFFF"
                    text: view.player.captionText
                    // A decoded &lt;b&gt; is words to read, never markup to apply.
                    textFormat: Text.PlainText
                }
            }
        }

        ParallelAnimation {
            id: entrance
            NumberAnimation { target: slideText; property: "opacity"; from: 0; to: 1; duration: 900; easing.type: Easing.OutCubic }
            NumberAnimation { target: slideText; property: "anchors.verticalCenterOffset"; from: Theme.px(60); to: 0; duration: 900; easing.type: Easing.OutCubic }
        }
    }

    Row {
        // Where the loop is: one dot per slide, the current one filled.
        objectName: "attractDots"
        anchors { horizontalCenter: parent.horizontalCenter; bottom: invitationBar.top; bottomMargin: Theme.gap }
        spacing: Theme.px(14)
        Repeater {
            model: view.slides.length
            delegate: Rectangle {
                required property int index
                width: Theme.px(14)
                height: width
                radius: width / 2
                color: Theme.textOnAccent
                opacity: index === view.index % Math.max(1, view.slides.length) ? 1 : 0.35
            }
        }
    }

    Rectangle {
        id: invitationBar
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: invitationColumn.implicitHeight + 2 * Theme.gap
        color: Theme.surface

        Column {
            id: invitationColumn
            anchors.centerIn: parent
            spacing: Theme.px(6)
            Repeater {
                model: view.session.invitations
                delegate: Text {
                    required property var modelData
                    required property int index
                    objectName: "invitation:" + modelData.language
                    anchors.horizontalCenter: parent.horizontalCenter
                    font.family: Theme.fontFamily
                    font.pixelSize: index === 0 ? Theme.titleSize : Theme.headingSize
                    font.bold: index === 0
                    color: index === 0 ? Theme.accent : Theme.text
                    text: modelData.text
                }
            }
        }
        Text {
            id: invitation
            visible: false
            text: view.session.invitations.map(i => i.text).join(" / ")
        }
    }
}
