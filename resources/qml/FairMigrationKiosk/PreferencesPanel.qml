import QtQuick

// Reading preferences, opened from "Aa" on every page: text size, high contrast, reduced motion.
Rectangle {
    id: panel

    required property var preferences
    signal closeRequested()

    width: content.implicitWidth + 2 * Theme.gap
    height: content.implicitHeight + 2 * Theme.gap
    radius: Theme.radius
    color: Theme.surface
    border.width: Math.max(1, Theme.px(3))
    border.color: Theme.accent
    Accessible.role: Accessible.Dialog
    Accessible.name: qsTr("Text size, contrast and motion")

    // Touches inside the panel must not reach the page under it: a MouseArea takes the press
    // (a bare TapHandler would only watch it passively).
    MouseArea { anchors.fill: parent }

    // Opened from the keys, the focus lands on the text size in use; Tab stays in the panel until it
    // closes (Close, Escape, "Aa"), then goes back to "Aa".
    DialogFocus {
        panel: panel
        first: sizes.count > 0 ? sizes.itemAt(panel.preferences.textSize) : null
    }

    Column {
        id: content
        x: Theme.gap
        y: Theme.gap
        spacing: Theme.gap

        // Children anchored to the column's left: a Column places them at its left in either
        // direction, and anchors are mirrored with the page.
        Text {
            anchors.left: parent.left
            text: qsTr("Text size")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            font.bold: true
            color: Theme.text
        }
        Row {
            objectName: "textSizes"
            anchors.left: parent.left
            spacing: Theme.px(12)
            Accessible.role: Accessible.Grouping
            Accessible.name: qsTr("Text size")
            Repeater {
                id: sizes
                model: [qsTr("Standard text"), qsTr("Larger text"), qsTr("Largest text")]
                delegate: TouchButton {
                    required property int index
                    required property string modelData
                    objectName: "textSize:" + index
                    // The letter itself grows: the choice is visible before it is made.
                    label: "A" + "+".repeat(index)
                    accessibleName: modelData
                    checkable: true
                    checked: panel.preferences.textSize === index
                    onActivated: panel.preferences.setTextSize(index)
                }
            }
        }
        TouchButton {
            objectName: "highContrastSwitch"
            anchors.left: parent.left
            label: (checked ? "\u2713  " : "") + qsTr("High contrast")
            // The tick is for the eye; a screen reader says "checked" instead.
            accessibleName: qsTr("High contrast")
            checkable: true
            accessibleRole: Accessible.CheckBox
            checked: panel.preferences.highContrast
            onActivated: panel.preferences.setHighContrast(!checked)
        }
        TouchButton {
            objectName: "reducedMotionSwitch"
            anchors.left: parent.left
            label: (checked ? "\u2713  " : "") + qsTr("Reduce motion")
            accessibleName: qsTr("Reduce motion")
            checkable: true
            accessibleRole: Accessible.CheckBox
            checked: panel.preferences.reducedMotion
            onActivated: panel.preferences.setReducedMotion(!checked)
        }
        Row {
            anchors.left: parent.left
            spacing: Theme.px(12)
            TouchButton {
                objectName: "preferencesReset"
                label: qsTr("Reset")
                accessibleName: qsTr("Back to standard settings")
                enabled: !panel.preferences.isDefault
                onActivated: panel.preferences.reset()
            }
            TouchButton {
                objectName: "preferencesClose"
                label: qsTr("Close")
                primary: true
                onActivated: panel.closeRequested()
            }
        }
    }
}
