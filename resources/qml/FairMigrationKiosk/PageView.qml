import QtQuick

// Every route is drawn by this one view: a heading, Markdown text, touchable cards and the source.
Flickable {
    id: view

    required property var kiosk
    readonly property var page: kiosk.page
    readonly property bool isHome: page.kind === "home"
    readonly property bool isItem: page.kind === "item"

    objectName: "pageView"
    contentWidth: width
    contentHeight: column.implicitHeight + 2 * Theme.margin
    clip: true
    boundsBehavior: Flickable.DragAndOvershootBounds
    flickDeceleration: 2500 * Theme.scale
    maximumFlickVelocity: 6000 * Theme.scale
    pressDelay: 0

    Column {
        id: column
        x: Theme.margin
        y: Theme.margin
        width: view.width - 2 * Theme.margin
        spacing: Theme.gap

        Text {
            objectName: "pageTitle"
            width: Math.min(parent.width, Theme.readingWidth * 1.4)
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: view.isHome ? Theme.displaySize : Theme.titleSize
            font.bold: true
            lineHeight: 1.08
            color: Theme.text
            text: view.page.title
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }

        Text {
            objectName: "pageSubtitle"
            width: Math.min(parent.width, Theme.readingWidth)
            visible: text.length > 0
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.headingSize - Theme.px(4)
            color: Theme.mutedText
            text: view.page.subtitle || ""
        }

        Rectangle {
            objectName: "standInNotice"
            visible: view.isItem && view.page.standIn
            width: Math.min(parent.width, Theme.readingWidth)
            height: noticeText.implicitHeight + Theme.px(28)
            radius: Theme.radius
            color: Theme.noticeSoft
            Text {
                id: noticeText
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.px(20) }
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                color: Theme.notice
                text: qsTr("Stand-in media: the original is not bundled with this kiosk. What you see here is a placeholder made for it.")
            }
        }

        Text {
            objectName: "pageBody"
            width: Math.min(parent.width, Theme.readingWidth)
            visible: text.length > 0
            wrapMode: Text.Wrap
            textFormat: view.isHome ? Text.PlainText : Text.MarkdownText
            font.family: Theme.fontFamily
            font.pixelSize: view.isHome ? Theme.headingSize - Theme.px(2) : Theme.bodySize
            lineHeight: 1.25
            color: Theme.text
            text: view.page.body || ""
        }

        Flow {
            id: cards
            objectName: "cards"
            readonly property int columns: Math.max(1, Math.floor((width + spacing) / (Theme.cardMinWidth + spacing)))
            width: parent.width
            spacing: Theme.gap
            topPadding: Theme.px(8)
            visible: view.page.cards.length > 0

            Repeater {
                model: view.page.cards
                delegate: Card {
                    required property var modelData
                    entry: modelData
                    width: (cards.width - (cards.columns - 1) * cards.spacing) / cards.columns
                    onActivated: route => view.kiosk.open(route)
                }
            }
        }

        Text {
            visible: view.isItem && (view.page.related || []).length > 0
            topPadding: Theme.gap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.headingSize
            font.bold: true
            color: Theme.text
            text: qsTr("See also")
        }

        Flow {
            id: related
            objectName: "related"
            readonly property int columns: Math.max(1, Math.floor((width + spacing) / (Theme.cardMinWidth + spacing)))
            width: parent.width
            spacing: Theme.gap
            visible: view.isItem && (view.page.related || []).length > 0

            Repeater {
                model: view.isItem ? view.page.related : []
                delegate: Card {
                    required property var modelData
                    entry: modelData
                    width: (related.width - (related.columns - 1) * related.spacing) / related.columns
                    onActivated: route => view.kiosk.open(route)
                }
            }
        }

        SourcePanel {
            visible: view.isItem
            page: view.page
            width: Math.min(parent.width, Theme.readingWidth)
        }
    }

    // A thin position bar: tells the visitor there is more below, without being a target itself.
    Rectangle {
        parent: view
        visible: view.visibleArea.heightRatio < 1.0
        anchors.right: parent.right
        anchors.rightMargin: Theme.px(6)
        y: view.visibleArea.yPosition * view.height
        width: Theme.px(6)
        height: view.visibleArea.heightRatio * view.height
        radius: width / 2
        color: Theme.mutedText
        opacity: 0.5
    }
}
