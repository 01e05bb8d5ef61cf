import QtQuick

// "This office" / "This venue": where the kiosk stands, from the machine's kiosk.yaml. Addresses are
// QR codes with the address written beside them, as everywhere on the kiosk. Shown on the home page
// and as a slide of the attract loop (`large`). On the home page (`compact`) the codes stand beside the
// words, each with its address beside it, so that the card is short enough to show at the top of the
// page without scrolling, above the topics.
Rectangle {
    id: card

    property var office: null
    property bool large: false
    property bool compact: false
    // Where both have room: the words at the reading start, the codes at the other side.
    readonly property bool codesBeside: compact && !large && codes.length > 0 && width >= Theme.px(600)
    readonly property real textScale: large ? 1.3 : 1.0
    // Still a code a phone reads from arm's length: about 2.5 cm on a 24-inch full HD screen.
    readonly property int qrSize: large ? Theme.px(190) : codesBeside ? Theme.px(96) : Theme.px(120)
    // Beside its code, an address of about 20 characters stays on one line; a longer one wraps.
    readonly property int codeTextWidth: Theme.px(220)
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
    implicitHeight: body.implicitHeight + 2 * Theme.gap
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border
    border.width: Math.max(1, Theme.px(2))
    Accessible.role: Accessible.Grouping
    Accessible.name: heading.text + ": " + (office ? office.name : "")
    // No office: the card is hidden, and so off the tree with its heading.
    Accessible.ignored: !visible

    Grid {
        id: body
        x: Theme.gap
        y: Theme.gap
        width: card.width - 2 * Theme.gap
        columns: card.codesBeside ? 2 : 1
        columnSpacing: Theme.gap
        rowSpacing: Theme.px(10)

        Column {
            id: column
            width: card.codesBeside ? body.width - codesFlow.width - body.columnSpacing : body.width
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
        }
        Flow {
            id: codesFlow
            objectName: "officeCodes"
            width: card.codesBeside ? card.qrSize + Theme.px(12) + card.codeTextWidth : body.width
            visible: card.codes.length > 0
            topPadding: card.codesBeside ? 0 : Theme.px(8)
            spacing: card.codesBeside ? Theme.px(10) : Theme.px(20)
            Repeater {
                model: card.codes
                delegate: Grid {
                    required property var modelData
                    objectName: "officeCode:" + modelData.name
                    // Beside: one code a row, its address at its side. Else a code over its address,
                    // which stays on one line: the Flow moves a code that does not fit to the next row.
                    readonly property real textWidth: card.codesBeside ? card.codeTextWidth
                        : Math.max(card.qrSize, Math.min(shown.implicitWidth, body.width))
                    columns: card.codesBeside ? 2 : 1
                    columnSpacing: Theme.px(12)
                    rowSpacing: Theme.px(6)
                    horizontalItemAlignment: card.codesBeside ? Grid.AlignLeft : Grid.AlignHCenter
                    verticalItemAlignment: Grid.AlignVCenter
                    QrCode {
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
                        width: parent.textWidth
                        horizontalAlignment: card.codesBeside ? Text.AlignLeft : Text.AlignHCenter
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
