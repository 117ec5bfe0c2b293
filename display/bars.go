package display

import (
	"fmt"
	"math"
	"strings"
)

// Bar chart geometry.
const (
	barsWidth    = 720.0 // width with a label column of barsLabel
	barsLabel    = 220.0 // label column in barsWidth; longer labels widen the chart
	barsMaxLabel = 440.0 // widest label column
	barsTextBar  = 40    // width of the longest text/plain bar, in characters
)

// Bars shows a horizontal bar chart (SVG, with a text/plain rendering) of
// values, one bar per label, each bar annotated with its value and unit
// ("s", "ms", "%", "req/s", ...), e.g. to compare run times:
//
//	display.Bars("sum of 1e8 ints", []string{"sequential", "8 goroutines", "8 processes"},
//		[]float64{1.92, 0.31, 0.45}, "s")
//
// Missing labels are shown as "#i"; missing, NaN and infinite values as "n/a"
// without a bar. Negative values extend left of the zero line.
func Bars(title string, labels []string, values []float64, unit string) {
	labels, values = barsData(labels, values)
	Display(MIMEBundle{mimeSVG: barsSVG(title, labels, values, unit, false), mimeText: barsText(title, labels, values, unit, false)})
}

// LogBars is Bars on a logarithmic scale (ticks at powers of ten), for
// values of different orders of magnitude — kilobytes per goroutine beside
// megabytes per process — which a linear scale would flatten to nothing.
// Values that are not positive are shown without a bar.
func LogBars(title string, labels []string, values []float64, unit string) {
	labels, values = barsData(labels, values)
	Display(MIMEBundle{mimeSVG: barsSVG(title, labels, values, unit, true), mimeText: barsText(title, labels, values, unit, true)})
}

// logRange returns the powers of ten around the positive finite values
// (1 and 10 when there is none).
func logRange(values []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if finite(v) && v > 0 {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if math.IsInf(lo, 1) {
		return 1, 10
	}
	lo, hi = math.Pow(10, math.Floor(math.Log10(lo))), math.Pow(10, math.Ceil(math.Log10(hi)))
	if hi <= lo {
		hi = lo * 10
	}
	return lo, hi
}

// logTick labels a power of ten: 0.01, 1, 100, 10k, 1M.
func logTick(v float64) string {
	switch {
	case v >= 1e9:
		return fmt.Sprintf("%gG", v/1e9)
	case v >= 1e6:
		return fmt.Sprintf("%gM", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%gk", v/1e3)
	}
	return fmt.Sprintf("%g", v)
}

// barsData pads labels and values to the same length.
func barsData(labels []string, values []float64) ([]string, []float64) {
	n := max(len(labels), len(values))
	ls := make([]string, n)
	vs := make([]float64, n)
	for i := range ls {
		ls[i] = fmt.Sprintf("#%d", i+1)
		if i < len(labels) {
			ls[i] = labels[i]
		}
		vs[i] = math.NaN()
		if i < len(values) {
			vs[i] = values[i]
		}
	}
	return ls, vs
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// barsSVG renders the bar chart, on a log10 scale if logScale.
func barsSVG(title string, labels []string, values []float64, unit string, logScale bool) string {
	var d svgDoc
	top := 12.0
	if title != "" {
		d.text(12, 22, 15, ` font-weight="bold"`, title)
		top = 36
	}
	if len(labels) == 0 {
		d.text(12, top+14, 12, ` fill="`+colMuted+`"`, "no data")
		return d.finish(barsWidth, top+28)
	}

	lo, hi := 0.0, 0.0
	nameCol, valueCol := 0.0, 0.0
	for i, v := range values {
		if finite(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
		nameCol = math.Max(nameCol, textWidth(labels[i], 12))
		valueCol = math.Max(valueCol, textWidth(fmtValue(v, unit), 12))
	}
	nameCol = math.Min(math.Max(nameCol, 30), barsMaxLabel)
	width := barsWidth + math.Max(0, nameCol-barsLabel)
	left := nameCol + 20
	right := valueCol + 18
	plotW := width - left - right
	var ticks []float64
	var tickText func(v float64) string
	var xOf func(v float64) float64
	if logScale {
		lo, hi = logRange(values)
		for v := lo; v <= hi*1.0001; v *= 10 {
			ticks = append(ticks, v)
		}
		tickText = logTick
		xOf = func(v float64) float64 { return left + math.Log10(v/lo)/math.Log10(hi/lo)*plotW }
	} else {
		if hi == lo {
			hi = lo + 1
		}
		step := niceStep(hi-lo, int(math.Max(2, plotW/90)))
		lo = math.Floor(lo/step+1e-9) * step
		hi = math.Ceil(hi/step-1e-9) * step
		for i := 0; ; i++ {
			v := lo + float64(i)*step
			if v > hi+step/1e6 {
				break
			}
			ticks = append(ticks, v)
		}
		tickText = func(v float64) string { return tickLabel(v, step) }
		xOf = func(v float64) float64 { return left + (v-lo)/(hi-lo)*plotW }
	}

	rowH := 28.0
	if len(labels) > 20 {
		rowH = 20
	}
	barH := math.Round(rowH * 0.68)
	plotBottom := top + float64(len(labels))*rowH

	for _, v := range ticks {
		x := xOf(v)
		d.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>`+"\n", f(x), f(top), f(x), f(plotBottom+4), colGrid)
		d.text(x, plotBottom+16, 11, ` text-anchor="middle" fill="`+colMuted+`"`, tickText(v))
	}
	if axis := unit; axis != "" || logScale {
		if logScale {
			axis = strings.TrimSpace(axis + " (log scale)")
		}
		d.text(left+plotW/2, plotBottom+32, 11, ` text-anchor="middle" fill="`+colMuted+`"`, axis)
	}

	zero := left // a log scale has no zero: bars start at its left end
	if !logScale {
		zero = xOf(0)
	}
	for i, v := range values {
		ry := top + float64(i)*rowH
		cy := ry + rowH/2
		d.text(left-8, cy+12*0.35, 12, ` text-anchor="end" class="gk-row"`, fit(labels[i], nameCol, 12))
		vx := zero + 5
		if finite(v) && (v > 0 || !logScale) {
			x0, x1 := math.Min(zero, xOf(v)), math.Max(zero, xOf(v))
			d.printf(`<rect class="gk-bar" x="%s" y="%s" width="%s" height="%s" rx="2" fill="%s"><title>%s</title></rect>`+"\n",
				f(x0), f(cy-barH/2), f(math.Max(x1-x0, 1)), f(barH), palette[i%len(palette)], esc(labels[i]+": "+fmtValue(v, unit)))
			if v > 0 {
				vx = x1 + 5
			}
		}
		d.text(vx, cy+12*0.35, 12, ` class="gk-value"`, fmtValue(v, unit))
	}
	d.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>`+"\n", f(zero), f(top), f(zero), f(plotBottom), colAxis)
	height := plotBottom + 24
	if unit != "" || logScale {
		height += 16
	}
	return d.finish(width, height)
}

// barsText renders the bar chart as text:
//
//	sequential  ████████████████████████████████████████ 1.92 s
//	goroutines  ██████▌ 0.31 s
func barsText(title string, labels []string, values []float64, unit string, logScale bool) string {
	var sb strings.Builder
	if logScale {
		title = strings.TrimSpace(title + " (log scale)")
	}
	if title != "" {
		sb.WriteString(title + "\n")
	}
	width, maxAbs := 0, 0.0
	for i, v := range values {
		width = max(width, len([]rune(labels[i])))
		if finite(v) {
			maxAbs = math.Max(maxAbs, math.Abs(v))
		}
	}
	lo, hi := logRange(values)
	for i, v := range values {
		line := padRight(strings.ReplaceAll(labels[i], "\n", " "), width) + "  "
		if finite(v) && maxAbs > 0 && (v > 0 || !logScale) {
			frac := math.Abs(v) / maxAbs
			if logScale {
				frac = math.Max(math.Log10(v/lo)/math.Log10(hi/lo), 1.0/(barsTextBar*8))
			}
			eighths := int(math.Round(frac * barsTextBar * 8))
			line += strings.Repeat("█", eighths/8)
			if r := eighths % 8; r > 0 {
				line += string(rune('█' + 8 - r)) // ▉ ▊ ▋ ▌ ▍ ▎ ▏
			}
			line += " "
		}
		sb.WriteString(line + fmtValue(v, unit) + "\n")
	}
	return strings.TrimRight(sb.String(), "\n")
}
