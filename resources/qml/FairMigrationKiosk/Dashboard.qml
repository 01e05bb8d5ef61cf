import QtQuick

// The admin panel's Visitors view: how many came, when, what they looked at, in which language, and
// what they searched for, over the last 7, 14 or 30 days. Every figure arrives ready from the
// dashboard view model; this file only lays it out. Scrolls when taller than the panel.
Flickable {
    id: view

    required property var dashboard
    readonly property bool wide: width >= Theme.px(1400)
    // Clear of the scroll bar at the right edge.
    readonly property real usableWidth: width - Theme.px(20)
    readonly property real columnWidth: wide ? (usableWidth - Theme.gap) / 2 : usableWidth
    readonly property bool showFigures: dashboard.available && dashboard.hasVisits

    objectName: "dashboard"
    contentWidth: width
    contentHeight: content.height
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    flickDeceleration: 2500 * Theme.scale
    maximumFlickVelocity: 6000 * Theme.scale
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Visitors")

    Column {
        id: content
        width: view.usableWidth
        spacing: Theme.gap

        Rectangle {
            id: recorderNote
            objectName: "recorderNote"
            visible: view.dashboard.recorderNote !== ""
            width: parent.width
            height: noteText.implicitHeight + 2 * Theme.px(18)
            radius: Theme.radius
            color: Theme.noticeSoft
            Text {
                id: noteText
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.px(24) }
                wrapMode: Text.Wrap
                objectName: "recorderNoteText"
                text: view.dashboard.recorderNote
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Theme.notice
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
        }

        // What the figures cover, and the choice of period: nothing to choose before any visit.
        Flow {
            visible: view.dashboard.state !== "missing"
            width: parent.width
            spacing: Theme.gap
            Text {
                objectName: "dashboardRange"
                height: Theme.touchTarget
                verticalAlignment: Text.AlignVCenter
                text: view.dashboard.rangeText !== "" ? qsTr("Last %n day(s): %1", "", view.dashboard.period).arg(view.dashboard.rangeText)
                                                      : qsTr("Last %n day(s)", "", view.dashboard.period)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Theme.text
            }
            Row {
                spacing: Theme.px(12)
                Accessible.role: Accessible.Grouping
                Accessible.name: qsTr("Period shown")
                Repeater {
                    model: view.dashboard.periods
                    delegate: TouchButton {
                        required property int modelData
                        objectName: "period:" + modelData
                        compact: true
                        label: qsTr("%n day(s)", "", modelData)
                        accessibleName: qsTr("Show the last %n day(s)", "", modelData)
                        checkable: true
                        checked: view.dashboard.period === modelData
                        onActivated: view.dashboard.setPeriod(modelData)
                    }
                }
            }
            Text {
                objectName: "dashboardLoading"
                visible: view.dashboard.loading
                height: Theme.touchTarget
                verticalAlignment: Text.AlignVCenter
                text: qsTr("Reading the visit records\u2026")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
                color: Theme.mutedText
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }

        // Nothing to draw: say why, plainly.
        Rectangle {
            visible: !view.showFigures && !(view.dashboard.loading && view.dashboard.state === "idle")
            width: parent.width
            height: emptyColumn.implicitHeight + 2 * Theme.px(40)
            radius: Theme.radius
            color: Theme.surface
            border.width: Math.max(1, Theme.px(2))
            border.color: Theme.border
            Column {
                id: emptyColumn
                x: Theme.px(40)
                y: Theme.px(40)
                width: parent.width - 2 * x
                spacing: Theme.px(12)
                Text {
                    objectName: "dashboardEmpty"
                    width: parent.width
                    wrapMode: Text.Wrap
                    text: view.dashboard.state === "failed" ? qsTr("The visit records could not be read")
                        : view.dashboard.state === "ready" ? qsTr("No visits in the last %n day(s)", "", view.dashboard.period)
                        : qsTr("No visits recorded yet")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.headingSize
                    font.bold: true
                    color: Theme.text
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                Text {
                    width: parent.width
                    wrapMode: Text.Wrap
                    text: view.dashboard.state === "failed" ? qsTr("The details are in the log files. The kiosk itself is not affected.")
                        : view.dashboard.state === "ready" ? qsTr("Choose a longer period to see earlier visits.")
                        : qsTr("The figures appear here once visitors have used the kiosk.")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodySize
                    color: Theme.mutedText
                }
            }
        }

        // The three numbers staff are asked for first.
        Flow {
            id: totals
            visible: view.showFigures
            width: parent.width
            spacing: Theme.gap
            readonly property int across: width >= Theme.px(900) ? 3 : 1
            readonly property real tileWidth: (width - (across - 1) * spacing) / across
            // The same height for all three, whether a label takes one line or two.
            readonly property real tallest: {
                let tallest = 0
                for (const tile of children)
                    tallest = Math.max(tallest, tile.implicitHeight)
                return tallest
            }
            Repeater {
                model: [
                    { key: "sessions", value: view.dashboard.sessionsText, label: qsTr("Visitor sessions") },
                    { key: "average", value: view.dashboard.averageVisitText, label: qsTr("Average visit") },
                    { key: "idle", value: view.dashboard.endedByIdleText, label: qsTr("Ended by idle") }
                ]
                delegate: Rectangle {
                    required property var modelData
                    width: totals.tileWidth
                    implicitHeight: tileColumn.implicitHeight + 2 * Theme.px(24)
                    height: totals.tallest
                    radius: Theme.radius
                    color: Theme.surface
                    border.width: Math.max(1, Theme.px(2))
                    border.color: Theme.border
                    Accessible.role: Accessible.StaticText
                    Accessible.name: modelData.label + ": " + modelData.value
                    Column {
                        id: tileColumn
                        x: Theme.px(28)
                        y: Theme.px(24)
                        width: parent.width - 2 * x
                        Text {
                            objectName: "total:" + modelData.key
                            width: parent.width
                            height: Math.round(Theme.displaySize * 1.4)
                            verticalAlignment: Text.AlignVCenter
                            // A long value ("2 h 15 min") shrinks to its tile rather than losing its end.
                            fontSizeMode: Text.HorizontalFit
                            minimumPixelSize: Theme.bodySize
                            text: modelData.value
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.displaySize
                            font.bold: true
                            color: Theme.accent
                        }
                        Text {
                            width: parent.width
                            wrapMode: Text.Wrap
                            maximumLineCount: 2
                            elide: Text.ElideRight
                            text: modelData.label
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.smallSize
                            color: Theme.mutedText
                        }
                    }
                }
            }
        }

        // The whole width: a month of days needs it.
        DashboardCard {
            objectName: "chart:byDay"
            visible: view.showFigures
            width: parent.width
            heading: qsTr("Visitor sessions by day")
            ColumnChart {
                width: parent.width
                name: "byDay"
                entries: view.dashboard.byDay
            }
        }

        // On a wide screen, the hours, languages and searches on the left, what visitors looked at on
        // the right; on a tall one, the hours, then what they looked at, then the rest.
        Item {
            visible: view.showFigures
            width: parent.width
            height: view.wide ? Math.max(hours.height + Theme.gap + how.height, what.height)
                              : hours.height + what.height + how.height + 2 * Theme.gap

            Column {
                id: hours
                width: view.columnWidth
                spacing: Theme.gap
                DashboardCard {
                    objectName: "chart:byHour"
                    width: parent.width
                    heading: qsTr("Visitor sessions by hour of the day")
                    caption: qsTr("Local time on this kiosk.")
                    ColumnChart {
                        width: parent.width
                        name: "byHour"
                        entries: view.dashboard.byHour
                        barAreaHeight: Theme.px(160)
                    }
                }
            }

            Column {
                id: what
                x: view.wide ? view.columnWidth + Theme.gap : 0
                y: view.wide ? 0 : hours.height + Theme.gap
                width: view.columnWidth
                spacing: Theme.gap
                DashboardCard {
                    objectName: "chart:topItems"
                    width: parent.width
                    heading: qsTr("Most viewed")
                    caption: qsTr("The pages opened most often, and the time visitors spent on each.")
                    empty: view.dashboard.topItems.length === 0
                    emptyText: qsTr("No page was opened.")
                    BarList {
                        width: parent.width
                        name: "topItems"
                        entries: view.dashboard.topItems
                        stacked: true
                    }
                }
                DashboardCard {
                    objectName: "chart:videos"
                    width: parent.width
                    heading: qsTr("Video completion")
                    caption: qsTr("How much of each video visitors watched, on average.")
                    empty: view.dashboard.videos.length === 0
                    emptyText: qsTr("No video was played.")
                    BarList {
                        width: parent.width
                        name: "videos"
                        entries: view.dashboard.videos
                        stacked: true
                        showTrack: true
                    }
                }
            }

            Column {
                id: how
                y: view.wide ? hours.height + Theme.gap : what.y + what.height + Theme.gap
                width: view.columnWidth
                spacing: Theme.gap
                DashboardCard {
                    objectName: "chart:languages"
                    width: parent.width
                    heading: qsTr("Languages used")
                    caption: qsTr("A visitor who switched language counts in each.")
                    empty: view.dashboard.languages.length === 0
                    emptyText: qsTr("No language recorded.")
                    BarList {
                        width: parent.width
                        name: "languages"
                        entries: view.dashboard.languages
                    }
                }
                DashboardCard {
                    objectName: "chart:searches"
                    width: parent.width
                    heading: qsTr("Top searches")
                    empty: view.dashboard.searches.length === 0
                    emptyText: qsTr("Nobody searched.")
                    BarList {
                        width: parent.width
                        name: "searches"
                        entries: view.dashboard.searches
                    }
                }
            }
        }
    }

    ScrollBar { flickable: view }
}
