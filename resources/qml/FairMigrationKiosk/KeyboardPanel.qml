import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

// The on-screen keyboard, in the visitor's language. Loaded only on touch screens (see Main).
InputPanel {
    id: panel

    property string locale: "en_GB"
    property real availableWidth: 0

    objectName: "keyboard"
    // Full width would make keys huge and hide most of the page on a wide screen.
    width: Math.min(availableWidth, Theme.px(1500))
    visible: active
    // It never takes the focus: the field it types into keeps it. A screen reader hears it as a pane
    // while it is up; Escape puts it away (Main.qml), the field keeping the focus.
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("On-screen keyboard")
    Binding { target: VirtualKeyboardSettings; property: "locale"; value: panel.locale }
}
