import QtQuick

// A thin position bar: tells the visitor there is more below, without being a target itself.
Rectangle {
    required property Flickable flickable

    parent: flickable
    visible: flickable.visibleArea.heightRatio < 0.999
    anchors.right: parent.right
    anchors.rightMargin: Theme.px(6)
    y: flickable.visibleArea.yPosition * flickable.height
    width: Theme.px(6)
    height: flickable.visibleArea.heightRatio * flickable.height
    radius: width / 2
    color: Theme.mutedText
    opacity: 0.5
}
