import QtQuick

// Search as you type: titles, texts, what the videos say and the documents' text, in every language.
Item {
    id: view

    required property var kiosk
    required property var search
    // Given by PageKeeper.qml, which keeps the page ready behind others: bound only when made elsewhere.
    property var page: kiosk.page
    readonly property var results: search.results
    readonly property bool hasQuery: search.query.trim().length > 0
    // What to show under the field: one of hint, preparing, failed, tooShort, none, results.
    readonly property string mode: search.state === "failed" ? "failed"
                                 : !hasQuery ? "hint"
                                 : search.state !== "ready" ? "preparing"
                                 : search.tooShort ? "tooShort"
                                 : results.length === 0 ? "none" : "results"
    // Space the on-screen keyboard takes, so the last result is never under it.
    readonly property real keyboardHeight: Qt.inputMethod.visible ? Qt.inputMethod.keyboardRectangle.height : 0

    objectName: "searchPage"
    // Where the keyboard focus goes when this page is shown (PageFocus.qml): the field, where the
    // visitor types.
    readonly property Item heading: field

    // Back from a result: the result the visitor opened, for PageFocus.qml to give the focus to.
    function controlFor(route) {
        if (view.mode !== "results")
            return null
        for (let index = 0; index < view.results.length; ++index) {
            if (view.results[index].route === route) {
                list.currentIndex = index
                list.positionViewAtIndex(index, ListView.Contain)
                return list.currentItem
            }
        }
        return null
    }

    Component.onCompleted: {
        search.prepare()  // usually already under way since the first frame
        field.forceActiveFocus()
    }

    Rectangle {
        id: fieldBox
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.margin }
        anchors.rightMargin: Math.max(Theme.margin, parent.width - Theme.readingWidth - Theme.margin)
        height: Theme.touchTarget + Theme.px(16)
        radius: height / 2
        color: Theme.surface
        border.width: field.activeFocus ? Theme.px(5) : Theme.px(3)
        border.color: field.activeFocus ? Theme.focusRing : Theme.accent

        TextInput {
            id: field
            objectName: "searchField"
            anchors {
                left: parent.left; leftMargin: Theme.px(32)
                right: clearButton.left; rightMargin: Theme.px(12)
                verticalCenter: parent.verticalCenter
            }
            font.family: Theme.fontFamily
            font.pixelSize: Theme.headingSize
            color: Theme.text
            clip: true
            // Explicit, so it mirrors: an Arabic visitor's typing starts at the right even before
            // the first letter tells the field which way it runs.
            horizontalAlignment: TextInput.AlignLeft
            text: view.search.query
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            activeFocusOnTab: true
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Search")
            Accessible.description: placeholder.text
            onTextEdited: view.search.setQuery(text)
            Keys.onReturnPressed: Qt.inputMethod.hide()
            Keys.onEnterPressed: Qt.inputMethod.hide()

            Text {
                id: placeholder
                objectName: "searchPlaceholder"
                anchors.fill: parent
                verticalAlignment: Text.AlignVCenter
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                visible: !field.text
                elide: Text.ElideRight
                font: field.font
                color: Theme.mutedText
                text: qsTr("Type a word, or the start of a word")
            }
        }
        TouchButton {
            id: clearButton
            objectName: "searchClear"
            anchors { right: parent.right; rightMargin: Theme.px(8); verticalCenter: parent.verticalCenter }
            compact: true
            visible: field.text.length > 0
            label: qsTr("Clear")
            accessibleName: qsTr("Clear the search")
            Accessible.ignored: !visible
            onActivated: { view.search.clear(); field.forceActiveFocus() }
        }
    }

    Text {
        id: status
        objectName: "searchStatus"
        anchors { left: fieldBox.left; right: parent.right; rightMargin: Theme.margin; top: fieldBox.bottom; topMargin: Theme.gap }
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodySize
        color: view.mode === "none" || view.mode === "failed" ? Theme.text : Theme.mutedText
        font.bold: view.mode === "none"
        Accessible.role: Accessible.StaticText
        Accessible.name: text
        // A status message (WCAG 4.1.3): the count of results is said once typing pauses, without
        // taking the focus from the field; again for new words, even when the count is the same.
        readonly property string heard: view.search.query.trim() + "\n" + text
        onHeardChanged: statusAnnouncement.restart()
        Timer {
            id: statusAnnouncement
            interval: 900
            onTriggered: if (view.hasQuery && view.mode !== "preparing") status.Accessible.announce(status.text)
        }
        text: {
            switch (view.mode) {
            case "hint": return qsTr("Search the titles and texts, what is said in the videos and the text of the documents, in every language.")
            case "preparing": return qsTr("Getting search ready\u2026")
            case "failed": return qsTr("Search is not available at the moment. You can still browse the topics below.")
            case "tooShort": return qsTr("Keep typing\u2026")
            case "none": return qsTr("Nothing found for \u201C%1\u201D.").arg(view.search.query.trim())
            }
            return qsTr("%n result(s)", "", view.results.length)
        }
    }

    // Shown only when the words typed find little and the index knows a close spelling.
    Item {
        id: suggestionRow
        readonly property bool shown: view.search.suggestion.length > 0
                                      && (view.mode === "none" || view.mode === "results")
        anchors { left: fieldBox.left; right: parent.right; rightMargin: Theme.margin; top: status.bottom }
        height: shown ? suggestionButton.height + Theme.gap : 0
        visible: shown

        TouchButton {
            id: suggestionButton
            objectName: "searchSuggestion"
            anchors { left: parent.left; top: parent.top; topMargin: Theme.gap }
            width: Math.min(implicitWidth, parent.width)
            primary: view.mode === "none"
            label: qsTr("Did you mean %1?").arg(view.search.suggestion)
            accessibleName: qsTr("Search for %1").arg(view.search.suggestion)
            Accessible.ignored: !visible
            onActivated: { view.search.acceptSuggestion(); field.forceActiveFocus() }
        }
    }

    // No result (or no search) is never an empty page: advice, then the topics to browse.
    Flickable {
        id: browse
        objectName: "searchBrowse"
        visible: view.mode !== "results"
        anchors { left: parent.left; right: parent.right; top: suggestionRow.bottom; bottom: parent.bottom; bottomMargin: view.keyboardHeight }
        contentHeight: browseColumn.implicitHeight + 2 * Theme.gap
        clip: true

        Column {
            id: browseColumn
            x: Theme.margin
            y: Theme.gap
            width: browse.width - 2 * Theme.margin
            spacing: Theme.gap

            Text {
                objectName: "searchAdvice"
                // Narrower than the column: anchored, so it starts where the visitor reads (a
                // Column places every child at its left, in either direction).
                anchors.left: parent.left
                width: Math.min(parent.width, Theme.readingWidth)
                visible: view.mode === "none"
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
                lineHeight: 1.3
                color: Theme.text
                text: qsTr("Check the spelling, or try a shorter word: the start of a word is enough. Accents do not matter.")
                Accessible.role: Accessible.StaticText
                Accessible.name: text
                Accessible.ignored: !visible
            }
            Text {
                objectName: "browseHeading"
                width: parent.width
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.text
                text: qsTr("Or browse the topics")
                Accessible.role: Accessible.Heading
                Accessible.name: text
                Accessible.ignored: !visible
            }
            CardGrid {
                objectName: "searchTopics"
                width: parent.width
                kiosk: view.kiosk
                cards: view.page.cards
                maxColumns: 3
            }
        }
    }

    ListView {
        id: list
        objectName: "searchResults"
        visible: view.mode === "results"
        anchors {
            left: parent.left; leftMargin: Theme.margin
            right: parent.right; rightMargin: Theme.margin
            top: suggestionRow.bottom; topMargin: Theme.gap
            bottom: parent.bottom; bottomMargin: view.keyboardHeight
        }
        clip: true
        spacing: Theme.px(14)
        model: view.mode === "results" ? view.results : []
        boundsBehavior: Flickable.DragAndOvershootBounds
        activeFocusOnTab: true
        keyNavigationEnabled: true
        Accessible.role: Accessible.List
        Accessible.name: status.text
        Accessible.ignored: !visible

        // The list sets its delegates' x itself (to 0, even right to left), so each result sits in a
        // full-width slot, anchored to the slot's reading side.
        delegate: FocusScope {
            id: slot
            required property var modelData
            required property int index
            width: list.width
            height: result.height
            focus: ListView.isCurrentItem
            SearchResult {
                id: result
                anchors.left: parent.left
                width: Math.min(list.width, Theme.readingWidth * 1.3)
                result: slot.modelData
                focus: true
                onActivated: view.kiosk.open(slot.modelData.route)
            }
        }
        footer: Item { height: Theme.margin }

        ScrollBar { flickable: list }
    }
}
