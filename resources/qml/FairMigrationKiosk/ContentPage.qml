import QtQuick
import QtQuick.Layouts
import "AccessibleText.js" as AccessibleText

// A section or an item: heading, Markdown text, cards; on wide screens the source and related
// items sit in a side column beside the text.
Flickable {
    id: view

    required property var kiosk
    required property var player
    required property var documents
    // Given by PageKeeper.qml, which keeps the page ready behind others: bound only when made elsewhere.
    property var page: kiosk.page
    readonly property bool isItem: page.kind === "item"
    readonly property bool wide: width >= Theme.px(1500)
    // Where the keyboard focus goes when this page is shown (PageFocus.qml).
    readonly property Item heading: pageTitle

    objectName: "contentPage"
    contentWidth: width
    contentHeight: layout.implicitHeight + 2 * Theme.margin
    clip: true
    boundsBehavior: Flickable.DragAndOvershootBounds
    flickDeceleration: 2500 * Theme.scale
    maximumFlickVelocity: 6000 * Theme.scale

    GridLayout {
        id: layout
        x: Theme.margin
        y: Theme.margin
        width: view.width - 2 * Theme.margin
        columns: view.wide && view.isItem ? 2 : 1
        columnSpacing: Theme.margin * 1.5
        rowSpacing: Theme.gap

        ColumnLayout {
            id: main
            Layout.alignment: Qt.AlignTop
            Layout.fillHeight: false
            Layout.fillWidth: true
            Layout.maximumWidth: view.isItem ? Theme.readingWidth : layout.width
            spacing: Theme.gap

            Row {
                visible: view.isItem
                spacing: Theme.px(14)
                Text {
                    objectName: "itemKind"
                    anchors.verticalCenter: parent.verticalCenter
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.smallSize
                    font.bold: true
                    font.capitalization: Font.AllUppercase
                    font.letterSpacing: Theme.px(1)
                    color: Theme.accent
                    text: Theme.kindLabel(view.page.itemKind || "")
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                    Accessible.ignored: !visible || text.length === 0
                }
                StandInBadge { visible: !!view.page.standIn; anchors.verticalCenter: parent.verticalCenter }
            }

            Text {
                id: pageTitle
                objectName: "pageTitle"
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.readingWidth * 1.4
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.titleSize
                font.bold: true
                lineHeight: 1.08
                color: Theme.text
                text: Theme.readingOrder(view.page.title, LayoutMirroring.enabled)
                Accessible.role: Accessible.Heading
                Accessible.name: text
                Accessible.focusable: true
                // The focus lands here on a page change, but the heading is no Tab stop: Qt would
                // then go round from the top of the window. Tab goes on into the page from here.
                Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
                Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
            }

            LanguageNote { page: view.page; Layout.fillWidth: true; Layout.maximumWidth: Theme.readingWidth }

            Loader {
                // Only the page of a playable video holds a player, so leaving it releases the output.
                active: view.isItem && view.page.itemKind === "video" && !!view.page.mediaPath
                visible: active
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.readingWidth
                Layout.preferredHeight: item ? item.implicitHeight : 0
                sourceComponent: VideoPanel { player: view.player; page: view.page }
            }

            Text {
                objectName: "pageSubtitle"
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.readingWidth
                visible: text.length > 0
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingSize - Theme.px(4)
                color: Theme.mutedText
                text: Theme.readingOrder(view.page.subtitle, LayoutMirroring.enabled)
                Accessible.role: Accessible.StaticText
                Accessible.name: view.page.subtitle || ""
                Accessible.ignored: !visible
            }

            Rectangle {
                objectName: "standInNotice"
                visible: view.isItem && !!view.page.standIn
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.readingWidth
                implicitHeight: noticeText.implicitHeight + Theme.px(32)
                radius: Theme.radius
                color: Theme.noticeSoft
                Text {
                    id: noticeText
                    anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.px(20) }
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.smallSize
                    color: Theme.notice
                    text: qsTr("Stand-in media: the original is not stored on this kiosk. What plays here was made as a placeholder for it.")
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                    Accessible.ignored: !noticeText.visible
                }
            }

            Text {
                objectName: "pageBody"
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.readingWidth
                visible: text.length > 0
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                textFormat: Text.MarkdownText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
                lineHeight: 1.25
                color: Theme.text
                text: view.page.body || ""
                Accessible.role: Accessible.Paragraph
                Accessible.name: AccessibleText.fromMarkdown(text)
                Accessible.ignored: !visible
            }

            Loader {
                active: view.isItem && view.page.itemKind === "document" && !!view.page.mediaPath
                visible: active
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.readingWidth
                Layout.preferredHeight: item ? item.implicitHeight : 0
                sourceComponent: DocumentPanel { documents: view.documents; page: view.page; width: parent ? parent.width : 0 }
            }

            CardGrid {
                objectName: "cards"
                kiosk: view.kiosk
                cards: view.page.cards
                Layout.fillWidth: true
                Layout.topMargin: Theme.px(8)
            }
        }

        ColumnLayout {
            id: side
            visible: view.isItem
            Layout.alignment: Qt.AlignTop
            Layout.fillHeight: false
            Layout.fillWidth: true
            Layout.minimumWidth: view.wide ? Theme.px(440) : 0
            Layout.topMargin: view.wide ? Theme.px(56) : Theme.gap
            spacing: Theme.gap

            SourcePanel {
                page: view.page
                title: view.page.title || ""
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.readingWidth
            }

            Text {
                visible: (view.page.related || []).length > 0
                topPadding: Theme.px(8)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingSize - Theme.px(4)
                font.bold: true
                color: Theme.text
                text: qsTr("See also")
                Accessible.role: Accessible.Heading
                Accessible.name: text
                Accessible.ignored: !visible
            }

            CardGrid {
                objectName: "related"
                kiosk: view.kiosk
                cards: view.page.related || []
                maxColumns: view.wide ? 1 : 3
                Layout.fillWidth: true
            }
        }
    }

    ScrollBar { flickable: view }
}
