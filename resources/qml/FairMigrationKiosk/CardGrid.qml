import QtQuick
import QtQuick.Layouts

// Cards in as many equal columns as fit; every card in a row is as tall as the tallest.
GridLayout {
    id: grid

    required property var kiosk
    property var cards: []
    property int minCardWidth: Theme.cardMinWidth
    property int maxColumns: 4

    columns: Math.max(1, Math.min(maxColumns, Math.floor((width + columnSpacing) / (minCardWidth + columnSpacing))))
    columnSpacing: Theme.gap
    rowSpacing: Theme.gap
    visible: cards.length > 0

    Repeater {
        model: grid.cards
        delegate: Card {
            required property var modelData
            entry: modelData
            Layout.fillWidth: true
            Layout.fillHeight: true
            // Equal preferred widths make fillWidth share the row evenly.
            Layout.preferredWidth: 1
            Layout.minimumHeight: implicitHeight
            onActivated: route => grid.kiosk.open(route)
            // Back to this page: the card the visitor opened has the keyboard focus again.
            Component.onCompleted: if (entry.route === grid.kiosk.place.focus) forceActiveFocus()
        }
    }
}
