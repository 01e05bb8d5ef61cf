.pragma library

// What a screen reader should say for a text drawn from Markdown or Qt's styled text: the words,
// without the marks that only shape them on screen (a reader would spell out "asterisk").

function fromMarkdown(markdown) {
    return String(markdown || "")
        .replace(/\r\n?/g, "\n")
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")      // image: its alternative text
        .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")        // link: its words
        .replace(/^\s{0,3}#{1,6}\s+/gm, "")             // heading marks
        .replace(/^\s{0,3}>\s?/gm, "")                  // quotation marks
        .replace(/^(\s*)[-*+]\s+/gm, "$1")              // list bullets (each item keeps its line)
        .replace(/(\*\*|__)(.+?)\1/g, "$2")             // bold
        .replace(/(\*|_)(\S(?:.*?\S)?)\1/g, "$2")       // italic
        .replace(/`([^`]*)`/g, "$1")
        .replace(/\n{3,}/g, "\n\n")
        .trim()
}

function fromStyled(styled) {
    return String(styled || "")
        .replace(/<br\s*\/?>/gi, " ")
        .replace(/<[^>]*>/g, "")
        .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#39;/g, "'")
        .replace(/&nbsp;/g, " ").replace(/&amp;/g, "&")
        .trim()
}
