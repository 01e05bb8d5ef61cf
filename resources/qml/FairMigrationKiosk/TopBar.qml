import QtQuick

// On every page: Home and Back, where the visitor is, Search, reading preferences and the languages.
Rectangle {
    id: bar

    required property var kiosk
    property bool preferencesOpen: false
    signal preferencesRequested()

    readonly property int rowHeight: Theme.touchTarget + Theme.px(28)
    // On a narrow screen, or with the largest text, the tools take a second row rather than overlap.
    readonly property bool oneRow: navigation.implicitWidth + tools.implicitWidth + 2 * Theme.margin + Theme.gap <= width

    implicitHeight: oneRow ? rowHeight : 2 * rowHeight - Theme.px(14)
    color: Theme.surface

    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Math.max(1, Theme.px(2))
        color: Theme.border
    }

    Row {
        id: navigation
        anchors { left: parent.left; leftMargin: Theme.margin }
        y: (bar.rowHeight - height) / 2
        spacing: Theme.px(16)

        TouchButton {
            objectName: "homeButton"
            label: qsTr("Home")
            accessibleName: qsTr("Home page")
            primary: true
            enabled: bar.kiosk.canGoBack
            onActivated: bar.kiosk.home()
        }
        TouchButton {
            objectName: "backButton"
            label: (bar.kiosk.page.rightToLeft ? "\u203A  " : "\u2039  ") + qsTr("Back")
            accessibleName: qsTr("Back")
            enabled: bar.kiosk.canGoBack
            onActivated: bar.kiosk.back()
        }
    }

    Text {
        objectName: "trail"
        anchors {
            left: navigation.right; leftMargin: Theme.gap
            right: bar.oneRow ? tools.left : parent.right
            rightMargin: bar.oneRow ? Theme.gap : Theme.margin
            verticalCenter: navigation.verticalCenter
        }
        // A few letters of a title help no one: below this it is left out.
        visible: width >= Theme.px(280)
        horizontalAlignment: Text.AlignRight
        elide: Text.ElideLeft
        font.family: Theme.fontFamily
        font.pixelSize: Theme.smallSize
        color: Theme.mutedText
        text: bar.kiosk.page.trail.map(crumb => crumb.route === "home" ? qsTr("Home") : crumb.title).join("  \u203A  ")
    }

    Row {
        id: tools
        anchors { right: parent.right; rightMargin: Theme.margin }
        y: bar.oneRow ? (bar.rowHeight - height) / 2 : bar.rowHeight - Theme.px(14) + (bar.rowHeight - Theme.px(14) - height) / 2
        spacing: Theme.px(16)

        TouchButton {
            objectName: "searchButton"
            label: qsTr("Search")
            accessibleName: qsTr("Search the kiosk")
            checked: bar.kiosk.route === "search"
            onActivated: bar.kiosk.open("search")
        }
        TouchButton {
            objectName: "preferencesButton"
            // "Aa" reads as "text" in every language this kiosk speaks.
            label: "Aa"
            accessibleName: qsTr("Text size, contrast and motion")
            checked: bar.preferencesOpen
            onActivated: bar.preferencesRequested()
        }
        Row {
            objectName: "languageSwitch"
            visible: bar.kiosk.languages.length > 1
            spacing: Theme.px(6)
            Accessible.role: Accessible.Grouping
            Accessible.name: qsTr("Language")

            Repeater {
                model: bar.kiosk.languages
                delegate: TouchButton {
                    required property var modelData
                    objectName: "language:" + modelData.code
                    compact: true
                    checkable: true
                    checked: bar.kiosk.language === modelData.code
                    label: modelData.name
                    onActivated: bar.kiosk.setLanguage(modelData.code)
                }
            }
        }
    }
}
