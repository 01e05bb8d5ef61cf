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

    // Pages load by file name, when first needed: the home page starts without the video and
    // document machinery that only item pages use.
    Loader {
        id: pageView
        objectName: "pageLoader"
        anchors { left: parent.left; right: parent.right; top: topBar.bottom; bottom: parent.bottom }

        function showPage() {
            const home = window.kiosk.page.kind === "home"
            const file = home ? "HomePage.qml" : "ContentPage.qml"
            if (String(source).endsWith(file))
                return
            setSource(file, home ? { kiosk: window.kiosk }
                                 : { kiosk: window.kiosk, player: window.player, documents: window.documents })
        }
        Component.onCompleted: showPage()
    }

    Connections {
        target: window.kiosk
        function onPageChanged() {
            pageView.showPage()
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
