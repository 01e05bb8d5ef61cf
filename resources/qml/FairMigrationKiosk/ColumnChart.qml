import QtQuick

// Upright bars, one per day or hour, each with its count written above it and its label below:
// the numbers carry the meaning, the bars only make the shape visible at a glance.
Item {
    id: chart

    // [{label, sublabel, longLabel, fraction, shortText, valueText}] from the view model.
    required property var entries
    required property string name
    property int barAreaHeight: Theme.px(200)
    readonly property real columnWidth: entries.length > 0 ? width / entries.length : width
    // Weekday names only where they fit under their bar.
    readonly property bool roomForSublabels: columnWidth >= Theme.px(52)
    readonly property int valueSize: Math.min(Theme.smallSize, Math.max(Theme.px(15), Math.floor(columnWidth * 0.5)))

    implicitHeight: valueSize * 1.5 + barAreaHeight + axis.height + labels.height

    Rectangle {
        id: axis
        y: chart.valueSize * 1.5 + chart.barAreaHeight
        width: chart.width
        height: Math.max(1, Theme.px(2))
        color: Theme.mutedText
    }

    Row {
        anchors.fill: parent
        Repeater {
            model: chart.entries
            delegate: Item {
                id: column
                required property var modelData
                required property int index
                objectName: "bar:" + chart.name + ":" + index
                width: chart.columnWidth
                height: chart.height
                Accessible.role: Accessible.StaticText
                Accessible.name: modelData.longLabel + ": " + modelData.valueText

                Rectangle {
                    id: bar
                    anchors.horizontalCenter: parent.horizontalCenter
                    y: axis.y - height
                    width: Math.max(Theme.px(4), Math.min(Theme.px(56), column.width * 0.66))
                    // A day with visits always shows a sliver, however busy the busiest day was.
                    height: column.modelData.fraction > 0 ? Math.max(Theme.px(3), column.modelData.fraction * chart.barAreaHeight) : 0
                    radius: Math.min(Theme.px(4), width / 4)
                    color: Theme.accent
                }
                Text {
                    objectName: "barValue:" + chart.name + ":" + column.index
                    anchors { horizontalCenter: parent.horizontalCenter; bottom: bar.top; bottomMargin: Theme.px(4) }
                    text: column.modelData.shortText
                    font.family: Theme.fontFamily
                    font.pixelSize: chart.valueSize
                    font.bold: column.modelData.value > 0
                    // Quiet zeros: the hours the kiosk stands unused do not shout over the busy ones.
                    color: column.modelData.value > 0 ? Theme.text : Theme.mutedText
                }
                Column {
                    y: axis.y + axis.height + Theme.px(6)
                    width: parent.width
                    Text {
                        objectName: "barLabel:" + chart.name + ":" + column.index
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        text: column.modelData.label
                        font.family: Theme.fontFamily
                        font.pixelSize: chart.valueSize
                        color: Theme.text
                    }
                    Text {
                        visible: chart.roomForSublabels && column.modelData.sublabel !== ""
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        elide: Text.ElideRight
                        text: column.modelData.sublabel
                        font.family: Theme.fontFamily
                        font.pixelSize: chart.valueSize
                        color: Theme.mutedText
                    }
                }
            }
        }
    }

    // The height the labels under the bars take, one or two lines.
    Item {
        id: labels
        height: Theme.px(6) + chart.valueSize * 1.4 * (chart.roomForSublabels && chart.entries.length > 0 && chart.entries[0].sublabel !== "" ? 2 : 1)
    }
}
