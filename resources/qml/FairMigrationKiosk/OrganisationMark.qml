import QtQuick

// Who presents the content: their logo and name on a white plate, so a logo made for white paper
// reads the same on the page, on the attract loop's accent and in high contrast.
Rectangle {
    id: mark

    // {name, logoUrl} from the page data (kiosk.core.pages); empty strings when the agenda has none.
    required property var organisation
    property int logoHeight: Theme.px(48)
    property int textSize: Theme.smallSize
    readonly property string name: organisation ? (organisation.name || "") : ""
    readonly property string logoUrl: organisation ? (organisation.logoUrl || "") : ""

    objectName: "organisationMark"
    visible: name.length > 0 || logoUrl.length > 0
    implicitWidth: row.implicitWidth + 2 * padding
    implicitHeight: row.implicitHeight + 2 * padding
    width: Math.min(implicitWidth, maximumWidth)
    height: implicitHeight
    property real maximumWidth: implicitWidth
    readonly property int padding: Theme.px(12)
    radius: Theme.px(10)
    color: "#FFFFFF"
    // One thing for a screen reader: the organisation's name (the logo says the same).
    Accessible.role: Accessible.StaticText
    Accessible.name: name
    // No organisation named: nothing shown, nothing on the tree.
    Accessible.ignored: !visible

    Row {
        id: row
        x: mark.padding
        anchors.verticalCenter: parent.verticalCenter
        spacing: Theme.px(14)

        Image {
            id: logo
            objectName: "organisationLogo"
            visible: mark.logoUrl.length > 0 && status !== Image.Error
            anchors.verticalCenter: parent.verticalCenter
            height: mark.logoHeight
            // Wide logos keep their shape, up to four times their height.
            width: Math.min(mark.logoHeight * 4, implicitHeight > 0 ? height * implicitWidth / implicitHeight : height)
            // Drawn at twice the shown height: an SVG stays crisp, a large PNG is not kept whole.
            sourceSize.height: mark.logoHeight * 2
            fillMode: Image.PreserveAspectFit
            smooth: true
            asynchronous: false
            source: mark.logoUrl
            Accessible.ignored: true
        }
        Text {
            objectName: "organisationName"
            visible: text.length > 0
            anchors.verticalCenter: parent.verticalCenter
            width: Math.min(implicitWidth, mark.maximumWidth - 2 * mark.padding - (logo.visible ? logo.width + row.spacing : 0))
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: mark.textSize
            font.bold: true
            // The plate is always white: the standard text colour, whichever palette is on.
            color: Theme.standardPalette.text
            text: mark.name
            Accessible.ignored: true
        }
    }
}
