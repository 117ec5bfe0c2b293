package display

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"image"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MIME types used by this package.
const (
	mimeText     = "text/plain"
	mimeHTML     = "text/html"
	mimeMarkdown = "text/markdown"
	mimeSVG      = "image/svg+xml"
	mimePNG      = "image/png"
	mimeJPEG     = "image/jpeg"
	mimeJSON     = "application/json"
)

// maxPlain bounds the text/plain fallbacks derived from other formats.
const maxPlain = 4000

// withPlain returns a copy of b as a message payload, with a text/plain
// fallback added when b has none, and an HTML <img> of its SVG (see
// WithSVGImage).
func withPlain(b MIMEBundle) map[string]any {
	out := make(map[string]any, len(b)+1)
	for k, v := range b {
		out[k] = v
	}
	if _, ok := out[mimeText]; !ok {
		out[mimeText] = plainFor(b)
	}
	return WithSVGImage(out)
}

// plainFor derives a text/plain fallback from the richest format in b that
// has a textual form, or summarizes it ("<image/png>").
func plainFor(b MIMEBundle) string {
	if s, ok := b[mimeMarkdown].(string); ok {
		return s
	}
	if s, ok := b[mimeHTML].(string); ok {
		return htmlText(s)
	}
	if s, ok := b[mimeSVG].(string); ok {
		return svgText(s)
	}
	if v, ok := b[mimeJSON]; ok {
		if jb, err := jsonBundle(v); err == nil {
			return jb[mimeText].(string)
		}
	}
	types := make([]string, 0, len(b))
	for k := range b {
		types = append(types, k)
	}
	sort.Strings(types)
	if len(types) == 0 {
		return ""
	}
	return "<" + strings.Join(types, ", ") + ">"
}

// htmlText returns the text of an HTML fragment: tags dropped (script and
// style elements with their content), entities decoded, whitespace collapsed,
// one line per block (paragraph, list item, table row, ...). It returns
// "<HTML>" when no text is left.
func htmlText(s string) string {
	var sb strings.Builder
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			sb.WriteString(s)
			break
		}
		sb.WriteString(s[:i])
		s = s[i:]
		if strings.HasPrefix(s, "<!--") {
			if j := strings.Index(s, "-->"); j >= 0 {
				s = s[j+3:]
			} else {
				s = ""
			}
			continue
		}
		j := strings.IndexByte(s, '>')
		if j < 0 {
			// A lone '<' is text.
			sb.WriteString(s)
			break
		}
		tag := s[1:j]
		s = s[j+1:]
		closing := strings.HasPrefix(tag, "/")
		name := strings.ToLower(strings.TrimLeft(tag, "/"))
		if k := strings.IndexFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '/' }); k >= 0 {
			name = name[:k]
		}
		switch name {
		case "script", "style":
			if !closing {
				end := strings.Index(strings.ToLower(s), "</"+name)
				if end < 0 {
					s = ""
				} else {
					s = s[end:]
				}
			}
		case "br", "p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "hr":
			sb.WriteString("\n")
		case "td", "th":
			if closing {
				sb.WriteString("\t")
			}
		}
	}
	text := html.UnescapeString(sb.String())
	var lines []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		lines = append(lines, line)
	}
	out := strings.TrimSpace(strings.Join(lines, "\n"))
	if out == "" {
		return "<HTML>"
	}
	return truncate(out, maxPlain)
}

// svgText summarizes an SVG document: "<SVG image 800×300>".
func svgText(s string) string {
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			return "<SVG image>"
		}
		if se, ok := tok.(xml.StartElement); ok {
			var w, h string
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "width":
					w = a.Value
				case "height":
					h = a.Value
				}
			}
			if w != "" && h != "" {
				return "<SVG image " + w + "×" + h + ">"
			}
			return "<SVG image>"
		}
	}
}

// imageText summarizes encoded image data: "<PNG image 640×480, 12.3 KB>".
func imageText(format string, data []byte) string {
	size := byteSize(len(data))
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
		return fmt.Sprintf("<%s image %d×%d, %s>", format, cfg.Width, cfg.Height, size)
	}
	return fmt.Sprintf("<%s image, %s>", format, size)
}

// byteSize formats n bytes as "512 B", "12.3 KB" or "4.5 MB".
func byteSize(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return sig3(float64(n)/1000) + " KB"
	default:
		return sig3(float64(n)/1e6) + " MB"
	}
}

// truncate cuts s to at most n runes, ending with "…" when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
