import QtQuick
import "AccessibleText.js" as AccessibleText

// One search result: what kind of entry, its title, and the words that matched, highlighted.
Rectangle {
    id: row

    required property var result
    signal activated()

    objectName: "result:" + result.route
    implicitHeight: column.implicitHeight + 2 * Theme.px(20)
    radius: Theme.radius
    color: tap.pressed ? Theme.accentSoft : Theme.surface
    border.width: activeFocus ? Theme.px(5) : Math.max(1, Theme.px(2))
    border.color: activeFocus ? Theme.focusRing : Theme.border

    Accessible.role: Accessible.Button
    Accessible.name: kind.text + ": " + result.title
    // Where the words were found, then the words around them, as the row shows them.
    Accessible.description: [where.text, AccessibleText.fromStyled(result.snippet)].filter(part => part).join(": ")
    Accessible.onPressAction: row.activated()
    Keys.onReturnPressed: row.activated()
    Keys.onEnterPressed: row.activated()
    Keys.onSpacePressed: row.activated()

    Column {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(20); leftMargin: Theme.px(28) }
        spacing: Theme.px(6)

        Row {
            // Full width, so that a right-to-left layout starts the row at the right edge.
            width: parent.width
            spacing: Theme.px(14)
            Text {
                id: kind
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                font.bold: true
                font.capitalization: Font.AllUppercase
                font.letterSpacing: Theme.px(1)
                color: Theme.accent
                text: Theme.kindLabel(row.result.kind)
            }
            Text {
                id: where
                objectName: "resultWhere"
                visible: text.length > 0
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                color: Theme.mutedText
                text: {
                    const where = row.result.origin === "captions" ? qsTr("Said in the video")
                                : row.result.origin === "document" ? qsTr("In the document") : ""
                    const language = row.result.otherLanguage ? qsTr("Found in %1").arg(row.result.otherLanguage) : ""
                    return [where, language].filter(part => part).join("  \u00B7  ")
                }
            }
        }
        Text {
            objectName: "resultTitle"
            width: parent.width
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
            font.family: Theme.fontFamily
            font.pixelSize: Theme.headingSize
            font.bold: true
            color: Theme.text
            text: Theme.readingOrder(row.result.title, LayoutMirroring.enabled)
        }
        Text {
            objectName: "resultSnippet"
            width: parent.width
            visible: text.length > 0
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
            maximumLineCount: 3
            elide: Text.ElideRight
            textFormat: Text.StyledText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize - Theme.px(2)
            color: Theme.text
            text: row.result.snippet
        }
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: row.activated()
    }
}
