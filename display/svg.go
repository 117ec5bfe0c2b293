package display

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Shared pieces of the SVG charts (Timeline, Bars). The charts use only
// presentation attributes (no <style>, no ids, no scripts), so that several
// of them can live in one HTML page and any renderer draws them.

// palette is Tableau 10: distinct, colour-blind friendly colours.
var palette = []string{
	"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
	"#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
}

// Chart colours.
const (
	colText   = "#222222"
	colMuted  = "#666666"
	colGrid   = "#e3e3e3"
	colMark   = "#c0392b" // Timeline.Mark lines
	colAxis   = "#999999"
	colStripe = "#f6f6f6"
)

// inkOn returns a readable text colour (dark or white) on background bg
// ("#rrggbb").
func inkOn(bg string) string {
	var r, g, b int
	if _, err := fmt.Sscanf(bg, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return "#ffffff"
	}
	// Relative luminance, sRGB weights (gamma ignored: good enough here).
	if 0.299*float64(r)+0.587*float64(g)+0.114*float64(b) > 150 {
		return colText
	}
	return "#ffffff"
}

// esc escapes s for XML text and attribute values, replaces characters XML
// cannot hold by U+FFFD and line breaks by spaces.
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
		case r == '\'':
			sb.WriteString("&apos;")
		case r == '\n' || r == '\r' || r == '\t':
			sb.WriteByte(' ')
		case !isXMLChar(r):
			sb.WriteRune(utf8.RuneError)
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// escLines is esc keeping line breaks, for tooltips (<title>).
func escLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = esc(l)
	}
	return strings.Join(lines, "\n")
}

// isXMLChar reports whether r may appear in an XML document.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// textWidth estimates the width in pixels of s in a sans-serif font of the
// given size. No font metrics are available: the estimate errs on the wide
// side (DejaVu Sans, wider than Arial or Helvetica).
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
		case r >= '0' && r <= '9' || r < utf8.RuneSelf:
			em += 0.62
		case r >= 0x1100 && (r <= 0x115F || r >= 0x2E80 && r <= 0xFFDC):
			em += 1.0 // CJK and other wide characters
		default:
			em += 0.6
		}
	}
	return em * size
}

// fit returns s, or its longest prefix ending in "…" that is at most width
// pixels wide at the given font size; "" when not even "abc…" fits.
func fit(s string, width, size float64) string {
	if textWidth(s, size) <= width {
		return s
	}
	r := []rune(s)
	for n := len(r) - 1; n >= 3; n-- {
		t := strings.TrimRight(string(r[:n]), " ") + "…"
		if textWidth(t, size) <= width {
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
	if target < 1 {
		target = 1
	}
	raw := span / float64(target)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	switch m := raw / p; {
	case m <= 1:
		return p
	case m <= 2:
		return 2 * p
	case m <= 5:
		return 5 * p
	default:
		return 10 * p
	}
}

// tickLabel formats tick value v of an axis with the given step, with just
// enough decimals to tell ticks apart.
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

// sig3 formats x with three significant digits, without trailing zeros:
// 1.02, 850, 12.3, 0.000123.
func sig3(x float64) string {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	a := math.Abs(x)
	if a >= 1e6 || a < 1e-4 {
		return strconv.FormatFloat(x, 'g', 3, 64)
	}
	dec := 2 - int(math.Floor(math.Log10(a)))
	if dec < 0 {
		dec = 0
	}
	s := strconv.FormatFloat(x, 'f', dec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// fmtDur formats d with three significant digits in a fitting unit:
// "1.02 s", "850 ms", "12.3 µs", "2m5s".
func fmtDur(d time.Duration) string {
	if d < 0 {
		return "-" + fmtDur(-d)
	}
	units := []struct {
		size time.Duration
		name string
	}{{time.Nanosecond, "ns"}, {time.Microsecond, "µs"}, {time.Millisecond, "ms"}, {time.Second, "s"}}
	for i, u := range units {
		v := float64(d) / float64(u.size)
		s := sig3(v)
		if i == len(units)-1 || v < 999.5 {
			if d >= time.Minute {
				return d.Round(time.Second).String()
			}
			return s + " " + u.name
		}
	}
	return d.String()
}

// fmtValue formats a chart value with its unit: "1.02 s", "42 %", "3".
func fmtValue(v float64, unit string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	s := sig3(v)
	switch unit {
	case "":
		return s
	case "%":
		return s + "%"
	}
	return s + " " + unit
}

// naturalLess orders strings with digit runs compared as numbers, so
// "worker 2" sorts before "worker 10".
func naturalLess(a, b string) bool {
	for a != "" && b != "" {
		da, db := digitPrefix(a), digitPrefix(b)
		if da != "" && db != "" {
			na, nb := strings.TrimLeft(da, "0"), strings.TrimLeft(db, "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			if da != db {
				return len(da) < len(db)
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		ra, sa := utf8.DecodeRuneInString(a)
		rb, sb := utf8.DecodeRuneInString(b)
		if ra != rb {
			return ra < rb
		}
		a, b = a[sa:], b[sb:]
	}
	return len(a) < len(b)
}

func digitPrefix(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// svgDoc accumulates the elements of one SVG document.
type svgDoc struct {
	sb strings.Builder
}

// f formats a coordinate compactly.
func f(x float64) string { return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64) }

// printf appends formatted markup.
func (d *svgDoc) printf(format string, args ...any) { fmt.Fprintf(&d.sb, format, args...) }

// text appends a <text> element; attrs are extra attributes, s is escaped.
func (d *svgDoc) text(x, y float64, size float64, attrs, s string) {
	d.printf(`<text x="%s" y="%s" font-size="%s"%s>%s</text>`+"\n", f(x), f(y), f(size), attrs, esc(s))
}

// finish wraps the elements in the <svg> root of the given size.
func (d *svgDoc) finish(width, height float64) string {
	w, h := f(math.Ceil(width)), f(math.Ceil(height))
	return `<svg xmlns="http://www.w3.org/2000/svg" width="` + w + `" height="` + h +
		`" viewBox="0 0 ` + w + ` ` + h + `" font-family="sans-serif" fill="` + colText + `">` + "\n" +
		`<rect x="0" y="0" width="` + w + `" height="` + h + `" fill="#ffffff"/>` + "\n" +
		d.sb.String() + "</svg>\n"
}
