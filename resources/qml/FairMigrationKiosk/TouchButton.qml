import QtQuick

// A large, plainly labelled button: works with a finger, a mouse, or Tab and Enter.
Rectangle {
    id: button

    property string label
    property string accessibleName: label
    property bool primary: false
    // A choice among several (a language, a text size): drawn filled when chosen.
    property bool checkable: false
    property bool checked: false
    property bool compact: false
    // "back" (Back, Previous) or "forward" (Next): a chevron before or after the label, pointing
    // the way the visitor reads.
    property string chevron: ""
    property int accessibleRole: checkable ? Accessible.RadioButton : Accessible.Button
    // An on/off button (captions, sound, the panel "Aa" opens): heard as a checkable button, checked
    // or not, under a name that stays the same; how it is drawn stays the caller's (label, checked).
    property bool toggle: false
    property bool switchedOn: false
    readonly property bool filled: primary || checked
    signal activated()

    implicitHeight: Theme.touchTarget
    implicitWidth: Math.max(Theme.touchTarget, face.implicitWidth + Theme.px(compact ? 28 : 48))
    radius: height / 2
    color: !enabled ? Theme.background
         : filled ? (tap.pressed ? Theme.text : Theme.accent)
         : tap.pressed ? Theme.accentSoft : Theme.surface
    border.width: activeFocus ? Theme.px(5) : Math.max(1, Theme.px(2))
    border.color: activeFocus ? Theme.focusRing : (enabled ? Theme.accent : Theme.disabled)

    activeFocusOnTab: enabled
    Accessible.role: accessibleRole
    Accessible.name: accessibleName
    // Hidden (the page's Play button while its film plays): off the tree, not a named object of no
    // size that a screen reader would still land on.
    Accessible.ignored: !visible
    Accessible.checkable: checkable || toggle
    // Checked only, not "pressed" too: Qt's AT-SPI bridge sends no event when "pressed" changes, so
    // a screen reader (libatspi caches states) would go on hearing "pressed" after a switch off.
    Accessible.checked: toggle ? switchedOn : checked
    Accessible.onPressAction: button.activated()
    Keys.onReturnPressed: button.activated()
    Keys.onEnterPressed: button.activated()
    Keys.onSpacePressed: button.activated()

    // A Row, so the chevron sits at the reading end of the label (Next) or its start (Back) in both
    // directions: the page's LayoutMirroring reverses the row. One chevron, placed after the label by
    // laying the row out from its other end: a button without one makes one hidden text, not two.
    Row {
        id: face
        anchors.centerIn: parent
        spacing: Theme.px(12)
        layoutDirection: button.chevron === "forward" ? Qt.RightToLeft : Qt.LeftToRight
        Chevron {
            objectName: button.objectName + ".chevron"
            visible: button.chevron !== ""
            forward: button.chevron === "forward"
            font: caption.font
            color: caption.color
        }
        Text {
            id: caption
            text: button.label
            font.family: Theme.fontFamily
            font.pixelSize: button.compact ? Theme.smallSize : Theme.bodySize
            font.bold: true
            color: !button.enabled ? Theme.disabled : (button.filled ? Theme.textOnAccent : Theme.accent)
        }
    }

    TapHandler {
        id: tap
        enabled: button.enabled
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: button.activated()
    }
}
