package schedtrace

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Small pieces of SVG writing: escaping, text widths, numbers.

// svgDoc accumulates the elements of one SVG document.
type svgDoc struct{ sb strings.Builder }

// printf appends formatted markup.
func (d *svgDoc) printf(format string, args ...any) { fmt.Fprintf(&d.sb, format, args...) }

// text appends a <text> element; attrs are extra attributes, s is escaped.
func (d *svgDoc) text(x, y, size float64, attrs, s string) {
	d.printf(`<text x="%s" y="%s" font-size="%s"%s>%s</text>`+"\n", num(x), num(y), num(size), attrs, esc(s))
}

// rect appends a filled rectangle.
func (d *svgDoc) rect(x, y, w, h float64, fill, attrs string) {
	d.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"%s/>`+"\n", num(x), num(y), num(w), num(h), fill, attrs)
}

// finish wraps the elements in the <svg> root of the given size; attrs are
// extra attributes of the root.
func (d *svgDoc) finish(width, height float64, attrs string) string {
	w, h := num(math.Ceil(width)), num(math.Ceil(height))
	return `<svg xmlns="http://www.w3.org/2000/svg" width="` + w + `" height="` + h +
		`" viewBox="0 0 ` + w + ` ` + h + `" font-family="sans-serif" fill="` + colText + `"` + attrs + ">\n" +
		`<rect x="0" y="0" width="` + w + `" height="` + h + `" fill="#ffffff"/>` + "\n" +
		d.sb.String() + "</svg>\n"
}

// num formats a coordinate compactly (one decimal).
func num(x float64) string { return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64) }

// esc escapes s for XML text and attribute values.
func esc(s string) string {
	var sb strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			sb.WriteString("&amp;")
		case r == '<':
			sb.WriteString("&lt;")
		case r == '>':
			sb.WriteString("&gt;")
		case r == '"':
			sb.WriteString("&quot;")
		case r == '\n' || r == '\r' || r == '\t':
			sb.WriteByte(' ')
		case r < 0x20 || r == utf8.RuneError || r >= 0xFFFE && r <= 0xFFFF:
			sb.WriteRune(utf8.RuneError)
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// textWidth estimates the width in pixels of s in a sans-serif font of
// the given size, erring on the wide side.
func textWidth(s string, size float64) float64 {
	em := 0.0
	for _, r := range s {
		switch {
		case strings.ContainsRune("iljtfI.,:;|!'` ()[]", r):
			em += 0.34
		case strings.ContainsRune("mwMW@%", r):
			em += 0.92
		case r >= 'A' && r <= 'Z':
			em += 0.72
		default:
			em += 0.62
		}
	}
	return em * size
}

// fit returns s, or its longest prefix ending in "…" at most width pixels
// wide; "" when not even "ab…" fits.
func fit(s string, width, size float64) string {
	if textWidth(s, size) <= width {
		return s
	}
	r := []rune(s)
	for n := len(r) - 1; n >= 2; n-- {
		if t := strings.TrimRight(string(r[:n]), " ") + "…"; textWidth(t, size) <= width {
			return t
		}
	}
	return ""
}

// niceStep returns a round step (1, 2 or 5 times a power of ten) that cuts
// span into about target intervals.
func niceStep(span float64, target int) float64 {
	if span <= 0 || math.IsNaN(span) || math.IsInf(span, 0) {
		return 1
	}
	raw := span / float64(max(target, 1))
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	switch m := raw / p; {
	case m <= 1:
		return p
	case m <= 2:
		return 2 * p
	case m <= 5:
		return 5 * p
	}
	return 10 * p
}

// tickLabel formats tick value v of an axis with the given step.
func tickLabel(v, step float64) string {
	dec := 0
	if step > 0 && step < 1 {
		dec = int(math.Ceil(-math.Log10(step) - 1e-9))
	}
	if math.Abs(v) < step/1e6 {
		v = 0
	}
	return strconv.FormatFloat(v, 'f', dec, 64)
}

// fmtDur formats d with three significant digits: "1.02 s", "850 ms",
// "12.3 µs", "0 s".
func fmtDur(d time.Duration) string {
	if d == 0 {
		return "0 s"
	}
	v, unit := float64(d)/1e9, "s"
	switch {
	case d < time.Microsecond:
		v, unit = float64(d), "ns"
	case d < time.Millisecond:
		v, unit = float64(d)/1e3, "µs"
	case d < time.Second:
		v, unit = float64(d)/1e6, "ms"
	}
	s := strconv.FormatFloat(v, 'f', max(0, 2-int(math.Floor(math.Log10(math.Abs(v))))), 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s + " " + unit
}
