import QtQuick

// Where the material comes from, and its public address for visitors who want to read on.
Rectangle {
    id: panel

    required property var page
    // The page's title, for the QR code's name ("QR code: link to <title>, <address>").
    property string title: ""

    implicitHeight: column.implicitHeight + 2 * Theme.px(24)
    radius: Theme.radius
    color: Theme.surface
    border.width: Math.max(1, Theme.px(2))
    border.color: Theme.border

    Column {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(24) }
        spacing: Theme.px(8)

        Text {
            objectName: "sourceHeading"
            width: parent.width
            horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.bold: true
            font.capitalization: Font.AllUppercase
            color: Theme.mutedText
            text: qsTr("Source")
            Accessible.role: Accessible.Heading
            Accessible.name: text
            Accessible.ignored: !visible
        }
        Text {
            objectName: "sourceName"
            width: parent.width
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            color: Theme.text
            text: panel.page.sourceName || ""
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            Accessible.ignored: !visible || text.length === 0
        }
        Text {
            width: parent.width
            visible: text.length > 0
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            color: Theme.mutedText
            text: panel.page.sourceNote || ""
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            Accessible.ignored: !visible
        }
        Row {
            visible: (panel.page.qrUrl || "").length > 0
            width: parent.width
            topPadding: Theme.px(12)
            spacing: Theme.px(20)
            QrCode {
                id: code
                url: panel.page.qrUrl || ""
                displayUrl: panel.page.displayUrl || ""
                title: panel.title
                size: Theme.px(200)
            }
            Column {
                width: parent.width - code.width - parent.spacing
                anchors.verticalCenter: parent.verticalCenter
                spacing: Theme.px(8)
                Text {
                    objectName: "scanText"
                    width: parent.width
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodySize - Theme.px(2)
                    color: Theme.text
                    text: qsTr("Scan with your phone to open this page on the web:")
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                    Accessible.ignored: !visible
                }
                Text {
                    objectName: "publicAddress"
                    width: parent.width
                    wrapMode: Text.WrapAnywhere
                    // The address reads left to right, as addresses do, but sits where the page reads from.
                    horizontalAlignment: Text.AlignLeft
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.smallSize
                    color: Theme.accent
                    text: panel.page.displayUrl || ""
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                    Accessible.ignored: !visible || text.length === 0
                }
            }
        }
    }
}
