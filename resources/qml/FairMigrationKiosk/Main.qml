import QtQuick

Window {
    id: window

    required property var kiosk
    required property var player
    required property var documents
    required property var search
    required property var preferences
    required property var session
    required property var admin
    // The admin panel's visitor dashboard (kiosk.ui.dashboard).
    property var dashboard: null
    // The admin panel's content packs, expired items and export (kiosk.ui.updates).
    property var updates: null
    // The conference programme's now and next, and its day switch (kiosk.ui.programme).
    property var programme: null
    // Read aloud (kiosk.ui.speech): Listen in the top bar, the passage read marked on the page.
    property var readAloud: null
    property bool adminPadOpen: false
    // The page's data read from Python once a page change, not once a binding (each read converts the
    // whole page: 60 us).
    readonly property var page: kiosk.page
    readonly property bool attracting: page.kind === "attract"
    property bool touchKeyboard: false
    property bool animate: true
    // Kiosk mode (kiosk.ui.app.present_locked): no frame, above other windows.
    property bool locked: false
    onLockedChanged: if (locked) flags = flags | Qt.FramelessWindowHint | Qt.WindowStaysOnTopHint

    width: 1920
    height: 1080
    visible: true
    color: Theme.background
    title: page.title || qsTr("Search")

    Binding { target: Theme; property: "scale"; value: Math.max(0.8, Math.min(window.width, window.height) / 1080) }
    Binding { target: Theme; property: "textScale"; value: window.preferences.textScale }
    Binding { target: Theme; property: "highContrast"; value: window.preferences.highContrast }
    Binding { target: Theme; property: "reducedMotion"; value: window.preferences.reducedMotion || !window.animate }
    Binding { target: Theme; property: "contentAccent"; value: window.page.organisation ? window.page.organisation.accent : "" }
    Binding { target: Theme; property: "contentAccentSoft"; value: window.page.organisation ? window.page.organisation.accentSoft : "" }

    // Everything lives in one item so that a right-to-left language mirrors the whole layout.
    Item {
        id: root
        objectName: "root"
        anchors.fill: parent
        LayoutMirroring.enabled: !!window.page.rightToLeft
        LayoutMirroring.childrenInherit: true

        TopBar {
            id: topBar
            kiosk: window.kiosk
            // The attract loop has the whole screen: a touch anywhere starts a visit.
            visible: !window.attracting
            height: visible ? implicitHeight : 0
            preferencesOpen: preferencesPanel.open
            readAloud: window.readAloud
            anchors { left: parent.left; right: parent.right; top: parent.top }
            z: 2
            onPreferencesRequested: preferencesPanel.open = !preferencesPanel.open
        }

        // Pages are made by file name, when first needed: the home page starts without the video and
        // document machinery that only item pages use. The pages a visit goes back to are kept ready.
        PageKeeper {
            id: pageView
            objectName: "pageLoader"
            anchors { left: parent.left; right: parent.right; top: topBar.bottom; bottom: parent.bottom }
            focus: true
            kiosk: window.kiosk
            servicesFor: function(kind) {
                const properties = { kiosk: window.kiosk }
                if (kind === "search")
                    properties.search = window.search
                else if (kind === "attract")
                    Object.assign(properties, { player: window.player, session: window.session })
                else if (kind !== "home")
                    Object.assign(properties, { player: window.player, documents: window.documents })
                if (kind === "home" || kind === "attract" || kind === "programme")
                    properties.programme = window.programme
                return properties
            }
            Component.onCompleted: showPage()

            // Back shows a page where the visitor left it; a page's layout reaches its full height
            // only after it is laid out, so the wanted place waits for that (or for a finger).
            property real wantedContentY: -1
            function scrollTo(contentY) {
                wantedContentY = contentY
                placePage()
            }
            function placePage() {
                const page = item
                if (wantedContentY < 0 || !page || page.contentY === undefined)
                    return
                const room = Math.max(0, page.contentHeight - page.height)
                page.contentY = Math.min(wantedContentY, room)
                if (room >= wantedContentY)
                    wantedContentY = -1
            }
        }
        Connections {
            target: pageView.item
            ignoreUnknownSignals: true
            function onContentHeightChanged() { pageView.placePage() }
            function onMovementStarted() { pageView.wantedContentY = -1 }
        }

        Rectangle {
            // The fade of a new page: the window's own colour laid over the page, then lifted. The
            // same picture as the page itself fading in over that colour, but Qt's software renderer
            // draws a page of text translucent several times slower than opaque (8-12 ms more for
            // each frame of the fade, the new page's first frame too); one plain rectangle costs little.
            id: pageFade
            objectName: "pageFade"
            anchors.fill: pageView
            color: window.color
            opacity: 0
            visible: opacity > 0
        }

        ReadAloudHighlight { readAloud: window.readAloud; page: pageView.item }

        Loader {
            // Built the first time a visitor opens it: start-up does not pay for it.
            id: preferencesPanel
            property bool open: false
            active: open
            visible: open
            anchors { top: topBar.bottom; right: parent.right; rightMargin: Theme.margin }
            z: 3
            objectName: "preferencesLoader"
            // By file name, not as an inline component: start-up does not even compile it.
            Component.onCompleted: setSource("PreferencesPanel.qml", { objectName: "preferencesPanel", preferences: window.preferences })
        }
        Connections {
            target: preferencesPanel.item
            function onCloseRequested() { preferencesPanel.open = false }
        }

        Loader {
            // The on-screen keyboard, only on touch screens: a laptop types on its own keyboard.
            // Sized by the keyboard itself (no anchors left and right), which caps its width.
            objectName: "keyboardLoader"
            active: window.touchKeyboard
            anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter }
            z: 4
            source: "KeyboardPanel.qml"
            onLoaded: {
                item.locale = Qt.binding(() => window.page.keyboardLocale || "en_GB")
                item.availableWidth = Qt.binding(() => root.width)
            }
        }
    }

    Binding { target: window.session; property: "staffPresent"; value: window.adminPadOpen || window.admin.panelOpen }

    Item {
        // The hidden way in for staff: hold the top-left corner for three seconds. Small enough to
        // stay clear of the Home button, and invisible: visitors have no reason to find it.
        objectName: "adminCorner"
        anchors { left: parent.left; top: parent.top }
        width: Math.max(32, Theme.margin - Theme.px(8))
        height: width
        z: 20
        TapHandler {
            longPressThreshold: 3
            onLongPressed: {
                window.admin.startPinEntry()
                window.adminPadOpen = true
            }
        }
    }

    // The staff's and the idle prompt's Loaders name their file rather than hold an inline component:
    // start-up then compiles none of them (the admin panel brings the dashboard and content views).
    Loader {
        id: pinPadLoader
        objectName: "pinPadLoader"
        anchors.fill: parent
        z: 30
        active: window.adminPadOpen
        Component.onCompleted: setSource("PinPad.qml", { admin: window.admin })
    }
    Connections {
        target: pinPadLoader.item
        function onAccepted() { window.adminPadOpen = false }
        function onClosed() { window.adminPadOpen = false }
    }

    Loader {
        objectName: "adminPanelLoader"
        anchors.fill: parent
        z: 31
        // The dashboard and content updates are made when the panel first opens (kiosk.ui.adminviews):
        // the panel waits for them, and is given them as they are then.
        active: window.admin.panelOpen && !!window.dashboard && !!window.updates
        onActiveChanged: {
            if (active)
                setSource("AdminPanel.qml", { admin: window.admin, dashboard: window.dashboard, updates: window.updates })
            else
                source = ""
        }
    }

    Loader {
        // Made only when it is needed: most visits never see it.
        objectName: "stillThereLoader"
        anchors.fill: parent
        z: 10
        active: window.session.phase === "prompt"
        Component.onCompleted: setSource("StillTherePrompt.qml", { objectName: "stillTherePrompt", session: window.session })
    }

    Connections {
        target: window.kiosk
        function onLeaving() {
            const page = pageView.item
            window.kiosk.rememberScroll(page && page.contentY !== undefined ? page.contentY : 0)
        }
        function onNavigated() {
            pageView.showPage()
            preferencesPanel.open = false
            pageView.scrollTo(window.kiosk.place.contentY)
            if (Theme.fadeMs > 0)
                fadeIn.restart()
            pageFocus.pageShown()
        }
        function onLanguageChanged() { pageFocus.languageShown() }
        function onPageChanged() {
            // Another language: same page, same place; only a shorter text may need the view pulled back.
            if (pageView.item && pageView.item.returnToBounds)
                pageView.item.returnToBounds()
        }
    }

    PageFocus {
        id: pageFocus
        kiosk: window.kiosk
        pageView: pageView
        topBar: topBar
        Component.onCompleted: pageShown()
    }

    // Opacity only: the new page takes touches from its first frame (the cover takes none). From
    // the page at a fifth of its strength to all of it.
    NumberAnimation {
        id: fadeIn
        target: pageFade
        property: "opacity"
        from: 0.8
        to: 0.0
        duration: Theme.fadeMs
        easing.type: Easing.OutCubic
    }

    Shortcut {
        sequences: [StandardKey.Back, "Esc", "Backspace"]
        onActivated: {
            if (preferencesPanel.open)
                preferencesPanel.open = false
            else if (Qt.inputMethod.visible)
                Qt.inputMethod.hide()
            else
                window.kiosk.back()
        }
    }
    Shortcut {
        sequence: "Alt+Home"
        onActivated: window.kiosk.home()
    }
    Shortcut {
        sequences: [StandardKey.Find, "/"]
        onActivated: window.kiosk.open("search")
    }
}
