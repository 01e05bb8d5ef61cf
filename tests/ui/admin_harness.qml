import QtQuick
import FairMigrationKiosk

// A window of its own for the PIN pad and the admin panel, as Main.qml will hold them: the pad first,
// the panel once the right PIN is in. Counts what each emits, for the tests to read.
Window {
    id: window

    required property var admin
    // "pad", "panel" or "" (both closed, the kiosk would be back).
    property string showing: "pad"
    property int acceptedCount: 0
    property int padClosedCount: 0
    property int panelClosedCount: 0

    width: 1920
    height: 1080
    visible: true
    color: Theme.background

    Binding { target: Theme; property: "scale"; value: Math.max(0.8, Math.min(window.width, window.height) / 1080) }
    Binding { target: Theme; property: "reducedMotion"; value: true }

    // As in Main.qml: Backspace and Escape mean Back there. Typing on the pad must not trigger them.
    property int backShortcutCount: 0
    Shortcut {
        sequences: [StandardKey.Back, "Esc", "Backspace"]
        onActivated: window.backShortcutCount += 1
    }

    Loader {
        objectName: "pinPadLoader"
        anchors.fill: parent
        active: window.showing === "pad"
        sourceComponent: PinPad {
            objectName: "pinPad"
            admin: window.admin
            onAccepted: { window.acceptedCount += 1; window.showing = "panel" }
            onClosed: { window.padClosedCount += 1; window.showing = "" }
        }
    }
    Loader {
        objectName: "adminPanelLoader"
        anchors.fill: parent
        active: window.showing === "panel"
        sourceComponent: AdminPanel {
            objectName: "adminPanel"
            admin: window.admin
            onClosed: { window.panelClosedCount += 1; window.showing = "" }
        }
    }
}
