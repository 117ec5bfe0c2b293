package display

import (
	"fmt"
	"math/rand"
	"testing"
	"time"
)

// TestVisual renders sample charts to files for a visual check: they land in
// the test's temp dir, and in $DISPLAY_TEST_OUT when set, e.g.
//
//	DISPLAY_TEST_OUT=/tmp/out go test -run Visual -v ./display/
//	rsvg-convert -o /tmp/out/timeline.png /tmp/out/timeline.svg
func TestVisual(t *testing.T) {
	// Three workers (and main) of a fetch lesson.
	tl := threeWorkers()
	parseXML(t, tl.SVG())
	saveArtifact(t, "timeline.svg", tl.SVG())

	// Pipeline stages: coloured by label, with a legend.
	st := NewTimeline("pipeline: download → parse → store")
	for w := 1; w <= 4; w++ {
		at := float64(w-1) * 0.2
		for j := 0; j < 3; j++ {
			for k, stage := range []string{"download", "parse", "store"} {
				d := []float64{0.35, 0.15, 0.08}[k] * (1 + 0.3*float64((w+j+k)%3))
				st.Span(fmt.Sprintf("worker %d", w), sec(at), sec(at+d), stage)
				at += d + 0.01
			}
		}
	}
	saveArtifact(t, "stages.svg", st.SVG())

	// Many tiny spans on 40 goroutines.
	many := NewTimeline("40 goroutines × 500 jobs")
	rng := rand.New(rand.NewSource(2))
	for w := 0; w < 40; w++ {
		at := rng.Float64() * 20
		for i := 0; i < 500; i++ {
			d := rng.Float64() * 0.5
			many.Span(fmt.Sprintf("goroutine %d", w), ms(at), ms(at+d), fmt.Sprintf("job %d", i))
			at += d + rng.Float64()*0.3
			if i%100 == 99 {
				at += 15 // a pause, e.g. waiting on a lock
			}
		}
	}
	saveArtifact(t, "many.svg", many.SVG())

	// One worker with a long name, microsecond spans, side labels.
	one := NewTimeline("")
	for i := 0; i < 5; i++ {
		at := t0.Add(time.Duration(i*120) * time.Microsecond)
		one.Span("a rather long worker name that needs truncating", at, at.Add(time.Duration(10+i*15)*time.Microsecond), fmt.Sprintf("step %d <&>", i))
	}
	saveArtifact(t, "single.svg", one.SVG())

	bars := barsSVG("sum of 10⁸ integers", []string{"sequential", "8 goroutines", "8 processes", "goroutines + mutex"},
		[]float64{1.92, 0.31, 0.45, 2.7}, "s", false)
	parseXML(t, bars)
	saveArtifact(t, "bars.svg", bars)
}

func sec(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }
