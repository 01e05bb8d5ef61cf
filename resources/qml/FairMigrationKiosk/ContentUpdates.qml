import QtQuick

// The admin panel's "Content" view: which content pack is on show, a newer one from a USB drive,
// the way back to the previous one, items past their date, and the visits record onto a USB drive.
Flickable {
    id: view

    required property var updates
    readonly property int cardPadding: Theme.px(28)
    readonly property bool wide: width >= height
    // "rollback" or "bundled" while asking once more: going back replaces what visitors see.
    property string confirming: ""

    contentHeight: wide ? Math.max(packColumn.implicitHeight, otherColumn.implicitHeight)
                        : packColumn.implicitHeight + Theme.gap + otherColumn.implicitHeight
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    Component.onCompleted: updates.refresh()

    function messageText(code) {
        switch (code) {
        case "noDrive": return qsTr("No USB drive found. Plug one in and try again.")
        case "noPack": return qsTr("There is no content pack (.kpack file) on the USB drive.")
        case "shownWhenIdle": return qsTr("Installed. The new content shows as soon as nobody is using the kiosk, or when you restart it.")
        case "shownAtRestart": return qsTr("Installed. Restart the kiosk to show the new content.")
        case "shownAtNextStart": return qsTr("Installed. This kiosk was started on another content folder: the pack shows when it starts without one.")
        }
        return ""
    }

    component UpdateCard: Rectangle {
        default property alias content: inner.data
        width: parent ? parent.width : 0
        height: inner.implicitHeight + 2 * view.cardPadding
        radius: Theme.radius
        color: Theme.surface
        border.width: Math.max(1, Theme.px(2))
        border.color: Theme.border
        Column {
            id: inner
            x: view.cardPadding
            y: view.cardPadding
            width: parent.width - 2 * view.cardPadding
            spacing: Theme.px(14)
        }
    }
    component Heading: Text {
        width: parent ? parent.width : implicitWidth
        wrapMode: Text.Wrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.headingSize
        font.bold: true
        color: Theme.text
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    component Body: Text {
        width: parent ? parent.width : implicitWidth
        wrapMode: Text.Wrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodySize
        color: Theme.text
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }

    // Side by side on a wide screen, one under the other on a tall one.
    readonly property real columnWidth: wide ? (width - Theme.px(16) - Theme.gap) / 2 : width - Theme.px(16)

    Column {
        id: packColumn
        width: view.columnWidth
        spacing: Theme.gap

        UpdateCard {
            objectName: "packCard"
            Heading { text: qsTr("Content on show") }
            Body {
                objectName: "onShow"
                text: view.updates.onShow
                font.bold: true
            }
            Body {
                objectName: "activePack"
                visible: view.updates.changesAtRestart
                text: qsTr("From the next start: %1").arg(view.updates.activePack || qsTr("the content that came with the app"))
                color: Theme.notice
                font.bold: true
            }
            Body {
                objectName: "previousPack"
                visible: view.updates.previousPack !== ""
                text: qsTr("Kept to go back to: %1").arg(view.updates.previousPack)
                color: Theme.mutedText
            }
            Body {
                visible: !view.updates.packsInUse
                text: qsTr("This kiosk was started on a content folder of its own, so installed packs show only when it starts without one.")
                color: Theme.mutedText
            }
            Flow {
                width: parent.width
                spacing: Theme.gap
                visible: view.updates.canRollBack || view.updates.canUseBundled
                TouchButton {
                    objectName: "rollBackButton"
                    visible: view.confirming === "" && view.updates.canRollBack
                    label: qsTr("Go back to the previous content")
                    onActivated: view.confirming = "rollback"
                }
                TouchButton {
                    objectName: "useBundledButton"
                    visible: view.confirming === "" && view.updates.canUseBundled
                    label: qsTr("Show the content that came with the app")
                    onActivated: view.confirming = "bundled"
                }
                Text {
                    visible: view.confirming !== ""
                    width: Math.min(implicitWidth, parent.width)
                    height: Math.max(Theme.touchTarget, implicitHeight)
                    verticalAlignment: Text.AlignVCenter
                    wrapMode: Text.Wrap
                    text: view.confirming === "bundled" ? qsTr("Show the content that came with the app again?")
                                                        : qsTr("Show the previous content again?")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                    color: Theme.text
                }
                TouchButton {
                    objectName: "confirmRollBackButton"
                    visible: view.confirming !== ""
                    primary: true
                    label: qsTr("Go back")
                    onActivated: {
                        const chosen = view.confirming
                        view.confirming = ""
                        if (chosen === "bundled")
                            view.updates.useBundled()
                        else
                            view.updates.rollBack()
                    }
                }
                TouchButton {
                    visible: view.confirming !== ""
                    label: qsTr("Cancel")
                    onActivated: view.confirming = ""
                }
            }
        }

        UpdateCard {
            objectName: "usbCard"
            Heading { text: qsTr("New content from a USB drive") }
            Body {
                text: qsTr("Plug in a USB drive that holds a signed content pack (.kpack). The kiosk checks its signature and every file before anything changes; the content on show stays until the new one has passed.")
                color: Theme.mutedText
            }
            Body {
                objectName: "usbMessage"
                visible: text !== ""
                text: view.messageText(view.updates.usbMessage)
                font.bold: true
            }
            TouchButton {
                objectName: "findPacksButton"
                label: qsTr("Look for content packs")
                enabled: !view.updates.busy && !view.updates.lookingForPacks
                onActivated: view.updates.findUsbPacks()
            }
            Repeater {
                model: view.updates.foundPacks
                delegate: Row {
                    required property var modelData
                    required property int index
                    width: parent.width
                    spacing: Theme.gap
                    Column {
                        width: parent.width - installButton.width - parent.spacing
                        anchors.verticalCenter: parent.verticalCenter
                        Text {
                            objectName: "packName:" + index
                            width: parent.width
                            elide: Text.ElideMiddle
                            text: modelData.installable
                                  ? qsTr("%1 · version %2").arg(modelData.title).arg(modelData.version)
                                  : modelData.name
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.bodySize
                            font.bold: true
                            color: Theme.text
                        }
                        Text {
                            objectName: "packDetail:" + index
                            width: parent.width
                            wrapMode: Text.Wrap
                            text: modelData.installable
                                  ? qsTr("%1, made on %2").arg(modelData.name).arg(modelData.created)
                                  : qsTr("Cannot be installed: %1").arg(modelData.reason)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.smallSize
                            color: modelData.installable ? Theme.mutedText : Theme.notice
                        }
                    }
                    TouchButton {
                        id: installButton
                        objectName: "installPack:" + index
                        anchors.verticalCenter: parent.verticalCenter
                        primary: true
                        label: qsTr("Install")
                        accessibleName: qsTr("Install %1").arg(modelData.name)
                        enabled: !view.updates.busy && modelData.installable
                        onActivated: view.updates.installPack(modelData.path)
                    }
                }
            }
        }

    }

    Column {
        id: otherColumn
        x: view.wide ? view.columnWidth + Theme.gap : 0
        y: view.wide ? 0 : packColumn.implicitHeight + Theme.gap
        width: view.columnWidth
        spacing: Theme.gap

        UpdateCard {
            objectName: "taskCard"
            visible: view.updates.task !== ""
            Heading {
                objectName: "taskHeading"
                text: {
                    const task = view.updates.task
                    const outcome = view.updates.outcome
                    if (task === "install")
                        return outcome === "running" ? qsTr("Installing\u2026") : outcome === "done" ? qsTr("\u2713 Installed") : qsTr("Not installed")
                    if (task === "bundled")
                        return outcome === "running" ? qsTr("Going back\u2026") : outcome === "done" ? qsTr("\u2713 The content that came with the app is back") : qsTr("Could not go back")
                    if (task === "rollback")
                        return outcome === "running" ? qsTr("Going back\u2026") : outcome === "done" ? qsTr("\u2713 The previous content is back") : qsTr("Could not go back")
                    return outcome === "running" ? qsTr("Exporting\u2026") : outcome === "done" ? qsTr("\u2713 Exported") : qsTr("Not exported")
                }
                color: view.updates.outcome === "failed" ? Theme.notice : Theme.text
            }
            Body {
                objectName: "updateMessage"
                visible: text !== ""
                text: view.messageText(view.updates.message)
                font.bold: true
            }
            Repeater {
                model: view.updates.log
                delegate: Text {
                    required property string modelData
                    required property int index
                    objectName: "updateLine:" + index
                    width: parent.width
                    wrapMode: Text.Wrap
                    text: modelData
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.smallSize
                    font.bold: modelData.startsWith("Refused") || modelData.startsWith("Installed")
                    color: modelData.startsWith("Refused") ? Theme.notice : Theme.text
                    Accessible.role: Accessible.StaticText
                    Accessible.name: modelData
                }
            }
        }

        UpdateCard {
            objectName: "expiredCard"
            Heading { text: qsTr("Out of date") }
            Body {
                objectName: "noneExpired"
                visible: view.updates.expiredItems.length === 0
                text: qsTr("No item has passed its expiry date.")
                color: Theme.mutedText
            }
            Repeater {
                model: view.updates.expiredItems
                delegate: Body {
                    required property var modelData
                    required property int index
                    objectName: "expired:" + index
                    text: qsTr("%1 \u2014 expired on %2").arg(modelData.title).arg(modelData.expires)
                    color: Theme.notice
                }
            }
        }

        UpdateCard {
            objectName: "exportCard"
            Heading { text: qsTr("Visits") }
            Body {
                text: qsTr("Saves the record of visitor sessions on this kiosk (no personal data) as a spreadsheet file on the USB drive.")
                color: Theme.mutedText
            }
            TouchButton {
                objectName: "exportVisitsButton"
                label: qsTr("Export visits to USB")
                enabled: !view.updates.busy
                onActivated: view.updates.exportVisits()
            }
        }
    }
    ScrollBar { flickable: view }
}
