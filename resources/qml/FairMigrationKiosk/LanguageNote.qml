import QtQuick

// A discreet line under a title: this text is shown in English because it is not translated yet,
// or it is a translation that still awaits review.
Text {
    id: note

    required property var page

    objectName: "languageNote"
    visible: text.length > 0
    wrapMode: Text.Wrap
    // Explicit, so that it is mirrored with the layout whatever the direction of its own words.
    horizontalAlignment: Text.AlignLeft
    font.family: Theme.fontFamily
    font.pixelSize: Theme.smallSize
    font.italic: true
    color: Theme.mutedText
    text: page.untranslated ? qsTr("Not yet translated: shown in English.")
        : page.reviewPending ? qsTr("Translation awaiting review.")
        : ""
    Accessible.role: Accessible.StaticText
    Accessible.name: text
    Accessible.ignored: !visible
}
