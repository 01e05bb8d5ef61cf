import QtQuick

// Says plainly that a video or file is the project's placeholder, not the original.
Rectangle {
    implicitHeight: label.implicitHeight + Theme.px(6)
    implicitWidth: label.implicitWidth + Theme.px(20)
    radius: height / 2
    color: Theme.noticeSoft
    Text {
        id: label
        anchors.centerIn: parent
        font.family: Theme.fontFamily
        font.pixelSize: Theme.smallSize - Theme.px(2)
        color: Theme.notice
        text: qsTr("Stand-in media")
    }
    Accessible.role: Accessible.StaticText
    Accessible.name: label.text
    Accessible.ignored: !visible

}
