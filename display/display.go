package display

import (
	"encoding/json"
	"strings"
)

// MIMEBundle maps MIME types ("text/html", "image/png", ...) to data: a
// string for text formats, base64 for binary ones, a decoded JSON value for
// application/json and other +json types.
type MIMEBundle map[string]any

// Display shows b as a new output. A text/plain fallback is added when b has
// none (see the package documentation); b itself is not modified.
func Display(b MIMEBundle) {
	publish(Message{Type: typeDisplay, Data: withPlain(b)})
}

// Clear clears the cell's output. With wait, the output is cleared only when
// the next output arrives, which avoids flicker in animations.
func Clear(wait bool) {
	publish(Message{Type: typeClear, Wait: wait})
}

// HTML shows s as HTML; its text/plain fallback is the text of s without tags.
func HTML(s string) { Display(htmlBundle(s)) }

// Markdown shows s as Markdown; its text/plain fallback is s itself.
func Markdown(s string) { Display(markdownBundle(s)) }

// SVG shows s, a complete <svg> document, as an image.
func SVG(s string) { Display(svgBundle(s)) }

// Text shows s as plain text.
func Text(s string) { Display(MIMEBundle{mimeText: s}) }

// JSON shows v, encoded with encoding/json, as an interactive JSON tree
// (application/json) with the indented JSON as text/plain.
func JSON(v any) {
	b, err := jsonBundle(v)
	if err != nil {
		warn("JSON: %v", err)
		return
	}
	Display(b)
}

func htmlBundle(s string) MIMEBundle { return MIMEBundle{mimeHTML: s, mimeText: htmlText(s)} }

func markdownBundle(s string) MIMEBundle { return MIMEBundle{mimeMarkdown: s, mimeText: s} }

func svgBundle(s string) MIMEBundle { return MIMEBundle{mimeSVG: s, mimeText: svgText(s)} }

// jsonBundle encodes v and decodes it back, so the bundle holds plain JSON
// values (maps, slices, float64, ...) whatever v's type.
func jsonBundle(v any) (MIMEBundle, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var decoded any
	if err := json.Unmarshal(raw, &decoded); err != nil {
		return nil, err
	}
	indented, err := json.MarshalIndent(decoded, "", "  ")
	if err != nil {
		return nil, err
	}
	return MIMEBundle{mimeJSON: decoded, mimeText: strings.TrimSpace(string(indented))}, nil
}
