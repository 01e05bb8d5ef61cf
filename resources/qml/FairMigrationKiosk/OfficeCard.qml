import QtQuick

// "This office" / "This venue": where the kiosk stands, from the machine's kiosk.yaml. Addresses are
// QR codes with the address written beside them, as everywhere on the kiosk. Shown on the home page
// and as a slide of the attract loop (`large`).
Rectangle {
    id: card

    property var office: null
    property bool large: false
    readonly property real textScale: large ? 1.3 : 1.0
    readonly property int qrSize: large ? Theme.px(190) : Theme.px(120)
    readonly property var codes: {
        if (!office)
            return []
        const found = []
        if (office.webUrl)
            found.push({ name: "web", url: office.webUrl, shown: office.web })
        if (office.emailUrl)
            found.push({ name: "email", url: office.emailUrl, shown: office.email })
        if (office.phoneUrl)
            found.push({ name: "phone", url: office.phoneUrl, shown: office.phone })
        return found
    }

    objectName: "officeCard"
    visible: !!office
    implicitHeight: column.implicitHeight + 2 * Theme.gap
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border
    border.width: Math.max(1, Theme.px(2))
    Accessible.role: Accessible.Grouping
    Accessible.name: heading.text + ": " + (office ? office.name : "")
    // No office: the card is hidden, and so off the tree with its heading.
    Accessible.ignored: !visible

    Column {
        id: column
        x: Theme.gap
        y: Theme.gap
        width: card.width - 2 * Theme.gap
        spacing: Theme.px(10)

        Text {
            id: heading
            objectName: "officeHeading"
            width: parent.width
            horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize * card.textScale
            font.bold: true
            font.capitalization: Font.AllUppercase
            color: Theme.accent
            text: card.office && card.office.kind === "venue" ? qsTr("This venue") : qsTr("This office")
            Accessible.role: Accessible.Heading
            Accessible.name: text
            Accessible.ignored: !visible
        }
        Text {
            objectName: "officeName"
            width: parent.width
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
            font.family: Theme.fontFamily
            font.pixelSize: Theme.headingSize * card.textScale
            font.bold: true
            color: Theme.text
            text: card.office ? Theme.readingOrder(card.office.name, LayoutMirroring.enabled) : ""
            Accessible.role: Accessible.StaticText
            Accessible.name: card.office ? card.office.name : ""
            Accessible.ignored: !visible
        }
        Text {
            objectName: "officeAddress"
            width: parent.width
            visible: text.length > 0
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
            textFormat: Text.PlainText
            font.family: Theme.fontFamily
            font.pixelSize: (card.large ? Theme.bodySize * card.textScale : Theme.smallSize)
            color: Theme.text
            text: card.office ? card.office.address : ""
            Accessible.role: Accessible.StaticText
            // One line a screen reader reads with pauses, rather than lines run together.
            Accessible.name: text.split("\n").join(", ")
            Accessible.ignored: !visible
        }
        Text {
            objectName: "officeHoursLabel"
            width: parent.width
            visible: officeHours.text.length > 0
            topPadding: Theme.px(6)
            horizontalAlignment: Text.AlignLeft
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize * card.textScale
            font.bold: true
            color: Theme.mutedText
            text: qsTr("Opening hours")
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            Accessible.ignored: !visible
        }
        Text {
            id: officeHours
            objectName: "officeHours"
            width: parent.width
            visible: text.length > 0
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
            textFormat: Text.PlainText
            font.family: Theme.fontFamily
            font.pixelSize: (card.large ? Theme.bodySize * card.textScale : Theme.smallSize)
            color: Theme.text
            text: card.office ? card.office.hours : ""
            Accessible.role: Accessible.StaticText
            Accessible.name: text.split("\n").join(", ")
            Accessible.ignored: !visible
        }
        Flow {
            objectName: "officeCodes"
            width: parent.width
            visible: card.codes.length > 0
            topPadding: Theme.px(8)
            spacing: Theme.px(20)
            Repeater {
                model: card.codes
                delegate: Column {
                    required property var modelData
                    objectName: "officeCode:" + modelData.name
                    // An address stays on one line: the Flow moves a code that does not fit to the next row.
                    width: Math.max(card.qrSize, Math.min(shown.implicitWidth, column.width))
                    spacing: Theme.px(6)
                    QrCode {
                        anchors.horizontalCenter: parent.horizontalCenter
                        url: modelData.url
                        displayUrl: modelData.shown
                        size: card.qrSize
                        // Said as what the code does: "QR code: link to <office>, <address>", "QR
                        // code: call <number>", "QR code: write to <address>".
                        title: modelData.name === "web" && card.office ? card.office.name : ""
                        spokenName: modelData.name === "phone" ? qsTr("QR code: call %1").arg(modelData.shown)
                                  : modelData.name === "email" ? qsTr("QR code: write to %1").arg(modelData.shown)
                                  : ""
                    }
                    Text {
                        id: shown
                        objectName: "officeCodeText:" + modelData.name
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WrapAnywhere
                        textFormat: Text.PlainText
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.smallSize * card.textScale
                        color: Theme.text
                        // An address or a number reads left to right in every language.
                        text: "\u2066" + modelData.shown + "\u2069"
                        Accessible.role: Accessible.StaticText
                        Accessible.name: modelData.shown
                    }
                }
            }
        }
    }
}
