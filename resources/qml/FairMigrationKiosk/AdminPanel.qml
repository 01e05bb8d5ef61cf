import QtQuick

// Behind the PIN: what booth staff need to know at a glance (what content, since when, is the machine
// healthy, what went wrong lately), the self-test, and the ways to reload, restart or leave the kiosk.
Rectangle {
    id: panel

    required property var admin
    // The visitor dashboard's view model; without one (as in older wirings) there is no Visitors tab.
    property var dashboard: null
    // Content packs, expired items and the export of visits; without one there is no Content tab.
    property var updates: null
    // "status" (the machine and the self-test) or "visitors" (the dashboard).
    property string view: "status"
    signal closed()

    // "restart" or "exit" while asking once more: a slip of the finger must not close the kiosk.
    property string confirming: ""
    readonly property bool wide: width >= height
    readonly property int cardPadding: Theme.px(28)

    color: Theme.background
    Accessible.role: Accessible.Dialog
    Accessible.name: qsTr("Admin panel")

    // Touches stay on the panel; each one tells the model someone is still here.
    MouseArea { anchors.fill: parent }
    Item {
        // Above everything, so it sees every touch first, even one that scrolls a list or the figures;
        // a PointHandler grabs nothing, so the touch goes on to what is under it. (On the panel itself
        // it heard only what no child had taken.)
        anchors.fill: parent
        z: 100
        PointHandler { onActiveChanged: if (active) panel.admin.touched() }
    }

    Connections {
        target: panel.admin
        function onClosed() { panel.closed() }
    }

    function sizeText(bytes) {
        if (bytes < 0)
            return qsTr("unknown")
        const gigabytes = bytes / 1073741824
        if (gigabytes >= 1)
            return qsTr("%1 GB").arg(gigabytes.toFixed(gigabytes >= 100 ? 0 : 1))
        return qsTr("%1 MB").arg(Math.round(bytes / 1048576))
    }
    function durationText(seconds) {
        const days = Math.floor(seconds / 86400)
        const hours = Math.floor(seconds % 86400 / 3600)
        const minutes = Math.floor(seconds % 3600 / 60)
        if (days > 0)
            return qsTr("%1 d %2 h %3 min").arg(days).arg(hours).arg(minutes)
        if (hours > 0)
            return qsTr("%1 h %2 min").arg(hours).arg(minutes)
        if (minutes > 0)
            return qsTr("%1 min %2 s").arg(minutes).arg(seconds % 60)
        return qsTr("%1 s").arg(seconds)
    }
    function diskText(name) {
        const disk = admin.disks.find(d => d.name === name)
        return disk ? qsTr("%1 free of %2").arg(sizeText(disk.free)).arg(sizeText(disk.total)) : qsTr("unknown")
    }

    Rectangle {
        id: header
        // On a narrow screen, or in a longer language, the tabs take a row of their own under the title
        // rather than squeezing it.
        readonly property bool stacked: tabs.visible
            && titleMetrics.width + tabs.width + closeButton.width + 2 * Theme.margin + 2 * Theme.gap > width
        readonly property real rowHeight: Theme.touchTarget + Theme.px(40)
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: stacked ? 2 * rowHeight - Theme.px(24) : rowHeight
        color: Theme.surface
        TextMetrics {
            id: titleMetrics
            text: qsTr("Admin panel")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.bold: true
        }
        Rectangle {
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            height: Math.max(1, Theme.px(2))
            color: Theme.border
        }
        Text {
            objectName: "adminTitle"
            anchors {
                left: parent.left; leftMargin: Theme.margin
                right: header.stacked ? closeButton.left : tabs.left; rightMargin: Theme.gap
                verticalCenter: closeButton.verticalCenter
            }
            elide: Text.ElideRight
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.headingSize
            text: qsTr("Admin panel")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.text
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Row {
            id: tabs
            visible: panel.dashboard !== null || panel.updates !== null
            x: header.stacked ? Theme.margin : closeButton.x - Theme.gap - width
            anchors.verticalCenter: header.stacked ? undefined : closeButton.verticalCenter
            y: header.stacked ? header.height - Theme.px(20) - height : 0
            spacing: Theme.px(12)
            Accessible.role: Accessible.PageTabList
            Accessible.name: qsTr("Admin panel views")
            TouchButton {
                objectName: "statusTab"
                label: qsTr("Status")
                accessibleName: qsTr("Status: the content, the machine and the self-test")
                accessibleRole: Accessible.PageTab
                checkable: true
                checked: panel.view === "status"
                onActivated: { panel.view = "status"; panel.admin.touched() }
            }
            TouchButton {
                objectName: "visitorsTab"
                visible: panel.dashboard !== null
                label: qsTr("Visitors")
                accessibleName: qsTr("Visitors: what visitors looked at, and when")
                accessibleRole: Accessible.PageTab
                checkable: true
                checked: panel.view === "visitors"
                onActivated: { panel.view = "visitors"; panel.admin.touched() }
            }
            TouchButton {
                objectName: "contentTab"
                visible: panel.updates !== null
                label: qsTr("Content")
                accessibleName: qsTr("Content: new content from a USB drive, the previous content, out-of-date items, and the visits export")
                accessibleRole: Accessible.PageTab
                checkable: true
                checked: panel.view === "content"
                onActivated: { panel.view = "content"; panel.admin.touched() }
            }
        }
        TouchButton {
            id: closeButton
            objectName: "adminCloseButton"
            anchors { right: parent.right; rightMargin: Theme.margin }
            y: (header.rowHeight - height) / 2
            label: qsTr("Close")
            accessibleName: qsTr("Close the admin panel and go back to the kiosk")
            primary: true
            onActivated: panel.admin.close()
        }
    }

    Loader {
        objectName: "dashboardLoader"
        anchors {
            left: parent.left; right: parent.right; top: header.bottom; bottom: actions.top
            leftMargin: Theme.margin; rightMargin: Theme.margin - Theme.px(20)
            topMargin: Theme.gap; bottomMargin: Theme.gap
        }
        // Made when first shown: most visits to the panel are for the machine, not the figures.
        active: panel.dashboard !== null && panel.view === "visitors"
        visible: active
        sourceComponent: Dashboard { dashboard: panel.dashboard }
    }

    Loader {
        objectName: "contentUpdatesLoader"
        anchors {
            left: parent.left; right: parent.right; top: header.bottom; bottom: actions.top
            leftMargin: Theme.margin; rightMargin: Theme.margin - Theme.px(20)
            topMargin: Theme.gap; bottomMargin: Theme.gap
        }
        active: panel.updates !== null && panel.view === "content"
        visible: active
        sourceComponent: ContentUpdates { updates: panel.updates }
    }

    Item {
        id: body
        visible: panel.view === "status"
        anchors {
            left: parent.left; right: parent.right; top: header.bottom; bottom: actions.top
            margins: Theme.margin
            topMargin: Theme.gap
            bottomMargin: Theme.gap
        }
        readonly property real columnWidth: panel.wide ? (width - Theme.gap) * 0.46 : width

        Rectangle {
            id: safeModeNote
            objectName: "safeModeNote"
            visible: panel.admin.safeMode
            width: parent.width
            height: visible ? safeModeText.implicitHeight + 2 * Theme.px(18) : 0
            radius: Theme.radius
            color: Theme.noticeSoft
            Text {
                id: safeModeText
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.px(24) }
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
                color: Theme.notice
                textFormat: Text.StyledText
                text: "<b>" + qsTr("Safe mode.") + "</b> "
                      + qsTr("The kiosk stopped unexpectedly three times within ten minutes, so it now shows the bundled content. Look at the last errors, run the self-test on your content, then restart.")
                Accessible.role: Accessible.AlertMessage
                Accessible.name: qsTr("Safe mode: the kiosk stopped unexpectedly three times within ten minutes and now shows the bundled content.")
            }
        }

        Rectangle {
            id: infoCard
            objectName: "adminInfo"
            y: safeModeNote.visible ? safeModeNote.height + Theme.gap : 0
            width: body.columnWidth
            height: infoColumn.implicitHeight + 2 * panel.cardPadding
            radius: Theme.radius
            color: Theme.surface
            border.width: Math.max(1, Theme.px(2))
            border.color: Theme.border

            Column {
                id: infoColumn
                x: panel.cardPadding
                y: panel.cardPadding
                width: parent.width - 2 * panel.cardPadding
                spacing: Theme.px(10)

                Repeater {
                    model: [
                        { key: "title", label: qsTr("Content"), value: panel.admin.contentTitle },
                        { key: "version", label: qsTr("Version"), value: panel.admin.contentVersion },
                        { key: "reviewed", label: qsTr("Last reviewed"), value: panel.admin.reviewed || qsTr("not stated") },
                        { key: "folder", label: qsTr("Content folder"), value: panel.admin.contentFolder },
                        { key: "uptime", label: qsTr("Running for"), value: panel.durationText(panel.admin.uptimeSeconds) },
                        { key: "memory", label: qsTr("Memory in use"), value: panel.sizeText(panel.admin.memoryBytes) },
                        { key: "diskContent", label: qsTr("Disk (content)"), value: panel.diskText("content") },
                        { key: "diskCache", label: qsTr("Disk (cache)"), value: panel.diskText("cache") },
                        { key: "software", label: qsTr("Kiosk software"), value: panel.admin.appVersion },
                        { key: "logs", label: qsTr("Log files"), value: panel.admin.logFolder }
                    ]
                    delegate: Row {
                        required property var modelData
                        width: infoColumn.width
                        spacing: Theme.px(16)
                        Accessible.role: Accessible.StaticText
                        Accessible.name: modelData.label + ": " + modelData.value
                        Text {
                            width: parent.width * 0.4 - parent.spacing
                            elide: Text.ElideRight
                            text: modelData.label
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.smallSize
                            color: Theme.mutedText
                            anchors.baseline: value.baseline
                        }
                        Text {
                            id: value
                            objectName: "info:" + modelData.key
                            width: parent.width * 0.6
                            // A long path keeps both ends: the drive and the folder's own name.
                            elide: modelData.key === "folder" || modelData.key === "logs" ? Text.ElideMiddle : Text.ElideRight
                            text: modelData.value
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.bodySize
                            font.bold: modelData.key === "title"
                            color: Theme.text
                        }
                    }
                }
            }
        }

        Rectangle {
            id: errorsCard
            objectName: "adminErrors"
            y: infoCard.y + infoCard.height + Theme.gap
            width: body.columnWidth
            height: panel.wide ? body.height - y
                               : Math.max(Theme.px(240), Math.min(body.height * 0.24, errorsHeading.height + errorList.contentHeight + 2 * panel.cardPadding + Theme.px(12)))
            radius: Theme.radius
            color: Theme.surface
            border.width: Math.max(1, Theme.px(2))
            border.color: Theme.border

            Text {
                id: errorsHeading
                x: panel.cardPadding
                y: panel.cardPadding
                width: parent.width - 2 * panel.cardPadding
                elide: Text.ElideRight
                text: qsTr("Last warnings and errors")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                objectName: "noErrors"
                visible: errorList.count === 0
                anchors { left: errorsHeading.left; right: errorsHeading.right; top: errorsHeading.bottom; topMargin: Theme.px(12) }
                wrapMode: Text.Wrap
                text: qsTr("Nothing has gone wrong since the kiosk started.")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
                color: Theme.mutedText
            }
            ListView {
                id: errorList
                objectName: "errorList"
                anchors {
                    left: errorsHeading.left; right: errorsHeading.right
                    top: errorsHeading.bottom; topMargin: Theme.px(12)
                    bottom: parent.bottom; bottomMargin: panel.cardPadding
                }
                clip: true
                spacing: Theme.px(12)
                boundsBehavior: Flickable.StopAtBounds
                model: panel.admin.recentErrors
                Accessible.role: Accessible.List
                Accessible.name: errorsHeading.text
                delegate: Column {
                    required property var modelData
                    required property int index
                    objectName: "error:" + index
                    width: errorList.width - Theme.px(16)
                    Accessible.role: Accessible.ListItem
                    Accessible.name: modelData.time + " " + modelData.level + ": " + modelData.text
                    Text {
                        width: parent.width
                        elide: Text.ElideRight
                        text: modelData.time + "  " + modelData.level
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.smallSize
                        font.bold: true
                        color: Theme.mutedText
                    }
                    Text {
                        width: parent.width
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                        text: modelData.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.smallSize
                        color: Theme.text
                    }
                }
                ScrollBar { flickable: errorList }
            }
        }

        Rectangle {
            id: selfTestCard
            objectName: "adminSelfTest"
            x: panel.wide ? body.columnWidth + Theme.gap : 0
            y: panel.wide ? infoCard.y : errorsCard.y + errorsCard.height + Theme.gap
            width: panel.wide ? body.width - x : body.width
            height: body.height - y
            radius: Theme.radius
            color: Theme.surface
            border.width: Math.max(1, Theme.px(2))
            border.color: Theme.border

            Text {
                id: selfTestHeading
                x: panel.cardPadding
                anchors.verticalCenter: runButton.verticalCenter
                text: qsTr("Self-test")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Rectangle {
                id: statusChip
                readonly property string status: panel.admin.selfTestStatus
                visible: status !== ""
                anchors { left: selfTestHeading.right; leftMargin: Theme.gap; verticalCenter: runButton.verticalCenter }
                width: statusText.implicitWidth + Theme.px(32)
                height: statusText.implicitHeight + Theme.px(12)
                radius: height / 2
                color: status === "failed" ? Theme.noticeSoft : Theme.accentSoft
                Text {
                    id: statusText
                    objectName: "selfTestStatus"
                    anchors.centerIn: parent
                    text: statusChip.status === "running" ? qsTr("Running\u2026")
                        : statusChip.status === "passed" ? qsTr("\u2713 Passed")
                        : statusChip.status === "failed" ? qsTr("Failed") : ""
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.smallSize
                    font.bold: true
                    color: statusChip.status === "failed" ? Theme.notice : Theme.text
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("Self-test: %1").arg(text)
                }
            }
            TouchButton {
                id: runButton
                objectName: "runSelfTestButton"
                anchors { right: parent.right; rightMargin: panel.cardPadding; top: parent.top; topMargin: panel.cardPadding }
                label: panel.admin.selfTestStatus === "" ? qsTr("Run self-test") : qsTr("Run again")
                accessibleName: qsTr("Run the self-test")
                primary: true
                enabled: !panel.admin.selfTestRunning
                onActivated: panel.admin.runSelfTest()
            }
            Text {
                objectName: "selfTestHint"
                visible: logView.count === 0
                anchors { left: parent.left; right: parent.right; top: runButton.bottom; margins: panel.cardPadding }
                wrapMode: Text.Wrap
                text: qsTr("Checks the content, every page in every language, and every video, document and picture, as visitors would meet them. It takes about half a minute; the kiosk keeps running meanwhile.")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
                color: Theme.mutedText
            }
            ListView {
                id: logView
                objectName: "selfTestLog"
                anchors {
                    left: parent.left; right: parent.right; top: runButton.bottom; bottom: parent.bottom
                    leftMargin: panel.cardPadding; rightMargin: panel.cardPadding
                    topMargin: Theme.gap; bottomMargin: panel.cardPadding
                }
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                model: panel.admin.selfTestLog
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Self-test report")
                // The newest line in view, as in a terminal.
                onCountChanged: Qt.callLater(positionViewAtEnd)
                delegate: Rectangle {
                    required property string modelData
                    required property int index
                    readonly property bool failed: modelData.startsWith("FAIL") || modelData.startsWith("Self-test FAILED")
                    width: logView.width - Theme.px(16)
                    height: line.implicitHeight + Theme.px(8)
                    color: failed ? Theme.noticeSoft : "transparent"
                    radius: Theme.px(6)
                    Accessible.role: Accessible.ListItem
                    Accessible.name: modelData
                    Text {
                        id: line
                        objectName: "selfTestLine:" + index
                        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: Theme.px(8) }
                        wrapMode: Text.Wrap
                        text: modelData
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.smallSize
                        font.bold: failed || modelData.startsWith("Self-test")
                        color: failed ? Theme.notice : modelData.startsWith("PASS") ? Theme.text : Theme.mutedText
                    }
                }
                ScrollBar { flickable: logView }
            }
        }
    }

    Rectangle {
        id: actions
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Math.max(buttons.height, confirm.height) + 2 * Theme.px(20)
        color: Theme.surface
        Rectangle {
            anchors { left: parent.left; right: parent.right; top: parent.top }
            height: Math.max(1, Theme.px(2))
            color: Theme.border
        }

        Flow {
            id: buttons
            visible: panel.confirming === ""
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: Theme.margin; rightMargin: Theme.margin }
            spacing: Theme.gap
            TouchButton {
                objectName: "reloadButton"
                label: qsTr("Reload content")
                accessibleName: qsTr("Reload the content from its folder")
                onActivated: panel.admin.reload()
            }
            TouchButton {
                objectName: "restartButton"
                label: qsTr("Restart kiosk")
                onActivated: panel.confirming = "restart"
            }
            TouchButton {
                objectName: "exitButton"
                label: qsTr("Exit to desktop")
                accessibleName: qsTr("Close the kiosk and show the desktop")
                onActivated: panel.confirming = "exit"
            }
        }

        Flow {
            id: confirm
            visible: panel.confirming !== ""
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: Theme.margin; rightMargin: Theme.margin }
            spacing: Theme.gap
            Text {
                objectName: "confirmQuestion"
                width: Math.min(implicitWidth, confirm.width)
                height: Math.max(Theme.touchTarget, implicitHeight)
                verticalAlignment: Text.AlignVCenter
                wrapMode: Text.Wrap
                text: panel.confirming === "exit"
                      ? qsTr("Exit to the desktop? The kiosk stays closed until someone starts it again.")
                      : qsTr("Restart the kiosk? It is back in a few seconds.")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Theme.text
            }
            TouchButton {
                objectName: "confirmButton"
                primary: true
                label: panel.confirming === "exit" ? qsTr("Exit to desktop") : qsTr("Restart kiosk")
                onActivated: {
                    const chosen = panel.confirming
                    panel.confirming = ""
                    if (chosen === "exit")
                        panel.admin.exitToDesktop()
                    else
                        panel.admin.restart()
                }
            }
            TouchButton {
                objectName: "confirmCancelButton"
                label: qsTr("Cancel")
                onActivated: panel.confirming = ""
            }
        }
    }
}
