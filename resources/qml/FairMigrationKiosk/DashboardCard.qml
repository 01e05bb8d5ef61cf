import QtQuick

// One figure of the visitor dashboard: a card with its heading, a line saying what it counts, and the chart.
Rectangle {
    id: card

    property string heading
    property string caption
    // Said in place of the chart when it has nothing to show.
    property string emptyText
    property bool empty: false
    default property alias chart: holder.data
    readonly property int padding: Theme.px(28)

    implicitHeight: column.implicitHeight + 2 * padding
    radius: Theme.radius
    color: Theme.surface
    border.width: Math.max(1, Theme.px(2))
    border.color: Theme.border

    Column {
        id: column
        x: card.padding
        y: card.padding
        width: card.width - 2 * card.padding
        spacing: Theme.px(16)

        Text {
            width: parent.width
            wrapMode: Text.Wrap
            text: card.heading
            font.family: Theme.fontFamily
            font.pixelSize: Theme.headingSize
            font.bold: true
            color: Theme.text
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Text {
            visible: card.caption !== ""
            width: parent.width
            wrapMode: Text.Wrap
            text: card.caption
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            color: Theme.mutedText
        }
        Text {
            visible: card.empty
            width: parent.width
            wrapMode: Text.Wrap
            text: card.emptyText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            color: Theme.mutedText
        }
        Item {
            id: holder
            visible: !card.empty
            width: parent.width
            // The chart says how tall it is; childrenRect would feed back into its own width.
            height: visible && children.length > 0 ? children[0].implicitHeight : 0
        }
    }
}
