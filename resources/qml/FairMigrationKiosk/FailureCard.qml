import QtQuick

// In place of a video or document that cannot be shown: calm words, and a way to find it elsewhere.
Rectangle {
    id: card

    property string heading
    property string detail
    property string qrUrl
    property string displayUrl

    radius: Theme.radius
    color: Theme.surface
    border.width: Math.max(1, Theme.px(2))
    border.color: Theme.border

    // A status message (WCAG 4.1.3): a screen reader hears that the video or document cannot be shown.
    onVisibleChanged: if (card.visible && card.heading.length > 0) headingText.Accessible.announce(card.heading + ". " + card.detail)

    Row {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.margin

        Column {
            width: parent.width - (qr.visible ? qr.width + Theme.margin : 0)
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.px(12)
            Text {
                id: headingText
                width: parent.width
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.text
                text: card.heading
                Accessible.role: Accessible.StaticText
                Accessible.name: text
                Accessible.ignored: !visible || text.length === 0
            }
            Text {
                width: parent.width
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
                color: Theme.mutedText
                text: card.detail
                Accessible.role: Accessible.StaticText
                Accessible.name: text
                Accessible.ignored: !visible || text.length === 0
            }
            Text {
                width: parent.width
                visible: card.qrUrl.length > 0
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
                color: Theme.text
                text: qsTr("Scan the code with your phone to find it online.")
                Accessible.role: Accessible.StaticText
                Accessible.name: text
                Accessible.ignored: !visible || text.length === 0
            }
            Text {
                width: parent.width
                visible: card.qrUrl.length > 0
                wrapMode: Text.WrapAnywhere
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                color: Theme.accent
                text: card.displayUrl
                Accessible.role: Accessible.StaticText
                Accessible.name: text
                Accessible.ignored: !visible || text.length === 0
            }
        }
        QrCode {
            id: qr
            visible: card.qrUrl.length > 0
            anchors.verticalCenter: parent.verticalCenter
            url: card.qrUrl
            displayUrl: card.displayUrl
            size: Math.min(Theme.px(220), card.height - Theme.px(80))
        }
    }
}
