import QtQuick

// Lying bars, one per row, each with its value written out after it. Short labels (a language, a
// search) sit beside their bar; long ones (a page's title) sit above it, so they can be read whole.
Column {
    id: list

    // [{key, label, fraction, valueText, detail}] from the view model.
    required property var entries
    required property string name
    property bool stacked: false
    // Bars that are a share of a whole (a video watched) show the whole as a faint track.
    property bool showTrack: false
    // Room kept after the longest bar for its value (and, stacked, its detail).
    readonly property int valueWidth: stacked ? Theme.px(400) : Theme.px(240)
    readonly property real labelWidth: stacked ? width : Math.round(width * 0.4)
    readonly property real barX: stacked ? 0 : labelWidth + Theme.gap
    readonly property real barSpace: Math.max(Theme.px(40), width - barX - valueWidth)

    spacing: Theme.px(stacked ? 22 : 18)

    Repeater {
        model: list.entries
        delegate: Item {
            id: row
            required property var modelData
            required property int index
            objectName: "row:" + list.name + ":" + index
            width: list.width
            height: list.stacked ? label.implicitHeight + Theme.px(8) + bar.height
                                 : Math.max(labelColumn.implicitHeight, bar.height)
            Accessible.role: Accessible.StaticText
            Accessible.name: modelData.label + ": " + modelData.valueText + (modelData.detail ? ", " + modelData.detail : "")

            Column {
                id: labelColumn
                width: list.labelWidth
                Text {
                    id: label
                    objectName: "rowLabel:" + list.name + ":" + row.index
                    width: parent.width
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    text: row.modelData.label
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.smallSize
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    visible: !list.stacked && text !== ""
                    width: parent.width
                    elide: Text.ElideRight
                    text: row.modelData.detail || ""
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.smallSize
                    color: Theme.mutedText
                }
            }
            Rectangle {
                id: track
                visible: list.showTrack
                x: bar.x
                y: bar.y
                width: list.barSpace
                height: bar.height
                radius: bar.radius
                color: Theme.accentSoft
            }
            Rectangle {
                id: bar
                x: list.barX
                y: list.stacked ? label.implicitHeight + Theme.px(8) : 0
                width: Math.max(Theme.px(4), row.modelData.fraction * list.barSpace)
                height: Theme.px(30)
                radius: Theme.px(4)
                color: Theme.accent
            }
            Row {
                anchors { left: list.showTrack ? track.right : bar.right; leftMargin: Theme.px(12); verticalCenter: bar.verticalCenter }
                width: list.width - x
                spacing: Theme.px(12)
                Text {
                    id: value
                    objectName: "rowValue:" + list.name + ":" + row.index
                    text: row.modelData.valueText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.smallSize
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    objectName: "rowDetail:" + list.name + ":" + row.index
                    visible: list.stacked && text !== ""
                    width: Math.max(0, parent.width - value.width - parent.spacing)
                    elide: Text.ElideRight
                    text: "\u00b7 " + (row.modelData.detail || "")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.smallSize
                    color: Theme.mutedText
                }
            }
        }
    }
}
