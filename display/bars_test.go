package display

import (
	"math"
	"strings"
	"testing"
)

func TestBars(t *testing.T) {
	r := record(t)
	Bars("sum <1e8> & co", []string{"sequential", "8 goroutines", "<procs>"}, []float64{1.92, 0.31, 0.45}, "s")
	m := r.one(t)
	svg := str(t, m, mimeSVG)
	es := parseXML(t, svg)
	checkSVGRoot(t, es)
	if got := texts(withClass(es, "gk-row")); strings.Join(got, "|") != "sequential|8 goroutines|<procs>" {
		t.Errorf("labels %q", got)
	}
	if got := texts(withClass(es, "gk-value")); strings.Join(got, "|") != "1.92 s|0.31 s|0.45 s" {
		t.Errorf("values %q", got)
	}
	if strings.Contains(svg, "<procs>") || strings.Contains(svg, "<1e8>") || !strings.Contains(svg, "&lt;procs&gt;") {
		t.Errorf("labels not escaped:\n%s", svg)
	}
	bars := withClass(es, "gk-bar")
	if len(bars) != 3 {
		t.Fatalf("%d bars", len(bars))
	}
	w := []float64{attrFloat(t, bars[0], "width"), attrFloat(t, bars[1], "width"), attrFloat(t, bars[2], "width")}
	if math.Abs(w[1]/w[0]-0.31/1.92) > 0.01 || math.Abs(w[2]/w[0]-0.45/1.92) > 0.01 {
		t.Errorf("widths %v not proportional to values", w)
	}

	text := str(t, m, mimeText)
	lines := strings.Split(text, "\n")
	if len(lines) != 4 || lines[0] != "sum <1e8> & co" ||
		!strings.HasPrefix(lines[1], "sequential    ████") || !strings.HasSuffix(lines[1], " 1.92 s") ||
		!strings.HasSuffix(lines[3], " 0.45 s") {
		t.Errorf("text/plain:\n%s", text)
	}
	if n := strings.Count(lines[1], "█"); n != barsTextBar {
		t.Errorf("longest text bar has %d blocks", n)
	}
}

func TestBarsOddData(t *testing.T) {
	r := record(t)
	Bars("", []string{"a", "b"}, []float64{-2, 3, math.NaN()}, "")
	Bars("empty", nil, nil, "ms")
	Bars("zeros", []string{"a"}, []float64{0}, "%")
	for _, m := range r.all() {
		es := parseXML(t, str(t, m, mimeSVG))
		checkSVGRoot(t, es)
	}
	text := str(t, r.all()[0], mimeText)
	if !strings.Contains(text, "#3  n/a") || !strings.Contains(text, "-2") {
		t.Errorf("text/plain:\n%s", text)
	}
	if got := texts(withClass(parseXML(t, str(t, r.all()[2], mimeSVG)), "gk-value")); len(got) != 1 || got[0] != "0%" {
		t.Errorf("values %q", got)
	}
}

func TestLogBars(t *testing.T) {
	r := record(t)
	labels := []string{"goroutine, compiled", "OS thread", "process: Go interpreter child, resident set size (RSS)", "none"}
	LogBars("memory per unit", labels, []float64{2.6, 80, 31000, 0}, "kB")
	m := r.one(t)
	es := parseXML(t, str(t, m, mimeSVG))
	checkSVGRoot(t, es)
	// Every label whole: the chart widens for a long one.
	if got := texts(withClass(es, "gk-row")); strings.Join(got, "|") != strings.Join(labels, "|") {
		t.Errorf("labels %q", got)
	}
	bars := withClass(es, "gk-bar")
	if len(bars) != 3 {
		t.Fatalf("%d bars, want 3 (no bar for 0 on a log scale)", len(bars))
	}
	// Widths grow with the logarithm: 2.6 → 80 → 31000 between 1 and 100000.
	w := []float64{attrFloat(t, bars[0], "width"), attrFloat(t, bars[1], "width"), attrFloat(t, bars[2], "width")}
	for i, v := range []float64{2.6, 80, 31000} {
		if want := math.Log10(v) / 5; math.Abs(w[i]/w[2]*math.Log10(31000)/5-want) > 0.01 {
			t.Errorf("bar %d: width %.1f not on a log scale (widths %v)", i, w[i], w)
		}
	}
	if !strings.Contains(str(t, m, mimeSVG), "kB (log scale)") {
		t.Error("the axis does not say log scale")
	}
	text := str(t, m, mimeText)
	lines := strings.Split(text, "\n")
	if !strings.HasPrefix(text, "memory per unit (log scale)\n") || strings.Count(lines[1], "█") < 3 ||
		strings.Count(lines[2], "█") <= strings.Count(lines[1], "█") || strings.Count(lines[3], "█") <= strings.Count(lines[2], "█") {
		t.Errorf("text/plain:\n%s", text)
	}
}
