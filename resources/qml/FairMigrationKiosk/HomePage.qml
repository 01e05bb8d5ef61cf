import QtQuick
import QtQuick.Layouts
import "AccessibleText.js" as AccessibleText

// The welcome screen: what this is about, and the topics as large tiles. Fits one screen when it can.
Flickable {
    id: view

    required property var kiosk
    property var programme: null
    // Given by PageKeeper.qml, which keeps the page ready behind others: bound only when made elsewhere.
    property var page: kiosk.page
    readonly property bool landscape: width > height * 1.2
    // Where the keyboard focus goes when this page is shown (PageFocus.qml).
    readonly property Item heading: pageTitle

    // Back from a session opened under "On now" or "Next": its row (PageFocus.qml).
    function controlFor(route) {
        return nowNext.rowFor(route)
    }

    objectName: "homePage"
    contentWidth: width
    contentHeight: layout.height + 2 * Theme.margin
    clip: true
    boundsBehavior: Flickable.DragAndOvershootBounds
    flickDeceleration: 2500 * Theme.scale
    maximumFlickVelocity: 6000 * Theme.scale

    GridLayout {
        id: layout
        x: Theme.margin
        y: Theme.margin
        width: view.width - 2 * Theme.margin
        height: Math.max(implicitHeight, view.height - 2 * Theme.margin)
        columns: view.landscape ? 2 : 1
        columnSpacing: Theme.margin
        rowSpacing: Theme.margin

        Column {
            id: hero
            Layout.preferredWidth: view.landscape ? layout.width * 0.38 : layout.width
            Layout.alignment: Qt.AlignTop
            spacing: Theme.gap

            OrganisationMark {
                // A header mark, not a banner: it takes the place of the accent bar below.
                id: organisationMark
                anchors.left: parent.left  // at the reading start, like the accent bar it replaces
                organisation: view.page.organisation
                maximumWidth: parent.width
            }
            Rectangle {
                visible: !organisationMark.visible
                // Anchored, so it marks the reading start (a Column places children at its left).
                objectName: "heroAccent"
                anchors.left: parent.left
                width: Theme.px(72)
                height: Theme.px(8)
                radius: height / 2
                color: Theme.accent
            }
            Text {
                id: pageTitle
                objectName: "pageTitle"
                width: parent.width
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.displaySize
                font.bold: true
                lineHeight: 1.05
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
            Text {
                objectName: "pageSubtitle"
                width: parent.width
                visible: text.length > 0
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingSize - Theme.px(2)
                color: Theme.accent
                text: Theme.readingOrder(view.page.subtitle, LayoutMirroring.enabled)
                Accessible.role: Accessible.StaticText
                Accessible.name: view.page.subtitle || ""
                Accessible.ignored: !visible
            }
            LanguageNote { page: view.page; width: parent.width }
            Text {
                objectName: "pageBody"
                width: parent.width
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
                lineHeight: 1.3
                color: Theme.text
                text: view.page.body || ""
                Accessible.role: Accessible.Paragraph
                Accessible.name: AccessibleText.fromMarkdown(text)
                Accessible.ignored: text.length === 0
            }
            Text {
                width: parent.width
                topPadding: Theme.gap
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                color: Theme.mutedText
                text: qsTr("Touch a topic to explore.")
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }

        // Beside the title and its text (under them in portrait) and read after them, as a sighted visitor
        // reads the screen: what is on now, this office, then the topics. At the top of the page, so that
        // a visitor at a field office sees the office card without scrolling.
        ColumnLayout {
            objectName: "homeMain"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.alignment: Qt.AlignTop
            spacing: Theme.margin

            Loader {
                // At a conference the first question: what is on now, and where. Only within its days:
                // made only then, by file name, so a home page without a programme does not even
                // compile it (start-up time).
                id: nowNext
                objectName: "nowNextLoader"
                active: !!view.programme && !!view.programme.nowNext.visible
                visible: active
                Layout.fillWidth: true
                Component.onCompleted: setSource("NowNext.qml", { programme: view.programme, kiosk: view.kiosk })
                onLoaded: {
                    const made = item  // not `item`, which is null while the Loader lets it go
                    made.sideBySide = Qt.binding(() => made.width >= Theme.px(1000))
                }
                function rowFor(route) {
                    return item ? item.rowFor(route) : null
                }
            }
            Loader {
                // This office, from the machine's settings: made only where there is one.
                objectName: "officeCardLoader"
                active: !!view.page.office
                visible: active
                Layout.fillWidth: true
                Component.onCompleted: setSource("OfficeCard.qml", { compact: true })
                onLoaded: item.office = Qt.binding(() => view.page.office || null)
            }
            CardGrid {
                objectName: "cards"
                kiosk: view.kiosk
                cards: view.page.cards
                maxColumns: 2
                minCardWidth: Theme.px(360)
                Layout.fillWidth: true
                Layout.fillHeight: true
            }
        }
    }

    ScrollBar { flickable: view }
}
