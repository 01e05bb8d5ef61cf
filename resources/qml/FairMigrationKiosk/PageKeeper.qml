import QtQuick

// The page on screen, and the pages a visit goes back to kept ready behind it: a tap shows a page
// already made and laid out instead of making one (a content page's QML took 10-17 ms to make and
// re-bind, most of a tap). What is kept:
// - the home and search pages, one each;
// - up to `contentKept` content pages, each holding the page (route and language) it was last
//   shown with: Back, or a card to a page seen a moment ago, shows it as it was; another page takes
//   the one least recently shown and binds it to its own data (as one Loader used to).
// A kept page is frozen: its `page` is given by this keeper, never bound to the kiosk's, so a page
// behind the one on screen does no work on a tap. An item page with a video or a document is not
// kept as it was: its player or document is let go once the next page is drawn. The attract loop
// (the reset between visitors) lets every kept page go, so what a visit made is freed as before.
// The other kinds (the attract loop, the programme, a session) are made by a Loader as they were,
// and go as soon as they are left (the attract loop lets go of the player as it goes).
FocusScope {
    id: keeper

    required property var kiosk
    // What each kind of page is given when it is made: {kiosk, player, documents, ...}.
    required property var servicesFor
    // The page on screen (as a Loader's `item`).
    property Item item: null
    property int contentKept: 5

    // Every page made and not yet let go: {item, file, key, shownAt}.
    property var kept: []
    property int shownCount: 0
    // Made so far, for the guard that a page is reused rather than made again (tests).
    property int pagesMade: 0
    readonly property int pagesKept: kept.length

    function fileFor(kind) {
        return kind === "home" ? "HomePage.qml"
             : kind === "search" ? "SearchPage.qml"
             : kind === "attract" ? "AttractPage.qml"
             : kind === "programme" ? "ProgrammePage.qml"
             : kind === "session" ? "SessionPage.qml" : "ContentPage.qml"
    }
    // Pages whose QML binds to nothing but their `page` and the view models given: the ones kept.
    function keepable(file) {
        return file === "HomePage.qml" || file === "SearchPage.qml" || file === "ContentPage.qml"
    }
    function keyOf(page) {
        return (page.route || page.kind || "") + "|" + (page.language || "")
    }
    function holdsMedia(page) {
        return page.kind === "item" && !!page.mediaPath && (page.itemKind === "video" || page.itemKind === "document")
    }

    property var components: ({})
    function componentFor(file) {
        if (!components[file])
            components[file] = Qt.createComponent(file)
        return components[file]
    }

    function make(file, page) {
        const component = componentFor(file)
        const properties = Object.assign({ page: page, visible: false }, servicesFor(page.kind))
        const made = component.createObject(keeper, properties)
        if (!made) {
            console.warn("page", file, "could not be made:", component.errorString())
            return null
        }
        made.width = Qt.binding(() => keeper.width)
        made.height = Qt.binding(() => keeper.height)
        pagesMade += 1
        const entry = { item: made, file: file, key: "", shownAt: 0 }
        kept = kept.concat([entry])
        return entry
    }

    // The entry to show `page` with: the one frozen on it, else one to bind to it, else a new one.
    function entryFor(file, page) {
        const key = keyOf(page)
        const same = kept.filter(each => each.file === file)
        const exact = same.find(each => each.key === key)
        if (exact)
            return exact
        const free = same.filter(each => each.item !== item)
        // One bound to no page (made ahead, or an item page emptied), else, with as many kept as
        // wanted, the one least recently shown.
        const empty = free.find(each => each.key === "")
        if (empty)
            return empty
        if (file !== "ContentPage.qml" || same.length >= contentKept) {
            free.sort((a, b) => a.shownAt - b.shownAt)
            if (free.length > 0)
                return free[0]
            const shown = kept.find(each => each.item === item)
            if (shown && shown.file === file)
                return shown
        }
        return make(file, page)
    }

    function showPage() {
        const page = kiosk.page
        const file = fileFor(page.kind)
        let before = item
        if (!keepable(file)) {
            if (before !== others.item || !String(others.source).endsWith(file))
                others.setSource(file, servicesFor(page.kind))
            reveal(others.item, before)
            tidy(page)
            return
        }
        // Left as a Loader leaves its page, before the next is made.
        if (before && before === others.item) {
            others.source = ""
            before = null
        }
        const key = keyOf(page)
        const current = kept.find(each => each.item === before)
        if (current && current.key === key)
            return
        const sameRoute = !!current && current.file === file && current.key.split("|")[0] === key.split("|")[0]
        // Another language on a page with a video or a document: that page is bound to the new one,
        // as before; a second panel on the same player or document would draw from it behind this one.
        const entry = sameRoute && holdsMedia(current.item.page) ? current : entryFor(file, page)
        if (!entry)
            return
        if (entry.key !== key) {
            entry.item.page = page
            entry.key = key
        }
        shownCount += 1
        entry.shownAt = shownCount
        if (sameRoute && before !== entry.item && before.contentY !== undefined)
            entry.item.contentY = before.contentY  // the same page in another language: the same place
        reveal(entry.item, before)
        tidy(page)
        if (!kept.some(each => each.file === "ContentPage.qml"))
            makeAhead.restart()
    }

    function reveal(shown, before) {
        if (shown === before)
            return  // the page on screen, bound to its next page: the focus stays where it is
        if (shown && shown !== others.item)
            shown.parent = keeper
        if (shown) {
            shown.visible = true
            shown.focus = true
        }
        item = shown
        if (before && before !== shown && before !== others.item) {
            // Out of the window, not only hidden: a screen reader's copy of the tree would still
            // hold a hidden page's text as shown (Qt tells it of the page, not of what it holds).
            // Its QObject parent stays this keeper, which owns it.
            before.focus = false
            before.visible = false
            before.parent = null
        }
    }

    Loader {
        id: others
        anchors.fill: parent
    }

    // The first content page of a visit is made while the visitor looks at the home page, a little
    // at a time (incubated), so the first tap on a topic binds a page instead of making one.
    Timer {
        id: makeAhead
        interval: 400
        onTriggered: {
            if (keeper.kiosk.page.kind === "attract" || keeper.kept.some(each => each.file === "ContentPage.qml"))
                return
            const properties = Object.assign({ page: keeper.nothing, visible: false }, keeper.servicesFor("section"))
            const incubator = keeper.componentFor("ContentPage.qml").incubateObject(keeper, properties, Qt.Asynchronous)
            if (!incubator)
                return
            const adopt = function() {
                const made = incubator.object
                if (keeper.kiosk.page.kind === "attract" || keeper.kept.some(each => each.file === "ContentPage.qml")) {
                    made.destroy()
                    return
                }
                made.parent = null
                made.width = Qt.binding(() => keeper.width)
                made.height = Qt.binding(() => keeper.height)
                keeper.pagesMade += 1
                keeper.kept = keeper.kept.concat([{ item: made, file: "ContentPage.qml", key: "", shownAt: 0 }])
            }
            if (incubator.status === Component.Ready)
                adopt()
            else
                incubator.onStatusChanged = function(status) { if (status === Component.Ready) adopt() }
        }
    }

    // The attract loop lets every kept page go. The player or document of an item page left goes
    // once the new page is drawn, so the tap does not wait for it; the page stays, bound to no
    // page, ready for the next.
    function tidy(page) {
        const unwanted = kept.filter(each => each.item !== item && page.kind === "attract")
        kept = kept.filter(each => !unwanted.includes(each))
        for (const entry of unwanted)
            entry.item.destroy()
        const emptied = kept.filter(each => each.item !== item && holdsMedia(each.item.page))
        if (emptied.length === 0)
            return
        for (const entry of emptied)
            entry.key = ""
        const release = function() {
            for (const entry of emptied) {
                if (entry.key === "" && entry.item !== keeper.item && keeper.kept.includes(entry))
                    entry.item.page = keeper.nothing
            }
        }
        const window = keeper.Window.window
        if (!window) {
            release()
            return
        }
        const once = function() {
            window.frameSwapped.disconnect(once)
            release()
        }
        window.frameSwapped.connect(once)
    }
    // What a kept content page shows while it waits: no text, no cards, no media.
    readonly property var nothing: ({ kind: "section", route: "", title: "", cards: [], related: [] })

    Connections {
        target: keeper.kiosk
        // A language switch: the same route, another page (navigation calls showPage itself first).
        function onPageChanged() { keeper.showPage() }
    }
}
