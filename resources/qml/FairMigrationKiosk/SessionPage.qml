import QtQuick
import QtQuick.Layouts

// One session of the programme: when, where, who speaks, in which languages; a QR code that adds it
// to the visitor's phone calendar, beside the usual address QR code and related items.
Flickable {
    id: view

    required property var kiosk
    // Given to every content page by Main.qml; a session page plays and shows nothing itself.
    property var player: null
    property var documents: null
    readonly property var page: kiosk.page
    readonly property bool wide: width >= Theme.px(1500)
    // Where the keyboard focus goes when this page is shown (PageFocus.qml).
    readonly property Item heading: pageTitle

    objectName: "sessionPage"
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
        columns: view.wide ? 2 : 1
        columnSpacing: Theme.margin * 1.5
        rowSpacing: Theme.gap

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.readingWidth
            spacing: Theme.gap

            Text {
                objectName: "itemKind"
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                font.bold: true
                font.capitalization: Font.AllUppercase
                font.letterSpacing: Theme.px(1)
                color: Theme.accent
                text: Theme.kindLabel("session")
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
                lineHeight: 1.08
                color: Theme.text
                text: Theme.readingOrder(view.page.title, LayoutMirroring.enabled)
                Accessible.role: Accessible.Heading
                Accessible.name: text
                Accessible.focusable: true
                // The focus lands here on a page change (PageFocus.qml), but the heading is no Tab
                // stop: Tab goes on into the page from here.
                Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
                Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
            }
            LanguageNote { page: view.page; Layout.fillWidth: true }

            Text {
                objectName: "sessionWhen"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.accent
                text: Theme.dayLabel(view.page.day, view.page.language) + "  \u00B7  "
                      + "\u2066" + view.page.start + "\u2013" + view.page.end + "\u2069"
                Accessible.role: Accessible.StaticText
                // Without the dot and the marks that keep the times left to right on screen.
                Accessible.name: Theme.dayLabel(view.page.day, view.page.language) + ", "
                                 + view.page.start + "\u2013" + view.page.end
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
            Text {
                objectName: "sessionRoom"
                Layout.fillWidth: true
                visible: !!view.page.room
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingSize - Theme.px(4)
                color: Theme.text
                text: qsTr("Room: %1").arg(view.page.room || "")
                Accessible.role: Accessible.StaticText
                Accessible.name: text
                Accessible.ignored: !visible
            }
            Text {
                objectName: "sessionLanguages"
                Layout.fillWidth: true
                visible: (view.page.heldIn || []).length > 0
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
                color: Theme.mutedText
                text: qsTr("Held in: %1").arg((view.page.heldIn || []).join("  \u00B7  "))
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Held in: %1").arg((view.page.heldIn || []).join(", "))
                Accessible.ignored: !visible
            }

            Column {
                objectName: "speakers"
                Layout.fillWidth: true
                visible: (view.page.speakers || []).length > 0
                spacing: Theme.px(10)
                Text {
                    width: parent.width
                    topPadding: Theme.px(8)
                    horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.smallSize
                    font.bold: true
                    font.capitalization: Font.AllUppercase
                    font.letterSpacing: Theme.px(1)
                    color: Theme.mutedText
                    text: qsTr("Speakers")
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                    Accessible.ignored: !visible
                }
                Repeater {
                    model: view.page.speakers || []
                    delegate: Column {
                        required property var modelData
                        required property int index
                        // Read aloud marks a speaker's name and role together (speech.py).
                        objectName: "speakerEntry:" + index
                        width: parent.width
                        Text {
                            objectName: "speaker:" + modelData.name
                            width: parent.width
                            wrapMode: Text.Wrap
                            horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.bodySize
                            font.bold: true
                            color: Theme.text
                            text: modelData.name
                            Accessible.role: Accessible.StaticText
                            Accessible.name: text
                            Accessible.ignored: !visible
                        }
                        Text {
                            width: parent.width
                            visible: text.length > 0
                            wrapMode: Text.Wrap
                            horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.smallSize + Theme.px(2)
                            color: Theme.mutedText
                            text: [modelData.role, modelData.organisation].filter(t => !!t).join("  \u00B7  ")
                            Accessible.role: Accessible.StaticText
                            Accessible.name: [modelData.role, modelData.organisation].filter(t => !!t).join(", ")
                            Accessible.ignored: !visible
                        }
                    }
                }
            }

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
                objectName: "pageBody"
                Layout.fillWidth: true
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
        }

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: true
            Layout.minimumWidth: view.wide ? Theme.px(440) : 0
            Layout.topMargin: view.wide ? Theme.px(56) : Theme.gap
            spacing: Theme.gap

            Rectangle {
                objectName: "calendarPanel"
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.readingWidth
                implicitHeight: calendarRow.implicitHeight + 2 * Theme.px(24)
                radius: Theme.radius
                color: Theme.surface
                border.width: Math.max(1, Theme.px(2))
                border.color: Theme.border
                Row {
                    id: calendarRow
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(24) }
                    spacing: Theme.px(20)
                    QrCode {
                        id: calendarCode
                        objectName: "calendarQr"
                        url: view.page.calendarText || ""
                        displayUrl: qsTr("an event for your calendar")
                        spokenName: qsTr("QR code: add to calendar, %1").arg(view.page.title || "")
                        size: Theme.px(240)
                    }
                    Text {
                        objectName: "calendarText"
                        width: parent.width - calendarCode.width - parent.spacing
                        anchors.verticalCenter: parent.verticalCenter
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignLeft  // explicit, so it mirrors right to left
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.bodySize - Theme.px(2)
                        color: Theme.text
                        text: qsTr("Scan with your phone's camera to add this session to your calendar.")
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                }
            }
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
