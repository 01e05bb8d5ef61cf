import QtQuick

// A small arrow that points the way the visitor reads: "forward" (Next, more) points right in
// English and left in Arabic; backward (Back, Previous) the other way. A chevron typed inside a
// label is unreliable: the bidi algorithm mirrors it inside right-to-left words and not inside
// left-to-right ones, so the same label points either way depending on its language.
Text {
    id: chevron

    // Toward the end of the reading (Next) rather than its start (Back).
    property bool forward: true
    // LayoutMirroring.enabled reads the mirroring inherited from the page.
    readonly property bool pointsLeft: forward === LayoutMirroring.enabled

    // The left-to-right mark keeps the glyph out of any right-to-left run, so it is drawn as chosen.
    text: "\u200E" + (pointsLeft ? "\u2039" : "\u203A")
    // Always placed in a Row beside its label: centred on it, since an Arabic or Devanagari label's
    // line is taller than this Latin glyph's and a top-aligned chevron then sits high.
    anchors.verticalCenter: parent ? parent.verticalCenter : undefined
    font.family: Theme.fontFamily
    font.bold: true
    Accessible.ignored: true
}
