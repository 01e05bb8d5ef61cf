import QtQuick

// The passage being read aloud, marked on the page: a band of highlight behind a title or a paragraph,
// a halo around a card, with a bar at the reading start; the page scrolls to keep it in sight. It lives
// in the page's scrolled content, below the page's own items, so it moves with them.
Rectangle {
    id: highlight

    required property var readAloud
    // The page on screen (a Flickable), or null.
    property var page: null
    readonly property string targetName: readAloud ? readAloud.currentTarget : ""
    readonly property int block: readAloud ? readAloud.currentBlock : -1
    property var target: null
    // A card or a programme's session row is ringed all round (its own accent edge marks its start);
    // a text gets room at its ends.
    readonly property bool ringed: targetName.indexOf("card:") === 0 || targetName.indexOf("session:") === 0
    readonly property int pad: ringed ? Theme.px(10) : Theme.px(20)
    readonly property int padTop: ringed ? pad : Theme.px(6)

    objectName: "readingHighlight"
    parent: page && page.contentItem ? page.contentItem : null
    visible: target !== null && targetName.length > 0
    z: -1
    radius: Theme.radius
    color: Theme.highlight

    Rectangle {
        // The reading start: the left edge, the right in a right-to-left language.
        visible: !highlight.ringed
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: Theme.px(4) }
        width: Theme.px(6)
        radius: width / 2
        color: Theme.notice
    }

    function findNamed(item, name) {
        if (!item)
            return null
        if (item.objectName === name && item.visible)
            return item
        const children = item.children || []
        for (let i = 0; i < children.length; ++i) {
            const found = findNamed(children[i], name)
            if (found)
                return found
        }
        return null
    }

    function place() {
        target = targetName.length > 0 && page ? findNamed(page.contentItem, targetName) : null
        if (!target)
            return
        let top = 0
        let height = target.height
        if (block >= 0 && target.textFormat === Text.MarkdownText) {
            const span = readAloud.blockSpan(target, block)
            top = span[0]
            height = span[1]
        }
        const corner = target.mapToItem(parent, 0, top)
        x = corner.x - pad
        y = corner.y - padTop
        width = target.width + 2 * pad
        highlight.height = height + 2 * padTop
        keepInSight()
    }

    function keepInSight() {
        if (!page || page.contentY === undefined)
            return
        const room = Math.max(0, page.contentHeight - page.height)
        const margin = Theme.gap
        let wanted = page.contentY
        if (y - margin < page.contentY || highlight.height + 2 * margin > page.height)
            wanted = y - margin
        else if (y + highlight.height + margin > page.contentY + page.height)
            wanted = y + highlight.height + margin - page.height
        wanted = Math.max(0, Math.min(wanted, room))
        if (Math.abs(wanted - page.contentY) < 1)
            return
        scroll.to = wanted
        if (Theme.reducedMotion)
            page.contentY = wanted
        else
            scroll.restart()
    }

    NumberAnimation {
        id: scroll
        target: highlight.page
        property: "contentY"
        duration: 350
        easing.type: Easing.InOutCubic
    }

    onTargetNameChanged: place()
    onBlockChanged: place()
    onPageChanged: place()
    Connections {
        target: highlight.page
        ignoreUnknownSignals: true
        // Text size changed, the window turned: the passage moved.
        function onContentHeightChanged() { if (highlight.visible) Qt.callLater(highlight.place) }
        function onWidthChanged() { if (highlight.visible) Qt.callLater(highlight.place) }
    }
}
