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
        running: view.slide.kind === "slide"
        repeat: true
        onTriggered: view.next()
    }
    Connections {
        target: view.player
        function onStateChanged() {
            if (view.slide.kind === "video" && (view.player.status === "ended" || view.player.status === "failed"))
                view.next()
        }
    }

    Text {
        objectName: "attractKioskTitle"
        anchors { left: parent.left; top: parent.top; margins: Theme.margin }
        font.family: Theme.fontFamily
        font.pixelSize: Theme.headingSize
        font.bold: true
        color: Theme.textOnAccent
        text: view.page.title || ""
    }

    Item {
        id: stage
        anchors {
            left: parent.left; right: parent.right; top: parent.top; bottom: invitationBar.top
            margins: Theme.margin; topMargin: Theme.margin * 2.5
        }

        Column {
            id: slideText
            objectName: "attractSlide"
            visible: !view.showingVideo
            width: Math.min(parent.width, Theme.px(1400))
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.gap

            Text {
                objectName: "attractSlideTitle"
                width: parent.width
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(84)
                font.bold: true
                lineHeight: 1.05
                color: Theme.textOnAccent
                text: view.slide.title || ""
            }
            Text {
                width: parent.width
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.titleSize
                lineHeight: 1.15
                color: Theme.textOnAccent
                text: view.slide.summary || ""
            }
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
                anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: Theme.gap }
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
                }
            }
        }

        ParallelAnimation {
            id: entrance
            NumberAnimation { target: slideText; property: "opacity"; from: 0; to: 1; duration: 900; easing.type: Easing.OutCubic }
            NumberAnimation { target: slideText; property: "anchors.verticalCenterOffset"; from: Theme.px(60); to: 0; duration: 900; easing.type: Easing.OutCubic }
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
