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

    // A video's player and a document's pages are made just after the page's first frame, in the
    // place kept for them: the tap shows the page at once (making the player and decoding its poster,
    // or opening the PDF and laying out its pages, took 8-20 ms of the tap, 2-4 times a bare page).
    // The route whose first frame has been drawn: another language of it keeps its media as they are.
    property string drawnRoute: ""
    readonly property bool mediaMayShow: drawnRoute !== "" && drawnRoute === page.route
    function holdsMedia(shown) {
        return shown.kind === "item" && !!shown.mediaPath && (shown.itemKind === "video" || shown.itemKind === "document")
    }
    function awaitFirstFrame() {
        if (page.route === drawnRoute)
            return
        drawnRoute = ""
        // In a window that draws no frame (not shown yet, or minimised), the media come anyway.
        if (holdsMedia(page))
            noFrameTimer.restart()
    }
    onPageChanged: awaitFirstFrame()
    Component.onCompleted: awaitFirstFrame()
    Connections {
        // afterAnimating comes just before a frame is drawn; the timer runs once the event loop is
        // back, after that frame.
        target: view.Window.window
        enabled: view.visible && view.drawnRoute === "" && view.holdsMedia(view.page)
        function onAfterAnimating() { mediaTimer.start() }
    }
    Timer {
        id: mediaTimer
        interval: 0
        onTriggered: view.drawnRoute = view.page.route || ""
    }
    Timer {
        id: noFrameTimer
        interval: 250
        onTriggered: if (view.drawnRoute === "" && view.holdsMedia(view.page)) view.drawnRoute = view.page.route
    }

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

            Item {
                // Only the page of a playable video holds a player, so leaving it releases the output.
                readonly property bool wanted: view.isItem && view.page.itemKind === "video" && !!view.page.mediaPath
                visible: wanted
                // As wide as the reading column, whatever the title beside it (see VideoPanel.qml).
                implicitWidth: wanted ? Theme.readingWidth : 0
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.readingWidth
                Layout.preferredHeight: wanted ? (videoLoader.item ? videoLoader.item.implicitHeight : width * 9 / 16) : 0
                Rectangle {
                    // The film's place, as dark as its screen, until the player is made.
                    objectName: "mediaPlaceholder"
                    anchors.fill: parent
                    visible: !videoLoader.item
                    radius: Theme.radius
                    color: "#0B0F14"
                }
                Loader {
                    id: videoLoader
                    anchors.fill: parent
                    active: parent.wanted && view.mediaMayShow
                    sourceComponent: VideoPanel { player: view.player; page: view.page }
                }
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

            Item {
                id: documentPlace
                readonly property bool wanted: view.isItem && view.page.itemKind === "document" && !!view.page.mediaPath
                // Where the panel puts its first sheet: below its toolbar (DocumentPanel.qml).
                readonly property real sheetTop: Theme.touchTarget + Theme.px(16)
                readonly property real sheetHeight: wanted ? Math.round(width * view.documents.pageAspect) : 0
                visible: wanted
                // As wide as the reading column, made or not, so the page does not move when it is.
                implicitWidth: wanted ? Theme.readingWidth : 0
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.readingWidth
                Layout.preferredHeight: !wanted ? 0
                    : documentLoader.item ? documentLoader.item.implicitHeight
                    : view.documents.status === "ready" ? sheetTop + sheetHeight : Theme.px(360)
                Item {
                    // Until the document's pages are made: the first page's sheet, blank.
                    objectName: "mediaPlaceholder"
                    visible: documentPlace.wanted && !documentLoader.item
                    anchors.fill: parent
                    Rectangle {
                        visible: view.documents.status === "ready"
                        y: documentPlace.sheetTop
                        width: parent.width
                        height: documentPlace.sheetHeight
                        color: "#FFFFFF"
                        border.width: Math.max(1, Theme.px(1))
                        border.color: Theme.border
                    }
                }
                Loader {
                    id: documentLoader
                    width: parent.width
                    active: parent.wanted && view.mediaMayShow
                    sourceComponent: DocumentPanel { documents: view.documents; page: view.page; width: documentPlace.width }
                }
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
