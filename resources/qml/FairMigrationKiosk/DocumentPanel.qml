import QtQuick

// A bundled PDF: one page at a time, fitted to the width; swipe or tap the arrows to turn pages,
// zoom with buttons (no pinch or double tap needed).
Column {
    id: panel

    required property var documents
    required property var page

    objectName: "documentPanel"
    spacing: Theme.px(16)

    Row {
        objectName: "documentToolbar"
        visible: panel.documents.status === "ready"
        spacing: Theme.px(12)
        TouchButton {
            objectName: "previousPageButton"
            label: "\u2039  " + qsTr("Previous")
            accessibleName: qsTr("Previous page")
            enabled: panel.documents.page > 0
            onActivated: panel.documents.previousPage()
        }
        Text {
            objectName: "pageIndicator"
            anchors.verticalCenter: parent.verticalCenter
            width: Theme.px(190)
            horizontalAlignment: Text.AlignHCenter
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            color: Theme.text
            text: qsTr("Page %1 of %2").arg(panel.documents.page + 1).arg(panel.documents.pageCount)
        }
        TouchButton {
            objectName: "nextPageButton"
            label: qsTr("Next") + "  \u203A"
            accessibleName: qsTr("Next page")
            enabled: panel.documents.page < panel.documents.pageCount - 1
            onActivated: panel.documents.nextPage()
        }
        Item { width: Theme.px(24); height: 1 }
        TouchButton {
            objectName: "zoomOutButton"
            label: "\u2212"
            accessibleName: qsTr("Zoom out")
            enabled: panel.documents.canZoomOut
            onActivated: panel.documents.zoomOut()
        }
        TouchButton {
            objectName: "zoomInButton"
            label: "+"
            accessibleName: qsTr("Zoom in")
            enabled: panel.documents.canZoomIn
            onActivated: panel.documents.zoomIn()
        }
    }

    Flickable {
        id: sheet
        objectName: "documentSheet"
        visible: panel.documents.status === "ready"
        width: panel.width
        height: pageImage.height
        contentWidth: pageImage.width
        contentHeight: pageImage.height
        flickableDirection: Flickable.HorizontalFlick
        interactive: panel.documents.zoom > 1
        clip: true

        Rectangle {
            // A sheet of paper on the kiosk's background.
            width: pageImage.width
            height: pageImage.height
            color: "#FFFFFF"
            border.width: Math.max(1, Theme.px(1))
            border.color: Theme.border
        }
        Image {
            id: pageImage
            objectName: "documentPage"
            width: Math.round(panel.width * panel.documents.zoom)
            height: Math.round(width * panel.documents.pageAspect)
            sourceSize.width: width
            source: panel.documents.pageSource
            asynchronous: false
            cache: false
            Accessible.role: Accessible.Graphic
            Accessible.name: qsTr("Page %1 of %2").arg(panel.documents.page + 1).arg(panel.documents.pageCount)
        }

        DragHandler {
            // A sideways swipe turns the page when the page is not zoomed.
            enabled: panel.documents.zoom === 1
            target: null
            yAxis.enabled: false
            onActiveChanged: {
                if (active)
                    return
                if (persistentTranslation.x < -Theme.px(120))
                    panel.documents.nextPage()
                else if (persistentTranslation.x > Theme.px(120))
                    panel.documents.previousPage()
            }
        }
    }

    FailureCard {
        objectName: "documentFailure"
        visible: panel.documents.status === "failed"
        width: panel.width
        height: Theme.px(360)
        heading: qsTr("This document can't be shown right now")
        detail: panel.documents.failure
        qrUrl: panel.page.qrUrl || ""
        displayUrl: panel.page.displayUrl || ""
    }
}
