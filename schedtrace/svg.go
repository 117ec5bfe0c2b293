package schedtrace

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Drawing the picture: goroutine rows, processor rows, time axis, summary.

// Geometry of the picture, in pixels.
const (
	width    = 860.0
	labelCol = 200.0 // left of the plot: row labels
	rightPad = 16.0
	plotW    = width - labelCol - rightPad // one grid column per pixel
	rowH     = 20.0                        // a goroutine's or a processor's row
	groupH   = 40.0                        // a row of counts
)

// Colours of the states (goroutine rows) and of what processors ran.
var stateColors = [numStates]string{
	Running:  "#3aa655",
	Runnable: "#f5a623",
	Chan:     "#4a7fc1",
	Select:   "#8fb8e8",
	Sync:     "#a05cc0",
	Sleep:    "#e8d36a",
	IO:       "#4bb5b0",
	GC:       "#e0474c",
	Blocked:  "#b9b9b9",
}

// identColors tell goroutines apart in the processor rows: dark tones,
// unlike the states' colours (and no red: GC).
var identColors = []string{
	"#1f4e79", "#8c564b", "#b5478f", "#0f7c80", "#5254a3", "#8c6d31",
	"#7b4173", "#637939", "#843c39", "#2f6f4f", "#6b6ecf", "#4d4d4d",
}

const (
	colText   = "#222222"
	colMuted  = "#666666"
	colGrid   = "#e6e6e6"
	colAxis   = "#999999"
	colStripe = "#f6f6f6"
	colGCProc = "#d62728"
	colOther  = "#c8c8c8"
	colPrep   = "#9a9a9a" // the main row while the cell's next part is compiled
)

// identColor returns the colour of goroutine row i in processor rows.
func identColor(i int) string { return identColors[i%len(identColors)] }

// SVG draws t: the goroutine rows (states over time), the processor rows
// (which goroutine ran where), a time axis with the garbage collections
// marked, and the summary line. The root element carries the summary's
// figures as data-* attributes, each row its own (data-goroutine,
// data-proc and data-busy), for tests and tools.
func SVG(t *Trace, o DrawOptions) string {
	sum := t.Summarize()
	rs := rows(t, o)
	rowOf := map[int64]int{}
	for i, r := range rs {
		for _, g := range r.gs {
			rowOf[g.ID] = i
		}
	}
	cols := int(plotW)
	xOf := func(d time.Duration) float64 { return labelCol + float64(d)/math.Max(float64(t.Wall), 1)*plotW }
	var d svgDoc
	d.text(12, 22, 15, ` font-weight="bold"`, o.Title)
	y := 34.0

	if !o.NoGoroutines {
		items := stateLegend(t)
		if wideGaps(t) {
			items = append(items, legendItem{colPrep, "preparing (type-check, compile)"})
		}
		y = legend(&d, y, items)
		y = sectionHead(&d, y, "goroutines of the cell: what each was doing")
		if len(rs) == 0 {
			d.text(labelCol, y+14, 12, ` fill="`+colMuted+`"`, "the cell ran no code (no goroutine)")
			y += 22
		}
		for i, r := range rs {
			if r.main {
				drawGaps(&d, y, t, xOf)
			}
			y = drawRow(&d, y, i, r, t.Wall, cols)
		}
	}
	if !o.NoProcs {
		if o.NoGoroutines {
			var items []legendItem
			for i, r := range rs {
				if i == len(identColors) {
					items = append(items, legendItem{"", "…"})
					break
				}
				items = append(items, legendItem{identColor(i), r.short})
			}
			y = legend(&d, y, append(items, legendItem{colGCProc, "GC worker"}, legendItem{colOther, "other (kernel, interpreter, runtime)"}))
			y = sectionHead(&d, y, "processors (P): which goroutine ran where")
		} else {
			y = sectionHead(&d, y+4, "processors (P): which goroutine ran where (colours of the dots above; red: GC, grey: kernel, interpreter, runtime)")
		}
		for i, p := range t.Procs {
			y = drawProc(&d, y, i, p, rs, rowOf, t.Wall, cols)
		}
	}
	y = drawAxis(&d, y+2, t, xOf)
	for _, line := range wrap(sum.parts(), width-24, 12) {
		y += 17
		d.text(12, y, 12, "", line)
	}
	attrs := fmt.Sprintf(` data-wall-ns="%d" data-cpu-ns="%d" data-busy="%.3f" data-goroutines="%d" data-max-running="%d" data-gc-ns="%d" data-gomaxprocs="%d"`,
		sum.Wall.Nanoseconds(), sum.CPU.Nanoseconds(), sum.Busy, sum.Started, sum.MaxRunning, sum.GC.Nanoseconds(), sum.GOMAXPROCS)
	return d.finish(width, y+12, attrs)
}

// wideGaps reports whether the picture shows stretches of preparing.
func wideGaps(t *Trace) bool {
	for _, g := range preparing(t) {
		if float64(g.End-g.Start) >= float64(t.Wall)/plotW {
			return true
		}
	}
	return false
}

// drawGaps draws, in the main row at y, a dashed line where the worker was
// preparing the cell's next part, so that the main row is not blank then.
func drawGaps(d *svgDoc, y float64, t *Trace, xOf func(time.Duration) float64) {
	for _, g := range preparing(t) {
		x0, x1 := xOf(g.Start), xOf(g.End)
		if x1-x0 >= 1 {
			d.printf(`<line class="gk-prep" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2" stroke-dasharray="4 3"/>`+"\n",
				num(x0), num(y+rowH/2), num(x1), num(y+rowH/2), colPrep)
		}
	}
}

// legendItem is a swatch and its words.
type legendItem struct{ color, name string }

// stateLegend returns the states drawn in t (running and runnable always).
func stateLegend(t *Trace) []legendItem {
	var seen [numStates]bool
	seen[Running], seen[Runnable] = true, true
	for _, g := range t.Goroutines {
		for _, s := range g.Spans {
			seen[s.State] = true
		}
	}
	var items []legendItem
	for s := State(0); s < numStates; s++ {
		if seen[s] {
			items = append(items, legendItem{stateColors[s], s.String()})
		}
	}
	return items
}

// legend draws swatches with their names from y, wrapping; it returns the
// y below it.
func legend(d *svgDoc, y float64, items []legendItem) float64 {
	x := 12.0
	y += 4
	for _, it := range items {
		w := textWidth(it.name, 11) + 30
		if x+w > width-12 && x > 12 {
			x, y = 12, y+17
		}
		if it.color != "" {
			d.rect(x, y, 11, 11, it.color, ` rx="2"`)
		}
		d.text(x+15, y+9.5, 11, "", it.name)
		x += w
	}
	return y + 18
}

// sectionHead writes a section's heading at y and returns the y below it.
func sectionHead(d *svgDoc, y float64, s string) float64 {
	d.text(12, y+12, 11, ` fill="`+colMuted+`" font-style="italic"`, fit(s, width-24, 11))
	return y + 17
}

// rowFrame draws the stripe of row i and its label; it returns the label's
// baseline.
func rowFrame(d *svgDoc, y, h float64, i int, dot, name string) {
	if i%2 == 1 {
		d.rect(4, y, width-8, h, colStripe, "")
	}
	x := 10.0
	if dot != "" {
		d.printf(`<circle cx="%s" cy="%s" r="4" fill="%s"/>`+"\n", num(x+4), num(y+h/2), dot)
		x += 13
	}
	d.text(x, y+h/2+4, 11.5, "", fit(name, labelCol-x-8, 11.5))
}

// drawRow draws goroutine row i at y and returns the y below it.
func drawRow(d *svgDoc, y float64, i int, r row, wall time.Duration, cols int) float64 {
	g := newGrid(cols, int(numStates), wall)
	running := time.Duration(0)
	for _, gr := range r.gs {
		for _, s := range gr.Spans {
			g.add(s.Start, s.End, int(s.State))
			if s.State == Running {
				running += s.End - s.Start
			}
		}
	}
	ids := make([]string, 0, min(len(r.gs), 8))
	for k, gr := range r.gs {
		if k == 8 {
			ids = append(ids, "…")
			break
		}
		ids = append(ids, strconv.FormatInt(gr.ID, 10))
	}
	label := esc(r.gs[0].Label)
	if r.short == "main" {
		label = "main"
	}
	h := rowH
	if r.group {
		h = groupH
	}
	d.printf(`<g data-row="%d" data-goroutine="%s" data-count="%d" data-label="%s" data-running-ns="%d">`+"\n",
		i, strings.Join(ids, " "), len(r.gs), label, running.Nanoseconds())
	rowFrame(d, y, h, i, identColor(i), r.name)
	if r.group {
		drawCounts(d, y, h, g)
	} else {
		for _, rn := range g.runs() {
			s := State(rn.key)
			by, bh := y+3, h-6
			if s != Running && s != Runnable { // blocked: a thin bar
				by, bh = y+h/2-3, 6
			}
			d.rect(labelCol+float64(rn.c0), by, float64(rn.c1-rn.c0), bh, stateColors[s], "")
		}
	}
	d.printf("</g>\n")
	return y + h
}

// drawCounts draws a row of many goroutines: for each column, how many of
// them were in each state on average, stacked (running at the bottom), the
// tallest column filling the row.
func drawCounts(d *svgDoc, y, h float64, g *grid) {
	peak := 0.0
	for c := 0; c < g.cols; c++ {
		sum := 0.0
		for k := 0; k < g.keys; k++ {
			sum += g.at(c, k)
		}
		peak = math.Max(peak, sum/g.colDur)
	}
	if peak == 0 {
		return
	}
	base := y + h - 2
	scale := (h - 6) / peak
	lo := make([]float64, g.cols)
	hi := make([]float64, g.cols)
	for k := 0; k < g.keys; k++ {
		any := false
		for c := 0; c < g.cols; c++ {
			hi[c] = lo[c] + g.at(c, k)/g.colDur*scale
			any = any || hi[c]-lo[c] >= 0.25
		}
		if any {
			d.printf(`<path d="%s" fill="%s"/>`+"\n", bandPath(base, lo, hi), stateColors[k])
		}
		copy(lo, hi)
	}
	d.text(width-rightPad-2, y+11, 10, ` text-anchor="end" fill="`+colMuted+`"`, fmt.Sprintf("peak %s at once", sig(peak)))
}

// bandPath returns the outline of the band between heights lo and hi
// (pixels above base) over the columns where it is visible.
func bandPath(base float64, lo, hi []float64) string {
	q := func(v float64) float64 { return base - math.Round(v*2)/2 }
	var sb strings.Builder
	n := len(lo)
	for a := 0; a < n; {
		if hi[a]-lo[a] < 0.25 {
			a++
			continue
		}
		b := a
		for b < n && hi[b]-lo[b] >= 0.25 {
			b++
		}
		// Upper edge left to right, lower edge back.
		fmt.Fprintf(&sb, "M%s %s", num(labelCol+float64(a)), num(q(hi[a])))
		for c := a; c < b; c++ {
			if c+1 == b || q(hi[c+1]) != q(hi[c]) {
				fmt.Fprintf(&sb, "H%s", num(labelCol+float64(c+1)))
				if c+1 < b {
					fmt.Fprintf(&sb, "V%s", num(q(hi[c+1])))
				}
			}
		}
		fmt.Fprintf(&sb, "V%s", num(q(lo[b-1])))
		for c := b - 1; c >= a; c-- {
			if c == a || q(lo[c-1]) != q(lo[c]) {
				fmt.Fprintf(&sb, "H%s", num(labelCol+float64(c)))
				if c > a {
					fmt.Fprintf(&sb, "V%s", num(q(lo[c-1])))
				}
			}
		}
		sb.WriteString("Z")
		a = b
	}
	return sb.String()
}

// drawProc draws processor row i at y and returns the y below it.
func drawProc(d *svgDoc, y float64, i int, p *Proc, rs []row, rowOf map[int64]int, wall time.Duration, cols int) float64 {
	gcKey, otherKey := len(rs), len(rs)+1
	g := newGrid(cols, len(rs)+2, wall)
	for _, s := range p.Spans {
		k := otherKey
		switch {
		case s.G == GCG:
			k = gcKey
		case s.G >= 0:
			if r, ok := rowOf[s.G]; ok {
				k = r
			}
		}
		g.add(s.Start, s.End, k)
	}
	busy := 0.0
	if wall > 0 {
		busy = float64(p.Busy()) / float64(wall)
	}
	d.printf(`<g data-proc="%d" data-busy="%.3f" data-busy-ns="%d">`+"\n", p.ID, busy, p.Busy().Nanoseconds())
	rowFrame(d, y, rowH, i, "", fmt.Sprintf("P%d · %.0f%% busy", p.ID, 100*busy))
	for _, rn := range g.runs() {
		color, name := colOther, ""
		switch {
		case rn.key == gcKey:
			color, name = colGCProc, "GC"
		case rn.key < len(rs):
			color, name = identColor(rn.key), rs[rn.key].short
		}
		x, w := labelCol+float64(rn.c0), float64(rn.c1-rn.c0)
		d.rect(x, y+3, w, rowH-6, color, "")
		if name != "" && w >= textWidth(name, 10)+6 {
			d.text(x+3, y+rowH/2+3.5, 10, ` fill="#ffffff"`, name)
		}
	}
	d.printf("</g>\n")
	return y + rowH
}

// drawAxis draws the time axis at y, with the garbage collections as red
// marks under it; it returns the y below it.
func drawAxis(d *svgDoc, y float64, t *Trace, xOf func(time.Duration) float64) float64 {
	secs := t.Wall.Seconds()
	scale, unit := 1.0, "s"
	switch {
	case secs < 1e-3:
		scale, unit = 1e6, "µs"
	case secs < 1:
		scale, unit = 1e3, "ms"
	}
	step := niceStep(secs*scale, int(plotW)/90)
	d.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`+"\n", num(labelCol), num(y), num(labelCol+plotW), num(y), colAxis)
	for i := 0; ; i++ {
		v := float64(i) * step
		if v > secs*scale+step/1e6 {
			break
		}
		x := labelCol + v/(secs*scale)*plotW
		d.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`+"\n", num(x), num(y), num(x), num(y+4), colAxis)
		d.text(x, y+16, 11, ` text-anchor="middle" fill="`+colMuted+`"`, tickLabel(v, step))
	}
	for _, iv := range t.GC {
		x0, x1 := xOf(iv.Start), xOf(iv.End)
		d.rect(x0, y+20, math.Max(x1-x0, 1), 5, stateColors[GC], ` data-gc="1"`)
	}
	label := "time since the cell started (" + unit + ")"
	if len(t.GC) > 0 {
		label += "; red marks: garbage collection"
	}
	d.text(labelCol+plotW/2, y+38, 11, ` text-anchor="middle" fill="`+colMuted+`"`, label)
	return y + 40
}

// wrap joins parts with " · " into lines at most width pixels wide.
func wrap(parts []string, maxW, size float64) []string {
	var lines []string
	cur := ""
	for _, p := range parts {
		next := p
		if cur != "" {
			next = cur + " · " + p
		}
		if cur != "" && textWidth(next, size) > maxW {
			lines = append(lines, cur)
			next = p
		}
		cur = next
	}
	return append(lines, cur)
}

// sig formats x with at most three significant digits.
func sig(x float64) string {
	if x >= 100 {
		return strconv.FormatFloat(math.Round(x), 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'g', 3, 64)
}
