import QtQuick
import QtQuick.Pdf

// A bundled PDF: one page at a time, fitted to the width; swipe or tap the arrows to turn pages,
// zoom with buttons (no pinch or double tap needed). QtQuick.Pdf draws the pages in C++ on its own
// threads; the view model only says which page, how large, and whether the file can be shown.
Column {
    id: panel

    required property var documents
    required property var page

    objectName: "documentPanel"
    readonly property bool rightToLeft: LayoutMirroring.enabled
    // The page the visitor opened is drawn (then the pages either side are drawn ahead).
    property bool pageShown: false
    spacing: Theme.px(16)

    // Keys while a toolbar button has the focus: the arrows turn the page the way the visitor reads
    // (the one Next points to goes on), as do Page Down and Page Up; Home and End go to the first
    // and last page; + and - zoom, 0 fits the page to the width again.
    Keys.onPressed: (event) => {
        if (documents.status !== "ready" || (event.modifiers & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier)))
            return
        const onward = rightToLeft ? Qt.Key_Left : Qt.Key_Right
        const backward = rightToLeft ? Qt.Key_Right : Qt.Key_Left
        const focused = Window.activeFocusItem
        if (event.key === onward || event.key === Qt.Key_PageDown)
            documents.nextPage()
        else if (event.key === backward || event.key === Qt.Key_PageUp)
            documents.previousPage()
        else if (event.key === Qt.Key_Home)
            documents.goTo(0)
        else if (event.key === Qt.Key_End)
            documents.goTo(documents.pageCount - 1)
        else if (event.text === "+" || event.text === "=")
            documents.zoomIn()
        else if (event.text === "-" || event.key === Qt.Key_Minus)
            documents.zoomOut()
        else if (event.text === "0")
            documents.fitWidth()
        else
            return
        event.accepted = true
        keepFocus(focused)
    }

    // A button that the page or zoom just turned off (Next on the last page) cannot keep the focus:
    // it goes to its counterpart rather than into nothing.
    function keepFocus(focused) {
        if (!focused || focused.enabled)
            return
        const partner = focused === nextButton ? previousButton : focused === previousButton ? nextButton
                      : focused === zoomInButton ? zoomOutButton : focused === zoomOutButton ? zoomInButton : null
        if (partner && partner.enabled)
            partner.forceActiveFocus(Qt.TabFocusReason)
    }

    // One PdfDocument per file, opened once and never reloaded: QtQuick.Pdf draws every page on its
    // image thread, whatever its "asynchronous" says, and a document reloaded for another language
    // while a page of it was being drawn failed to decode that page (and once crashed the process).
    // A language switch moves to the other file's document; the first stays as it was until the panel
    // goes, so a drawing still under way finishes on it. At most one per language of the file.
    // Nor do they go with the panel: a page still being drawn (the pages either side are drawn ahead)
    // reads from its document on that thread, so the documents are held by the long-lived documents
    // view model and let go a moment after the panel.
    component OpenedFile: PdfDocument {
        readonly property bool whole: status === PdfDocument.Ready
    }
    Component { id: openedFile; OpenedFile {} }
    property var openedFiles: ({})
    property OpenedFile pdf: null
    function showFile(source) {
        // Left alone when the document closes: the panel goes anyway.
        if (source === "")
            return
        let file = openedFiles[source]
        if (!file) {
            file = openedFile.createObject(panel.documents, { source: source })
            openedFiles[source] = file
        }
        if (file === pdf)
            return
        // Through no file at all: the pages made for the old file go, and new ones are made for
        // this one even when both files have as many pages.
        pdf = null
        pdf = file
    }
    Connections {
        target: panel.documents
        function onDocumentChanged() { panel.showFile(panel.documents.source) }
    }
    Component.onCompleted: showFile(documents.source)
    Component.onDestruction: {
        for (const source in openedFiles)
            openedFiles[source].destroy(lettingGoMs)
    }
    // Far longer than a page takes to draw (milliseconds; half a second for a very dense page).
    readonly property int lettingGoMs: 2000

    Row {
        objectName: "documentToolbar"
        visible: panel.documents.status === "ready"
        // As tall as its buttons whatever the script: the page keeps this room for it before the
        // panel is made (ContentPage.qml), and the taller line of Arabic at the largest text once
        // pushed the page down when the panel came.
        height: Theme.touchTarget
        spacing: Theme.px(12)
        TouchButton {
            id: previousButton
            objectName: "previousPageButton"
            label: qsTr("Previous")
            chevron: "back"
            accessibleName: qsTr("Previous page")
            enabled: panel.documents.page > 0
            onActivated: { const focused = Window.activeFocusItem; panel.documents.previousPage(); panel.keepFocus(focused) }
        }
        Text {
            objectName: "pageIndicator"
            anchors.verticalCenter: parent.verticalCenter
            // Wide enough for "Page 10 of 12" in every language, so the buttons do not jump as pages turn.
            width: Math.max(Theme.px(190), implicitWidth)
            horizontalAlignment: Text.AlignHCenter
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            color: Theme.text
            text: qsTr("Page %1 of %2").arg(panel.documents.page + 1).arg(panel.documents.pageCount)
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        TouchButton {
            id: nextButton
            objectName: "nextPageButton"
            label: qsTr("Next")
            chevron: "forward"
            accessibleName: qsTr("Next page")
            enabled: panel.documents.page < panel.documents.pageCount - 1
            onActivated: { const focused = Window.activeFocusItem; panel.documents.nextPage(); panel.keepFocus(focused) }
        }
        Item { width: Theme.px(24); height: 1 }
        TouchButton {
            id: zoomOutButton
            objectName: "zoomOutButton"
            label: "\u2212"
            accessibleName: qsTr("Zoom out")
            enabled: panel.documents.canZoomOut
            onActivated: { const focused = Window.activeFocusItem; panel.documents.zoomOut(); panel.keepFocus(focused) }
        }
        TouchButton {
            id: zoomInButton
            objectName: "zoomInButton"
            label: "+"
            accessibleName: qsTr("Zoom in")
            enabled: panel.documents.canZoomIn
            onActivated: { const focused = Window.activeFocusItem; panel.documents.zoomIn(); panel.keepFocus(focused) }
        }
    }

    ListView {
        // Fitted to the width, the pages lie side by side: a sideways swipe turns them, as on paper.
        id: pager
        objectName: "documentPager"
        visible: panel.documents.status === "ready" && panel.documents.zoom === 1
        width: panel.width
        height: Math.round(width * panel.documents.pageAspect)
        orientation: ListView.Horizontal
        snapMode: ListView.SnapOneItem
        highlightRangeMode: ListView.StrictlyEnforceRange
        highlightMoveDuration: 250
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        // The pages either side are drawn ahead, so a swipe or "Next" shows a finished page at once;
        // but only once the page on show is drawn: drawn first, they held it back by two frames.
        cacheBuffer: panel.pageShown ? width : 0
        // Right to left, the first page lies at the right and the next comes in from the left, the
        // way Next points. A ListView laid out right to left starts at its far end (the last page)
        // when its pages arrive; so the view stays left to right inside and is drawn mirrored,
        // each page mirrored back. A finger's swipe is mirrored with it.
        LayoutMirroring.enabled: false
        transform: Scale { origin.x: pager.width / 2; xScale: panel.rightToLeft ? -1 : 1 }
        // Never more pages than the document on show has: during a language switch the file and the
        // page count change one after the other, and a page past the end fails to decode.
        model: panel.documents.status === "ready" && panel.pdf && panel.pdf.whole ? Math.min(panel.documents.pageCount, panel.pdf.pageCount) : 0
        currentIndex: panel.documents.page
        // Only a finger's swipe turns the page from here: when a new file (another language) arrives,
        // the view starts over at its first page, and the page the visitor was reading must win.
        onCurrentIndexChanged: if (moving && currentIndex !== panel.documents.page) panel.documents.goTo(currentIndex)
        onCountChanged: {
            currentIndex = Qt.binding(function() { return panel.documents.page })
            positionViewAtIndex(currentIndex, ListView.Beginning)
        }

        delegate: Rectangle {
            required property int index
            transform: Scale { origin.x: pager.width / 2; xScale: panel.rightToLeft ? -1 : 1 }
            width: pager.width
            height: pager.height
            color: "#FFFFFF"
            border.width: Math.max(1, Theme.px(1))
            border.color: Theme.border
            PdfPageImage {
                objectName: index === panel.documents.page ? "documentPage" : "documentPage:" + index
                anchors.fill: parent
                // The file this page was made for, never the next one: see showFile().
                Component.onCompleted: document = panel.pdf
                currentFrame: index
                sourceSize.width: width
                cache: false
                onProgressChanged: function() { if (progress === 1 && index === panel.documents.page) panel.pageShown = true }
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("Page %1 of %2").arg(index + 1).arg(panel.documents.pageCount)
            }
        }
    }

    Flickable {
        // Zoomed in, one page is larger than the screen: drag it sideways, scroll the page down.
        id: sheet
        objectName: "documentSheet"
        visible: panel.documents.status === "ready" && panel.documents.zoom > 1
        readonly property int pageWidth: Math.round(panel.width * panel.documents.zoom)
        readonly property int pageHeight: Math.round(pageWidth * panel.documents.pageAspect)
        width: panel.width
        height: pageHeight
        contentWidth: pageWidth
        contentHeight: pageHeight
        flickableDirection: Flickable.HorizontalFlick
        clip: true
        // Zoomed in on a right-to-left page, reading starts at the top right of the sheet.
        onContentWidthChanged: if (panel.rightToLeft) contentX = Math.max(0, contentWidth - width)

        Rectangle {
            width: sheet.pageWidth
            height: sheet.pageHeight
            color: "#FFFFFF"
        }
        Loader {
            // Made only while zoomed in: a page turn at the fitted width draws no large copy.
            active: sheet.visible && panel.pdf !== null && panel.pdf.whole && panel.documents.page < panel.pdf.pageCount
            sourceComponent: PdfPageImage {
                objectName: "documentPageZoomed"
                width: sheet.pageWidth
                height: sheet.pageHeight
                Component.onCompleted: document = panel.pdf
                currentFrame: Math.min(panel.documents.page, panel.pdf ? panel.pdf.pageCount - 1 : 0)
                sourceSize.width: width
                cache: false
            }
        }
    }

    FailureCard {
        objectName: "documentFailure"
        visible: panel.documents.status === "failed"
        width: panel.width
        height: Theme.px(360)
        heading: qsTr("This document can't be shown right now")
        detail: qsTranslate("Failures", panel.documents.failure)
        // Its code is made only for a file that failed: a page that shows its file pays nothing for it.
        qrUrl: panel.documents.status === "failed" ? panel.page.qrUrl || "" : ""
        displayUrl: panel.page.displayUrl || ""
    }
}
