import QtQuick

Window {
    id: window

    required property var kiosk
    required property var player
    required property var documents
    property bool animate: true

    width: 1920
    height: 1080
    visible: true
    color: Theme.background
    title: kiosk.page.title

    Binding {
        target: Theme
        property: "scale"
        value: Math.max(0.8, Math.min(window.width, window.height) / 1080)
    }

    TopBar {
        id: topBar
        kiosk: window.kiosk
        anchors { left: parent.left; right: parent.right; top: parent.top }
        z: 1
    }

    Component { id: homePage; HomePage { kiosk: window.kiosk } }
    Component {
        id: contentPage
        ContentPage { kiosk: window.kiosk; player: window.player; documents: window.documents }
    }

    Loader {
        id: pageView
        objectName: "pageLoader"
        anchors { left: parent.left; right: parent.right; top: topBar.bottom; bottom: parent.bottom }
        sourceComponent: window.kiosk.page.kind === "home" ? homePage : contentPage
    }

    Connections {
        target: window.kiosk
        function onPageChanged() {
            if (pageView.item)
                pageView.item.contentY = 0
            if (window.animate)
                fadeIn.restart()
        }
    }

    // Opacity only: the new page takes touches from its first frame.
    NumberAnimation {
        id: fadeIn
        target: pageView
        property: "opacity"
        from: 0.2
        to: 1.0
        duration: Theme.fadeMs
        easing.type: Easing.OutCubic
    }

    Shortcut {
        sequences: [StandardKey.Back, "Esc", "Backspace"]
        onActivated: window.kiosk.back()
    }
    Shortcut {
        sequence: "Alt+Home"
        onActivated: window.kiosk.home()
    }
}
