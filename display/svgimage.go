package display

import (
	"encoding/base64"
	"html"
	"strings"
)

// Pictures as HTML. Frontends pick the richest representation they rank
// first, and JupyterLab, the classic Notebook and nbconvert all rank
// text/html above image/svg+xml. nbconvert 6.5 to 7.6 export image/svg+xml
// through an HTML sanitizer that strips the SVG's elements (the charts are
// blank in the HTML), and an untrusted notebook's inline SVG is not shown
// by every frontend. An <img> whose source is the SVG as a data: URL is
// shown the same by all of them, trusted or not: so every bundle with an
// SVG and no HTML gets that <img> as its text/html.

// WithSVGImage returns data with, when it has an image/svg+xml string and
// no text/html, a text/html <img> of the SVG added (a copy; data is not
// modified). The worker applies it to the values of cells (a type's SVG
// method); this package's displays get it through Display and Update. It
// is not exported to cells.
func WithSVGImage(data map[string]any) map[string]any {
	svg, ok := data[mimeSVG].(string)
	if !ok {
		return data
	}
	if _, has := data[mimeHTML]; has {
		return data
	}
	out := make(map[string]any, len(data)+1)
	for k, v := range data {
		out[k] = v
	}
	alt, _ := data[mimeText].(string)
	out[mimeHTML] = svgImage(svg, alt)
	return out
}

// svgImage returns an <img> showing svg, of its size, with alt's first
// line as its text alternative.
func svgImage(svg, alt string) string {
	alt, _, _ = strings.Cut(alt, "\n")
	if alt == "" {
		alt = svgText(svg)
	}
	var sb strings.Builder
	sb.WriteString(`<img src="data:image/svg+xml;base64,`)
	sb.WriteString(base64.StdEncoding.EncodeToString([]byte(svg)))
	sb.WriteString(`"`)
	if w, h, ok := svgSize(svg); ok {
		sb.WriteString(` width="` + w + `" height="` + h + `"`)
	}
	sb.WriteString(` alt="` + html.EscapeString(truncate(alt, 300)) + `">`)
	return sb.String()
}

// svgSize returns the width and height attributes of an SVG's root when
// they are plain numbers of pixels.
func svgSize(svg string) (w, h string, ok bool) {
	s := svgText(svg) // "<SVG image 860×300>"
	s, found := strings.CutPrefix(s, "<SVG image ")
	if !found {
		return "", "", false
	}
	w, h, found = strings.Cut(strings.TrimSuffix(s, ">"), "×")
	w, h = strings.TrimSuffix(w, "px"), strings.TrimSuffix(h, "px")
	number := func(v string) bool {
		return v != "" && strings.Trim(v, "0123456789.") == ""
	}
	return w, h, found && number(w) && number(h)
}
