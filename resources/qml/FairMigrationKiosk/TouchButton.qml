import QtQuick

// A large, plainly labelled button: works with a finger, a mouse, or Tab and Enter.
Rectangle {
    id: button

    property string label
    property string accessibleName: label
    property bool primary: false
    signal activated()

    implicitHeight: Theme.touchTarget
    implicitWidth: Math.max(Theme.touchTarget, caption.implicitWidth + Theme.px(48))
    radius: height / 2
    color: !enabled ? Theme.background
         : primary ? (tap.pressed ? Theme.text : Theme.accent)
         : tap.pressed ? Theme.accentSoft : Theme.surface
    border.width: activeFocus ? Theme.px(4) : Math.max(1, Theme.px(2))
    border.color: activeFocus ? Theme.focusRing : (enabled ? Theme.accent : Theme.border)

    activeFocusOnTab: enabled
    Accessible.role: Accessible.Button
    Accessible.name: accessibleName
    Accessible.onPressAction: button.activated()
    Keys.onReturnPressed: button.activated()
    Keys.onEnterPressed: button.activated()
    Keys.onSpacePressed: button.activated()

    Text {
        id: caption
        anchors.centerIn: parent
        text: button.label
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: !button.enabled ? Theme.mutedText : (button.primary ? Theme.textOnAccent : Theme.accent)
    }

    TapHandler {
        id: tap
        enabled: button.enabled
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: button.activated()
    }
}
