import QtQuick

// A public address as a QR code: the kiosk never opens a browser. Callers write the address beside it.
Item {
    id: qr

    property string url
    property string displayUrl
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
        Accessible.name: qsTr("QR code for %1").arg(qr.displayUrl)
    }
}
