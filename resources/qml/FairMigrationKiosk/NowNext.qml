import QtQuick

// What is on now and what comes next at the conference, as the kiosk's clock moves. Shown only within
// the programme's days (the view model decides); on the home page and as a slide of the attract loop.
Column {
    id: panel

    property var programme: null
    property var kiosk: null
    property bool onAccent: false
    // Now and Next in two columns (a landscape home page), else one under the other.
    property bool sideBySide: false
    readonly property var nowNext: programme ? programme.nowNext : ({ visible: false, now: [], next: [] })

    objectName: "nowNext"

    // Back from a session opened here: its row, for the home page to give the focus to.
    function rowFor(route) {
        const wanted = "session:" + route
        const search = item => {
            if (item.objectName === wanted)
                return item
            for (let index = 0; index < item.children.length; ++index) {
                const found = search(item.children[index])
                if (found)
                    return found
            }
            return null
        }
        return panel.visible ? search(panel) : null
    }
    visible: !!nowNext.visible
    spacing: Theme.px(12)

    Grid {
        width: panel.width
        columns: panel.sideBySide ? 2 : 1
        columnSpacing: Theme.gap
        rowSpacing: Theme.px(12)
    Repeater {
        model: [
            { key: "now", heading: qsTr("On now"), sessions: panel.nowNext.now || [] },
            { key: "next", heading: qsTr("Next"), sessions: panel.nowNext.next || [] }
        ]
        delegate: Column {
            required property var modelData
            objectName: "nowNext:" + modelData.key
            width: panel.sideBySide ? (panel.width - Theme.gap) / 2 : panel.width
            spacing: Theme.px(10)
            visible: modelData.sessions.length > 0
            Text {
                // Named for read aloud, which marks the heading it reads.
                objectName: "nowNextHeading:" + modelData.key
                width: parent.width
                topPadding: Theme.px(8)
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                font.bold: true
                font.capitalization: Font.AllUppercase
                font.letterSpacing: Theme.px(1)
                color: panel.onAccent ? Theme.textOnAccent : Theme.accent
                text: modelData.heading
                Accessible.role: Accessible.Heading
                Accessible.name: text
                Accessible.ignored: !visible
            }
            Repeater {
                model: modelData.sessions
                delegate: SessionRow {
                    required property var modelData
                    entry: modelData
                    width: parent.width
                    onAccent: panel.onAccent
                    onActivated: route => { if (panel.kiosk) panel.kiosk.open(route) }
                }
            }
        }
    }
    }
    Text {
        // Between the day's last session and the end of the day: say so rather than show nothing.
        objectName: "nowNextNothing"
        visible: (panel.nowNext.now || []).length === 0 && (panel.nowNext.next || []).length === 0
        width: parent.width
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodySize
        color: panel.onAccent ? Theme.textOnAccent : Theme.mutedText
        text: qsTr("No more sessions today.")
        Accessible.role: Accessible.StaticText
        Accessible.name: text
        Accessible.ignored: !visible
    }
}
