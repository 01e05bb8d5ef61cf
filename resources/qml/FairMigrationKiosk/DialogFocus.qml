import QtQuick

// What every panel and dialog does with the keyboard focus, so that a keyboard or screen-reader
// visitor is never left behind: it takes the focus when it opens, keeps Tab and Shift+Tab among its
// own controls while open, and gives the focus back to whoever had it when it closes.
// Put one inside the panel; the panel itself carries the Accessible role (Dialog or Pane) and name
// that a screen reader says as the focus enters it.
Item {
    id: keeper

    // The panel: Tab goes round the controls inside it.
    required property Item panel
    // Where the focus lands when the visitor was using the keys (a control had the focus). A visitor
    // who only touches gets the focus on the panel itself, which draws no ring: nothing changes on
    // screen for them, and a screen reader still hears the panel open.
    property Item first: null

    // Who had the focus before: it gets it back when the panel closes.
    property Item returnTo: null
    property bool byKeyboard: false
    // The window, kept: while the panel is being torn down it no longer knows its window.
    property var host: null
    readonly property bool holdsFocus: inside(Window.activeFocusItem)

    function inside(item) {
        for (let each = item; each; each = each.parent) {
            if (each === panel)
                return true
        }
        return false
    }

    function take() {
        host = Window.window
        returnTo = Window.activeFocusItem
        byKeyboard = !!returnTo && returnTo.activeFocusOnTab
        // The panel at once (keys typed now are its own); a first control made by a Repeater may
        // come a moment later.
        panel.forceActiveFocus(Qt.OtherFocusReason)
        if (byKeyboard)
            Qt.callLater(keeper.focusFirst)
    }
    function focusFirst() {
        if (first && first.visible && first.enabled && Window.activeFocusItem === panel)
            first.forceActiveFocus(Qt.TabFocusReason)
    }

    // The next control inside the panel, going round: Qt's own focus chain, with the rest of the
    // window left out.
    function step(forward) {
        let item = Window.activeFocusItem
        for (let guard = 0; item && guard < 2000; ++guard) {
            item = item.nextItemInFocusChain(forward)
            if (item && item !== panel && inside(item)) {
                item.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason)
                return
            }
        }
    }

    // Back where it was; unless the focus has gone somewhere on purpose meanwhile (a new page's
    // heading, the admin panel): only a focus left with nothing takes it.
    function giveBack() {
        if (!host || !returnTo || !returnTo.visible)
            return
        const now = host.activeFocusItem
        if (now === null || now === host.contentItem || inside(now))
            returnTo.forceActiveFocus(byKeyboard ? Qt.TabFocusReason : Qt.OtherFocusReason)
    }

    Shortcut {
        sequences: ["Tab"]
        enabled: keeper.holdsFocus
        onActivated: keeper.step(true)
    }
    Shortcut {
        sequences: ["Shift+Tab", "Backtab"]
        enabled: keeper.holdsFocus
        onActivated: keeper.step(false)
    }

    Component.onCompleted: take()
    Component.onDestruction: giveBack()
}
