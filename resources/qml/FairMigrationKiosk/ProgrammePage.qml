import QtQuick
import QtQuick.Layouts
import "AccessibleText.js" as AccessibleText

// A conference programme: one day at a time (large day buttons), its sessions in time order. A
// section's, or a collection's that holds sessions: a collection also shows its source and related items.
Flickable {
    id: view

    required property var kiosk
    property var programme: null
    // Given to every content page by Main.qml; a programme page plays and shows nothing itself.
    property var player: null
    property var documents: null
    readonly property var page: kiosk.page
    readonly property var days: page.days || []
    readonly property int dayIndex: programme ? Math.min(programme.dayIndex, Math.max(0, days.length - 1)) : 0
    readonly property var day: days.length > 0 ? days[dayIndex] : ({ date: "", sessions: [] })
    // Where the keyboard focus goes when this page is shown (PageFocus.qml).
    readonly property Item heading: pageTitle

    // Back from a session: its row, for PageFocus.qml to give the focus to (a topic card below is
    // found by CardGrid itself).
    function controlFor(route) {
        for (let index = 0; index < sessionRows.count; ++index) {
            const row = sessionRows.itemAt(index)
            if (row && row.entry.route === route)
                return row
        }
        return null
    }

    objectName: "programmePage"
    contentWidth: width
    contentHeight: layout.implicitHeight + 2 * Theme.margin
    clip: true
    boundsBehavior: Flickable.DragAndOvershootBounds
    flickDeceleration: 2500 * Theme.scale
    maximumFlickVelocity: 6000 * Theme.scale

    ColumnLayout {
        id: layout
        x: Theme.margin
        y: Theme.margin
        width: Math.min(view.width - 2 * Theme.margin, Theme.px(1500))
        spacing: Theme.gap

        Text {
            // A collection says what it is, as on any item's page.
            objectName: "itemKind"
            visible: text.length > 0
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.bold: true
            font.capitalization: Font.AllUppercase
            font.letterSpacing: Theme.px(1)
            color: Theme.accent
            text: Theme.kindLabel(view.page.itemKind || "")
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            Accessible.ignored: !visible
        }
        Text {
            id: pageTitle
            objectName: "pageTitle"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.text
            text: Theme.readingOrder(view.page.title, LayoutMirroring.enabled)
            Accessible.role: Accessible.Heading
            Accessible.name: text
            Accessible.focusable: true
            // The focus lands here on a page change (PageFocus.qml), but the heading is no Tab stop:
            // Tab goes on into the page from here.
            Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
            Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
        }
        LanguageNote { page: view.page; Layout.fillWidth: true }
        Text {
            objectName: "pageSubtitle"
            Layout.fillWidth: true
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
        Text {
            // The editor's text of the section or collection, before its sessions (read aloud as on
            // every page: speech.py names it "pageBody").
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

        Flow {
            // The day switch: one large button a day, the day on show filled.
            objectName: "daySwitch"
            Layout.fillWidth: true
            spacing: Theme.px(16)
            visible: view.days.length > 1
            // Heard as a group of choices, the day on show checked, as the languages are.
            Accessible.role: Accessible.Grouping
            Accessible.name: qsTr("Days of the programme")
            Accessible.ignored: !visible
            Repeater {
                model: view.days
                delegate: TouchButton {
                    required property var modelData
                    required property int index
                    objectName: "day:" + modelData.date
                    checkable: true
                    checked: index === view.dayIndex
                    label: Theme.dayLabel(modelData.date, view.page.language)
                    onActivated: if (view.programme) view.programme.chooseDay(index)
                }
            }
        }
        Text {
            objectName: "dayHeading"
            Layout.fillWidth: true
            topPadding: Theme.px(8)
            horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
            font.family: Theme.fontFamily
            font.pixelSize: Theme.headingSize
            font.bold: true
            color: Theme.text
            text: Theme.dayLabel(view.day.date, view.page.language)
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Repeater {
            id: sessionRows
            model: view.day.sessions
            delegate: SessionRow {
                required property var modelData
                entry: modelData
                Layout.fillWidth: true
                onActivated: route => view.kiosk.open(route)
                Component.onCompleted: if (entry.route === view.kiosk.place.focus) forceActiveFocus()
            }
        }
        Text {
            objectName: "timeZoneNote"
            Layout.fillWidth: true
            visible: !!view.page.timeZone
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            color: Theme.mutedText
            text: qsTr("Times are local time at the venue (%1).").arg(view.page.timeZone || "")
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            Accessible.ignored: !visible
        }
        CardGrid {
            objectName: "cards"
            kiosk: view.kiosk
            cards: view.page.cards
            Layout.fillWidth: true
            Layout.topMargin: Theme.px(8)
        }

        // A collection's page is an item's page: where it comes from, and what to see after it. Below
        // the programme, which is what a visitor came for (a section has neither).
        SourcePanel {
            visible: !!view.page.itemKind
            page: view.page
            title: view.page.title || ""
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.readingWidth
            Layout.topMargin: Theme.px(8)
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
            Layout.fillWidth: true
        }
    }

    ScrollBar { flickable: view }
}
