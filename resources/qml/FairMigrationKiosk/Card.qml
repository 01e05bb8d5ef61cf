import QtQuick

// One touchable tile: a section on the home page, an item on a section page.
Rectangle {
    id: card

    required property var entry
    signal activated(string route)

    objectName: "card:" + entry.route
    implicitHeight: Math.max(Theme.px(190), content.implicitHeight + 2 * Theme.px(28))
    radius: Theme.radius
    color: tap.pressed ? Theme.accentSoft : Theme.surface
    border.width: activeFocus ? Theme.px(4) : Math.max(1, Theme.px(2))
    border.color: activeFocus ? Theme.focusRing : Theme.border

    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: kindLabel.text + ": " + entry.title
    // Everything the card shows besides its title, in the order it shows it.
    Accessible.description: [entry.standIn ? qsTr("Stand-in media") : "",
                             entry.untranslated ? qsTr("In English") : "",
                             entry.summary || "",
                             Theme.contentsCount(entry, ", ")]
                            .filter(part => part)
                            .map(part => /[.!?\u061F\u3002\u0964]$/.test(part) ? part : part + ".")
                            .join(" ")
    // A card of a grid that is not on show (the search page's topics, under the results) is not read.
    Accessible.ignored: !visible
    Accessible.onPressAction: card.activated(entry.route)
    Keys.onReturnPressed: card.activated(entry.route)
    Keys.onEnterPressed: card.activated(entry.route)
    Keys.onSpacePressed: card.activated(entry.route)

    Rectangle {
        // The accent edge: the one spot of colour that says "this can be touched".
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: Math.max(1, Theme.px(2)) }
        width: Theme.px(8)
        radius: width / 2
        color: Theme.accent
    }

    Column {
        id: content
        anchors {
            left: parent.left; leftMargin: Theme.px(36)
            right: parent.right; rightMargin: Theme.px(28)
            top: parent.top; topMargin: Theme.px(28)
        }
        spacing: Theme.px(10)

        Row {
            // Full width, so that a right-to-left layout starts the row at the right edge.
            width: parent.width
            spacing: Theme.px(12)
            Text {
                id: kindLabel
                anchors.verticalCenter: parent.verticalCenter
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                font.bold: true
                font.capitalization: Font.AllUppercase
                font.letterSpacing: Theme.px(1)
                color: Theme.accent
                text: Theme.kindLabel(card.entry.kind)
            }
            // The two marks below are made only on the cards that show them (Loaders): most cards
            // show neither, and a hidden text is still laid out (0.05 ms a card, on every page).
            Loader {
                active: !!card.entry.standIn
                visible: active
                anchors.verticalCenter: parent.verticalCenter
                sourceComponent: StandInBadge {
                    Accessible.ignored: true  // said in the card's description
                }
            }
            Loader {
                active: !!card.entry.untranslated
                visible: active
                anchors.verticalCenter: parent.verticalCenter
                sourceComponent: Text {
                    // The title below is the English one: say so, quietly.
                    objectName: "untranslatedMark"
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.smallSize
                    font.italic: true
                    color: Theme.mutedText
                    text: qsTr("In English")
                }
            }
        }
        Text {
            width: parent.width
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
            // Larger text needs more lines for the same words, so the limit grows with it.
            maximumLineCount: Math.round(3 * Theme.textScale * Theme.textScale)
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.headingSize
            font.bold: true
            lineHeight: 1.1
            color: Theme.text
            text: Theme.readingOrder(card.entry.title, LayoutMirroring.enabled)
        }
        Text {
            width: parent.width
            visible: text.length > 0
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
            // Larger text needs more lines for the same words, so the limit grows with it.
            maximumLineCount: Math.round(3 * Theme.textScale * Theme.textScale)
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize - Theme.px(3)
            color: Theme.mutedText
            text: Theme.readingOrder(card.entry.summary, LayoutMirroring.enabled)
        }
        Row {
            // Full width, so that a right-to-left layout starts the row at the right edge; the
            // chevron after the count points onward, the way the visitor reads.
            objectName: "itemCount"
            visible: countText.text.length > 0
            width: parent.width
            spacing: Theme.px(10)
            Text {
                id: countText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                color: Theme.accent
                text: Theme.contentsCount(card.entry, "  \u00B7  ")
            }
            Chevron {
                objectName: "itemCountChevron"
                font.pixelSize: Theme.smallSize
                color: Theme.accent
            }
        }
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: card.activated(card.entry.route)
    }
}
