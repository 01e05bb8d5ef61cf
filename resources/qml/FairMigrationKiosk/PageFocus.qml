import QtQuick

// What a blind visitor hears when the page changes (a card opened, Back, Home, Search): the keyboard
// focus goes to the new page's heading, or, after Back, to the control that opened the page they
// left, and the page is announced. Another language is announced too. Without this the focus is
// lost with the old page and the next Tab starts again at the top bar.
QtObject {
    id: pageFocus

    required property var kiosk
    required property Item pageView
    required property Item topBar
    // Set while the same page comes back in another language: the announcement names the language,
    // and the focus stays on the language button the visitor chose (WCAG 3.2.2: choosing a setting
    // does not move the visitor elsewhere).
    property string languageName: ""

    // WCAG 2.4.11: a control reached with Tab is scrolled into view, never left under the fold. Only
    // controls (a heading given the focus is where the page already is, and a touch moves no focus).
    readonly property Item focusedItem: pageView.Window.activeFocusItem
    onFocusedItemChanged: keepInView(focusedItem)

    function keepInView(item) {
        const page = pageFocus.pageView.item
        if (!item || !page || page.contentY === undefined || !item.activeFocusOnTab)
            return
        let ancestor = item.parent
        while (ancestor && ancestor !== page)
            ancestor = ancestor.parent
        if (!ancestor)
            return
        const top = item.mapToItem(page.contentItem, 0, 0).y
        const margin = Theme.gap
        const room = Math.max(0, page.contentHeight - page.height)
        if (top - margin < page.contentY)
            page.contentY = Math.max(0, top - margin)
        else if (top + item.height + margin > page.contentY + page.height)
            page.contentY = Math.min(room, top + item.height + margin - page.height)
    }

    // A page kept ready (PageKeeper.qml) comes back with its cards as they were: none is made again
    // to take the focus as it is made (CardGrid), so the card is looked for.
    function cardFor(page, route) {
        const wanted = "card:" + route
        const stack = [page]
        while (stack.length > 0) {
            const item = stack.pop()
            if (item.objectName === wanted && item.visible)
                return item
            if (item.visible)
                for (const child of item.children)
                    stack.push(child)
        }
        return null
    }

    function pageShown() {
        Qt.callLater(pageFocus.settle)
    }

    function languageShown() {
        const choice = pageFocus.kiosk.languages.find(language => language.code === pageFocus.kiosk.language)
        pageFocus.languageName = choice ? choice.name : ""
        Qt.callLater(pageFocus.settle)
    }

    // After the page's own bindings have run, so the new page's cards and heading exist.
    function settle() {
        const page = pageFocus.pageView.item
        if (!page || !page.heading || pageFocus.kiosk.page.kind === "attract")
            return
        const inOtherLanguage = pageFocus.languageName.length > 0
        const title = pageFocus.kiosk.page.title || qsTr("Search")
        const shown = qsTr("Now showing: %1").arg(title)
        if (inOtherLanguage) {
            page.heading.Accessible.announce(pageFocus.languageName + ". " + shown)
            pageFocus.languageName = ""
            return
        }
        const wanted = pageFocus.kiosk.place.focus || ""
        const window = page.Window.window
        const focused = window ? window.activeFocusItem : null
        let target = null
        if (wanted.length > 0) {
            if (focused && (focused.objectName === "card:" + wanted || focused.objectName === "result:" + wanted))
                target = focused  // the page gave it back itself (CardGrid, SearchPage)
            else
                target = (page.controlFor ? page.controlFor(wanted) : null) || pageFocus.cardFor(page, wanted)
                         || pageFocus.topBar.controlFor(wanted)
        }
        if (!target)
            target = page.heading
        else if (target === focused && target !== page.heading)
            // It took the focus as it was made, before it was on the accessibility tree: a screen
            // reader heard nothing. Focus it again so it hears of it now.
            page.heading.forceActiveFocus(Qt.OtherFocusReason)
        target.forceActiveFocus(Qt.OtherFocusReason)
        page.heading.Accessible.announce(shown)
    }
}
