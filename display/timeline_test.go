package display

import (
	"fmt"
	"math"
	"math/rand"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

var t0 = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

func ms(n float64) time.Time { return t0.Add(time.Duration(n * float64(time.Millisecond))) }

func attrFloat(t *testing.T, e *element, name string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(e.attrs[name], 64)
	if err != nil {
		t.Fatalf("<%s> %s=%q: %v", e.name, name, e.attrs[name], err)
	}
	return v
}

func texts(es []*element) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.text)
	}
	return out
}

// threeWorkers is the timeline of the visual check: a sequential phase, then
// three workers, then a merge.
func threeWorkers() *Timeline {
	tl := NewTimeline("fetch 6 pages")
	tl.Span("main", ms(0), ms(40), "setup")
	for w := 1; w <= 3; w++ {
		start := 45.0 + float64(w)*3
		for j := 0; j < 2; j++ {
			d := 120.0 + float64((w*37+j*53)%90)
			tl.Span(fmt.Sprintf("worker %d", w), ms(start), ms(start+d), fmt.Sprintf("page %d", (w-1)*2+j+1))
			start += d + 8
		}
	}
	tl.Span("main", ms(560), ms(610), "merge")
	return tl
}

func TestTimelineSVG(t *testing.T) {
	tl := threeWorkers()
	svg := tl.SVG()
	es := parseXML(t, svg)
	checkSVGRoot(t, es)

	if got, want := texts(withClass(es, "gk-row")), []string{"main", "worker 1", "worker 2", "worker 3"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("row labels %q, want %q", got, want)
	}
	bars := withClass(es, "gk-bar")
	if len(bars) != 8 {
		t.Fatalf("%d bars, want 8", len(bars))
	}
	if !strings.Contains(svg, "fetch 6 pages — 610 ms wall") {
		t.Errorf("title with wall time missing:\n%s", svg)
	}
	for _, l := range []string{"setup", "merge", "page 1", "page 6"} {
		if !strings.Contains(svg, ">"+l+"<") {
			t.Errorf("label %q not drawn", l)
		}
	}
	if tl.Total() != 610*time.Millisecond {
		t.Errorf("Total = %v", tl.Total())
	}
}

func TestTimelineBarPositions(t *testing.T) {
	tl := NewTimeline("positions")
	// One worker, spans recorded out of order: x must follow start times.
	starts := []float64{300, 0, 700, 100, 500}
	for _, s := range starts {
		tl.Span("w", ms(s), ms(s+50), fmt.Sprintf("at %v", s))
	}
	bars := withClass(parseXML(t, tl.SVG()), "gk-bar")
	if len(bars) != len(starts) {
		t.Fatalf("%d bars", len(bars))
	}
	prev := -1.0
	for _, b := range bars {
		x := attrFloat(t, b, "x")
		if x <= prev {
			t.Errorf("bar x %v after %v: not increasing with start", x, prev)
		}
		prev = x
		if w := attrFloat(t, b, "width"); w < 40 {
			t.Errorf("50 ms of 750 ms drawn %v px wide", w)
		}
	}
	// Scale: the bar at 700 ms is about 7 times further from 0 than the one at 100.
	x0, x1, x7 := attrFloat(t, bars[0], "x"), attrFloat(t, bars[1], "x"), attrFloat(t, bars[4], "x")
	if r := (x7 - x0) / (x1 - x0); r < 6.9 || r > 7.1 {
		t.Errorf("x positions not proportional to time: ratio %v", r)
	}
}

func TestTimelineEscapes(t *testing.T) {
	tl := NewTimeline(`a <b> & "c"`)
	tl.Span("<w&1>", ms(0), ms(100), "<label & more>")
	tl.Span("ctl\x00\x1b", ms(0), ms(100), "line\nbreak")
	svg := tl.SVG()
	es := parseXML(t, svg)
	if strings.Contains(svg, "<w&1>") || strings.Contains(svg, "<label") || strings.Contains(svg, "<b>") {
		t.Errorf("unescaped text in\n%s", svg)
	}
	if !strings.Contains(svg, "&lt;label &amp; more&gt;") || !strings.Contains(svg, "&lt;w&amp;1&gt;") {
		t.Errorf("escaped text missing in\n%s", svg)
	}
	found := false
	for _, e := range es {
		if e.text == "<label & more>" {
			found = true
		}
	}
	if !found {
		t.Errorf("label text does not decode back to the original")
	}
	if !strings.Contains(tl.String(), "<label & more>") {
		t.Errorf("text summary should show labels verbatim:\n%s", tl.String())
	}
}

func TestTimelineNaturalOrder(t *testing.T) {
	tl := NewTimeline("order")
	for _, w := range []string{"w10", "w2", "w1", "main"} {
		tl.Span(w, ms(0), ms(10), "x")
	}
	got := texts(withClass(parseXML(t, tl.SVG()), "gk-row"))
	if want := "main|w1|w2|w10"; strings.Join(got, "|") != want {
		t.Errorf("rows %q, want %s", got, want)
	}
}

func TestTimelineEmpty(t *testing.T) {
	tl := NewTimeline("nothing")
	es := parseXML(t, tl.SVG())
	checkSVGRoot(t, es)
	if tl.Total() != 0 || tl.String() != "nothing — no spans" {
		t.Errorf("Total %v, String %q", tl.Total(), tl.String())
	}
}

func TestTimelineManySpans(t *testing.T) {
	tl := NewTimeline("many")
	rng := rand.New(rand.NewSource(1))
	const workers, perWorker = 40, 2000
	for w := 0; w < workers; w++ {
		at := 0.0
		for i := 0; i < perWorker; i++ {
			d := rng.Float64() * 2 // tiny spans, under a pixel each
			tl.Span(fmt.Sprintf("g%d", w), ms(at), ms(at+d), "op")
			at += d + rng.Float64()*0.2
		}
	}
	svg := tl.SVG()
	es := parseXML(t, svg)
	checkSVGRoot(t, es)
	if n := len(withClass(es, "gk-row")); n != workers {
		t.Errorf("%d rows, want %d", n, workers)
	}
	bars := withClass(es, "gk-bar")
	if len(bars) > workers*300 {
		t.Errorf("%d bars for %d spans: tiny spans not merged", len(bars), workers*perWorker)
	}
	if len(svg) > 4<<20 {
		t.Errorf("SVG is %d bytes", len(svg))
	}
	if h := attrFloat(t, es[0], "height"); h > 1200 {
		t.Errorf("height %v for 40 rows", h)
	}
	// Too many workers: rows are capped and the rest counted.
	for w := workers; w < 100; w++ {
		tl.Span(fmt.Sprintf("g%d", w), ms(0), ms(1), "op")
	}
	svg = tl.SVG()
	es = parseXML(t, svg)
	if n := len(withClass(es, "gk-row")); n != tlMaxRows {
		t.Errorf("%d rows drawn, want %d", n, tlMaxRows)
	}
	if !strings.Contains(svg, "40 more workers not drawn") {
		t.Errorf("no note about hidden workers")
	}
	if s := tl.String(); strings.Count(s, "\n") > 500 {
		t.Errorf("text summary has %d lines", strings.Count(s, "\n"))
	}
}

func TestTimelineBeginConcurrent(t *testing.T) {
	tl := NewTimeline("concurrent")
	var wg sync.WaitGroup
	for g := 0; g < 20; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				end := tl.Begin(fmt.Sprintf("g%d", g), "work")
				time.Sleep(10 * time.Microsecond)
				end()
				end() // only the first call counts
			}
		}()
	}
	wg.Wait()
	spans, _, _ := tl.snapshot()
	if len(spans) != 1000 {
		t.Errorf("%d spans, want 1000", len(spans))
	}
	for _, s := range spans {
		if s.end.Before(s.start) || s.end.Sub(s.start) < 10*time.Microsecond {
			t.Errorf("bad span %v", s)
		}
	}
	parseXML(t, tl.SVG())
}

func TestTimelineStringAndShow(t *testing.T) {
	tl := threeWorkers()
	s := tl.String()
	for _, want := range []string{"fetch 6 pages — 610 ms wall, 4 workers, 8 spans", "worker 1", "page 2", "busy", "+0 ns", "40 ms"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	r := record(t)
	tl.Show()
	m := r.one(t)
	if m.Type != "display_data" || str(t, m, mimeSVG) != tl.SVG() || str(t, m, mimeText) != s {
		t.Errorf("Show published %+v", m)
	}
}

func TestTimelineColors(t *testing.T) {
	// Few distinct labels: coloured by label, with a legend.
	tl := NewTimeline("stages")
	for w := 0; w < 3; w++ {
		tl.Span(fmt.Sprint("w", w), ms(0), ms(10), "download")
		tl.Span(fmt.Sprint("w", w), ms(10), ms(20), "parse")
	}
	bars := withClass(parseXML(t, tl.SVG()), "gk-bar")
	fills := map[string]map[string]bool{}
	for _, b := range bars {
		label := strings.SplitN(strings.SplitN(b.tooltip(), ": ", 2)[1], "\n", 2)[0]
		if fills[label] == nil {
			fills[label] = map[string]bool{}
		}
		fills[label][b.attrs["fill"]] = true
	}
	if len(fills["download"]) != 1 || len(fills["parse"]) != 1 {
		t.Errorf("colours by label: %v", fills)
	}
}

func TestFormatting(t *testing.T) {
	durs := map[time.Duration]string{
		0:                         "0 ns",
		999:                       "999 ns",
		1500:                      "1.5 µs",
		12345 * time.Microsecond:  "12.3 ms",
		999999 * time.Microsecond: "1 s",
		1020 * time.Millisecond:   "1.02 s",
		125 * time.Second:         "2m5s",
	}
	for d, want := range durs {
		if got := fmtDur(d); got != want {
			t.Errorf("fmtDur(%v) = %q, want %q", d, got, want)
		}
	}
	if got := []bool{naturalLess("w2", "w10"), naturalLess("w10", "w2"), naturalLess("a", "b"), naturalLess("x1y2", "x1y10"), naturalLess("w02", "w2")}; fmt.Sprint(got) != "[true false true true false]" {
		t.Errorf("naturalLess: %v", got)
	}
	if got := []float64{niceStep(1000, 8), niceStep(7, 8), niceStep(0.3, 5)}; fmt.Sprint(got) != "[200 1 0.1]" {
		t.Errorf("niceStep: %v", got)
	}
}

func TestTimelineOrderByStart(t *testing.T) {
	tl := NewTimeline("order")
	for i, w := range []string{"/c", "/a", "/b"} {
		tl.Span(w, ms(float64(10*i)), ms(float64(10*i+5)), "GET")
	}
	tl.OrderByStart()
	got := texts(withClass(parseXML(t, tl.SVG()), "gk-row"))
	if want := "/c|/a|/b"; strings.Join(got, "|") != want {
		t.Errorf("rows %q, want %s", got, want)
	}
	if s := tl.String(); strings.Index(s, "/c") > strings.Index(s, "/a") {
		t.Errorf("text rows not by start:\n%s", s)
	}
}

func TestTimelineMark(t *testing.T) {
	tl := NewTimeline("deadline")
	tl.Span("loop", ms(0), ms(300), "work")
	tl.Mark(ms(450), "deadline")
	es := parseXML(t, tl.SVG())
	if got := texts(withClass(es, "gk-mark-label")); len(got) != 1 || got[0] != "deadline" {
		t.Fatalf("mark labels %q", got)
	}
	marks, bars := withClass(es, "gk-mark"), withClass(es, "gk-bar")
	x := attrFloat(t, marks[0], "x1")
	x0, w := attrFloat(t, bars[0], "x"), attrFloat(t, bars[0], "width")
	// The axis reaches the mark: the 300 ms bar ends at 2/3 of the way to it.
	if r := w / (x - x0); math.Abs(r-300.0/450) > 0.02 {
		t.Errorf("bar width %.1f, mark at %.1f from the start: ratio %.3f", w, x-x0, r)
	}
	if tl.Total() != 300*time.Millisecond {
		t.Errorf("Total %v counts the mark", tl.Total())
	}
	if s := tl.String(); !strings.Contains(s, "at +450 ms: deadline") {
		t.Errorf("text:\n%s", s)
	}
}
