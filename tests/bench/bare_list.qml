import QtQuick

// The baseline for drawing search results: the typed text and a bare ListView of plain text rows,
// in a window of the kiosk's size. tests/bench/search.py sets both and times the next frame.
Window {
    id: window
    required property var rows
    width: 1920
    height: 1080
    visible: true
    color: "white"

    Text {
        id: typed
        x: 40; y: 40
        font.pixelSize: 40
        text: window.rows.typed
    }
    ListView {
        anchors { left: parent.left; right: parent.right; top: typed.bottom; bottom: parent.bottom; margins: 40 }
        spacing: 14
        model: window.rows.rows
        delegate: Text {
            required property var modelData
            width: ListView.view.width
            font.pixelSize: 28
            text: modelData
        }
    }
}
