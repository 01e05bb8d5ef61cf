import QtQuick

// A public address as a QR code: the kiosk never opens a browser. Callers write the address beside it.
Item {
    id: qr

    property string url
    property string displayUrl
    // What the link leads to, for a screen reader: "QR code: link to <title>, <address>".
    property string title
    // A name of the caller's own where neither form fits ("QR code: add to calendar, <title>").
    property string spokenName
    property int size: Theme.px(220)

    implicitWidth: size
    implicitHeight: size

    Image {
        objectName: "qrCode"
        width: qr.size
        height: qr.size
        sourceSize.width: qr.size
        sourceSize.height: qr.size
        smooth: false
        cache: true
        source: qr.url ? "image://qr/" + encodeURIComponent(qr.url) : ""
        Accessible.role: Accessible.Graphic
        Accessible.name: !qr.url ? ""
                       : qr.spokenName ? qr.spokenName
                       : qr.title ? qsTr("QR code: link to %1, %2").arg(qr.title).arg(qr.displayUrl)
                       : qsTr("QR code for %1").arg(qr.displayUrl)
        // A page without a link keeps the code hidden: not on the accessibility tree either.
        Accessible.ignored: !visible || !qr.url
    }
}
