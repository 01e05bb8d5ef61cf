import QtQuick

// On every page: Home and Back, where the visitor is, Search, reading preferences and the languages.
Rectangle {
    id: bar

    required property var kiosk
    property bool preferencesOpen: false
    // Read aloud (kiosk.ui.speech), or null: no Listen button.
    property var readAloud: null
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
            label: qsTr("Back")
            chevron: "back"
            accessibleName: qsTr("Back")
            enabled: bar.kiosk.canGoBack
            onActivated: bar.kiosk.back()
        }
    }

    Item {
        // Where the visitor is: one crumb after another in reading order, the first at the reading
        // start (the right in Arabic), the separators pointing onward. Crumbs are separate texts so
        // each keeps its own direction: an English title inside an Arabic trail stays readable.
        id: trail
        objectName: "trail"
        readonly property var crumbs: bar.kiosk.page.trail.map(crumb => crumb.route === "home" ? qsTr("Home") : crumb.title)
        readonly property string text: crumbs.join("  \u203A  ")
        anchors {
            left: navigation.right; leftMargin: Theme.gap
            right: bar.oneRow ? tools.left : parent.right
            rightMargin: bar.oneRow ? Theme.gap : Theme.margin
            verticalCenter: navigation.verticalCenter
        }
        height: crumbRow.height
        // A few letters of a title help no one: below this it is left out.
        visible: width >= Theme.px(280)
        // Too long a trail loses its first crumbs (Home is a button beside it), not the page it leads to.
        clip: true
        Accessible.role: Accessible.StaticText
        // Read as words: "You are here: Home, Fair recruitment", not the separators drawn between them.
        Accessible.name: qsTr("You are here: %1").arg(crumbs.join(", "))
        // On the home page there is no trail: nothing to read, nothing on the accessibility tree.
        Accessible.ignored: !visible || text.length === 0

        Row {
            id: crumbRow
            anchors.right: parent.right
            spacing: Theme.px(10)
            Repeater {
                model: trail.crumbs
                delegate: Row {
                    required property string modelData
                    required property int index
                    spacing: Theme.px(10)
                    Chevron {
                        objectName: "trailSeparator:" + index
                        visible: index > 0
                        font.pixelSize: Theme.smallSize
                        color: Theme.mutedText
                    }
                    Text {
                        objectName: "crumb:" + index
                        // One very long title must not push the others out of sight.
                        width: Math.min(implicitWidth, Theme.px(520))
                        elide: Text.ElideRight
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.smallSize
                        color: Theme.mutedText
                        text: Theme.readingOrder(modelData, LayoutMirroring.enabled)
                    }
                }
            }
        }
    }

    // The control in the bar that opened `route`, for Back to give the focus to (PageFocus.qml).
    function controlFor(route) {
        return route === "search" ? searchButton : null
    }

    Row {
        id: tools
        anchors { right: parent.right; rightMargin: Theme.margin }
        y: bar.oneRow ? (bar.rowHeight - height) / 2 : bar.rowHeight - Theme.px(14) + (bar.rowHeight - Theme.px(14) - height) / 2
        spacing: Theme.px(16)

        Loader {
            // Listen shows once the machine's voices are found (on a thread, after the first frame):
            // the first frame does not make it. Then it stays made, and shows where a voice speaks.
            id: listenLoader
            objectName: "listenLoader"
            readonly property bool wanted: !!bar.readAloud && bar.readAloud.available
            active: false
            visible: wanted
            onWantedChanged: if (wanted) active = true
            Component.onCompleted: {
                setSource("ListenButton.qml", { readAloud: bar.readAloud })
                active = wanted
            }
        }
        TouchButton {
            id: searchButton
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
            // Heard as a toggle, pressed while its panel is open.
            toggle: true
            switchedOn: bar.preferencesOpen
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
