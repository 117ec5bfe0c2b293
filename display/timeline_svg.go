package display

import (
	"fmt"
	"math"
	"time"
)

// Timeline chart geometry and limits.
const (
	tlWidth       = 860.0 // total width in pixels
	tlMaxRows     = 60    // workers drawn; the others are counted in a note
	tlMergeWidth  = 3.0   // bars narrower than this merge with touching neighbours
	tlMergeGap    = 1.0   // "touching": gap under this many pixels
	tlSideLabels  = 30    // labels right of bars only in rows of at most this many bars
	tlMaxLabelCol = 190.0 // widest worker-name column
	tlColorLabels = 8     // colour by label when there are 2..tlColorLabels labels
)

// SVG renders the timeline as a standalone SVG document (inline SVG only:
// no scripts, no web fonts, explicit width, height and viewBox):
//
//   - the title with the wall time ("title — 1.02 s wall");
//   - one row per worker, in natural order of names ("w2" before "w10");
//     at most 60 rows are drawn, a note counts the others;
//   - one bar per span, its label inside when it fits (else right of the bar
//     when there is room and the row is not crowded), and a tooltip with
//     worker, label, start offset and duration;
//   - bars coloured by label when there are 2 to 8 distinct labels and some
//     label is used by several workers (stages of a pipeline, say), with a
//     legend; coloured by worker otherwise;
//   - a time axis in µs, ms or s with round ticks, 0 at the earliest start.
//
// To stay readable and small with thousands of spans, bars narrower than
// 3 px are merged with the bars they touch (gap under a pixel) into one
// bar whose tooltip says how many spans it holds; the number of bars per row
// is thus bounded by the chart width whatever the number of spans.
func (tl *Timeline) SVG() string {
	spans, t0, t1 := tl.snapshot()
	total := t1.Sub(t0)
	var d svgDoc
	d.text(12, 22, 15, ` font-weight="bold"`, tl.heading(len(spans), total))
	if len(spans) == 0 {
		d.text(12, 48, 12, ` fill="`+colMuted+`"`, "no spans recorded")
		return d.finish(tlWidth, 64)
	}

	rs := rows(spans, tl.ordered())
	marks := tl.marksCopy()
	hidden := 0
	if len(rs) > tlMaxRows {
		hidden = len(rs) - tlMaxRows
		rs = rs[:tlMaxRows]
	}

	// Colours: by label when labels are a few categories shared by
	// workers (download, parse, ...), else by worker.
	var labels []string
	labelIdx := map[string]int{}
	labelRow := map[string]string{} // the first worker seen with each label
	shared := false
	for _, s := range spans {
		if _, ok := labelIdx[s.label]; !ok {
			labelIdx[s.label] = len(labels)
			labels = append(labels, s.label)
			labelRow[s.label] = s.worker
		} else if labelRow[s.label] != s.worker {
			shared = true
		}
	}
	byLabel := shared && len(labels) >= 2 && len(labels) <= tlColorLabels
	colorOf := func(row int, s span) string {
		if byLabel {
			return palette[labelIdx[s.label]%len(palette)]
		}
		return palette[row%len(palette)]
	}

	// Horizontal layout.
	nameSize := 12.0
	if len(rs) > 24 {
		nameSize = 11
	}
	nameCol := 0.0
	for _, r := range rs {
		nameCol = math.Max(nameCol, textWidth(r.worker, nameSize))
	}
	nameCol = math.Min(math.Max(nameCol, 30), tlMaxLabelCol)
	left := nameCol + 20
	right := 30.0
	plotW := tlWidth - left - right

	// Legend, below the title.
	y := 34.0
	if byLabel {
		x := 12.0
		y += 4
		for i, l := range labels {
			name := l
			if name == "" {
				name = "(no label)"
			}
			name = fit(name, 200, 11)
			w := 16 + textWidth(name, 11) + 14
			if x+w > tlWidth-12 && x > 12 {
				x, y = 12, y+18
			}
			d.printf(`<rect x="%s" y="%s" width="11" height="11" rx="2" fill="%s"/>`+"\n", f(x), f(y), palette[i%len(palette)])
			d.text(x+16, y+9.5, 11, "", name)
			x += w
		}
		y += 20
	}
	top := y + 4
	if len(marks) > 0 {
		top += 14 // the marks' labels go above the rows
	}

	// Vertical layout.
	rowH := 26.0
	switch n := len(rs); {
	case n > 40:
		rowH = 16
	case n > 24:
		rowH = 18
	case n > 12:
		rowH = 22
	}
	barH := math.Round(rowH * 0.7)
	barSize := math.Min(11, barH-3)
	plotBottom := top + float64(len(rs))*rowH

	// Time axis, to the last mark if one is later than the spans.
	for _, m := range marks {
		if m.at.Sub(t0) > total {
			total = m.at.Sub(t0)
		}
	}
	secs := total.Seconds()
	scale, unit := 1.0, "s"
	switch {
	case secs < 1e-3:
		scale, unit = 1e6, "µs"
	case secs < 1:
		scale, unit = 1e3, "ms"
	}
	step := niceStep(secs*scale, int(math.Max(2, plotW/90)))
	axisMax := math.Ceil(secs*scale/step-1e-9) * step
	if axisMax <= 0 {
		axisMax = step
	}
	xOf := func(t time.Time) float64 {
		return left + t.Sub(t0).Seconds()*scale/axisMax*plotW
	}

	// Row stripes and names.
	for i, r := range rs {
		ry := top + float64(i)*rowH
		if i%2 == 1 {
			d.printf(`<rect x="4" y="%s" width="%s" height="%s" fill="%s"/>`+"\n", f(ry), f(tlWidth-8), f(rowH), colStripe)
		}
		name := fit(r.worker, nameCol, nameSize)
		d.text(left-8, ry+rowH/2+nameSize*0.35, nameSize, ` text-anchor="end" class="gk-row"`, name)
	}

	// Grid and axis.
	for i := 0; ; i++ {
		v := float64(i) * step
		if v > axisMax+step/1e6 {
			break
		}
		x := left + v/axisMax*plotW
		d.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>`+"\n", f(x), f(top), f(x), f(plotBottom), colGrid)
		d.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>`+"\n", f(x), f(plotBottom), f(x), f(plotBottom+4), colAxis)
		d.text(x, plotBottom+16, 11, ` text-anchor="middle" fill="`+colMuted+`"`, tickLabel(v, step))
	}
	d.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>`+"\n", f(left), f(plotBottom), f(left+plotW), f(plotBottom), colAxis)
	d.text(left+plotW/2, plotBottom+32, 11, ` text-anchor="middle" fill="`+colMuted+`"`, "time since first start ("+unit+")")

	// Bars.
	for i, r := range rs {
		ry := top + float64(i)*rowH + (rowH-barH)/2
		bars := mergeBars(r.spans, xOf)
		for j, b := range bars {
			color := colorOf(i, b.first)
			w := math.Max(b.x1-b.x0, 1)
			rx := 2.0
			if w < 5 {
				rx = 0
			}
			tip := fmt.Sprintf("%s: %s\n+%s, %s", r.worker, b.label, fmtDur(b.first.start.Sub(t0)), fmtDur(b.end.Sub(b.first.start)))
			if b.n > 1 {
				tip = fmt.Sprintf("%s: %s merged\n+%s to +%s", r.worker, b.label, fmtDur(b.first.start.Sub(t0)), fmtDur(b.end.Sub(t0)))
			}
			d.printf(`<rect class="gk-bar" x="%s" y="%s" width="%s" height="%s" rx="%s" fill="%s" fill-opacity="0.9"><title>%s</title></rect>`+"\n",
				f(b.x0), f(ry), f(w), f(barH), f(rx), color, escLines(tip))
			if b.label == "" {
				continue
			}
			// The label: whole inside the bar, else whole right of it when
			// there is room, else shortened inside.
			ty := ry + barH/2 + barSize*0.35
			if w >= 18 && textWidth(b.label, barSize) <= w-6 {
				d.text(b.x0+3, ty, barSize, ` fill="`+inkOn(color)+`" class="gk-label"`, b.label)
				continue
			}
			room := tlWidth - 4 - (b.x0 + w + 3)
			if j+1 < len(bars) {
				room = bars[j+1].x0 - 3 - (b.x0 + w + 3)
			}
			if len(bars) <= tlSideLabels && textWidth(b.label, barSize) <= room {
				d.text(b.x0+w+3, ty, barSize, ` fill="`+colMuted+`" class="gk-label"`, b.label)
				continue
			}
			if t := fit(b.label, w-6, barSize); t != "" && w >= 18 {
				d.text(b.x0+3, ty, barSize, ` fill="`+inkOn(color)+`" class="gk-label"`, t)
			}
		}
	}

	// Marks: a dashed line across the rows, labelled above them.
	for _, m := range marks {
		if m.at.Before(t0) {
			continue
		}
		x := xOf(m.at)
		d.printf(`<line class="gk-mark" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5" stroke-dasharray="5 3"><title>%s</title></line>`+"\n",
			f(x), f(top-16), f(x), f(plotBottom), colMark, esc(m.label+" at +"+fmtDur(m.at.Sub(t0))))
		anchor, tx := "start", x+4
		if x > left+plotW*0.75 {
			anchor, tx = "end", x-4
		}
		d.text(tx, top-6, 11, ` text-anchor="`+anchor+`" fill="`+colMark+`" class="gk-mark-label"`, m.label)
	}

	height := plotBottom + 44
	if hidden > 0 {
		d.text(12, height, 11, ` fill="`+colMuted+`"`, fmt.Sprintf("… %d more %s not drawn", hidden, plural(hidden, "worker")))
		height += 12
	}
	return d.finish(tlWidth, height)
}

// bar is one drawn bar: one span, or several tiny touching ones merged.
type bar struct {
	x0, x1 float64
	first  span      // earliest span
	end    time.Time // latest end
	n      int       // spans merged
	label  string    // the spans' label, or "N spans" when they differ
}

// mergeBars turns the spans of one row (sorted by start) into bars, merging
// bars narrower than tlMergeWidth with the ones they touch.
func mergeBars(spans []span, xOf func(time.Time) float64) []bar {
	var bars []bar
	for _, s := range spans {
		x0, x1 := xOf(s.start), xOf(s.end)
		if n := len(bars); n > 0 {
			b := &bars[n-1]
			if x0 <= b.x1+tlMergeGap && (b.x1-b.x0 < tlMergeWidth || x1-x0 < tlMergeWidth) {
				b.n++
				if s.end.After(b.end) {
					b.end, b.x1 = s.end, math.Max(b.x1, x1)
				}
				if b.label != s.label && b.label != "" {
					b.label = ""
				}
				continue
			}
		}
		bars = append(bars, bar{x0: x0, x1: x1, first: s, end: s.end, n: 1, label: s.label})
	}
	// Merged bars of mixed labels are labelled with their count.
	for i := range bars {
		if b := &bars[i]; b.n > 1 {
			if b.label == "" {
				b.label = fmt.Sprintf("%d spans", b.n)
			} else {
				b.label = fmt.Sprintf("%s ×%d", b.label, b.n)
			}
		}
	}
	return bars
}
