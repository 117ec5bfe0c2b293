package measure

import (
	"fmt"
	"time"

	"gokernel/display"
)

// Sample is one measured run.
type Sample struct {
	Wall time.Duration // wall-clock time of the run
	CPU  time.Duration // CPU time the process used during it, all threads

	// Timeline is the run's timeline when it was measured with Timed or
	// BestTimed, nil otherwise.
	Timeline *display.Timeline
}

// Busy is the average number of cores that were busy during the run:
// CPU time ÷ wall time (1 for one core working all the time, 2 for two).
func (s Sample) Busy() float64 {
	if s.Wall <= 0 {
		return 0
	}
	return float64(s.CPU) / float64(s.Wall)
}

// String formats the sample as "wall 0.212 s · CPU 0.420 s · 1.98 cores busy".
func (s Sample) String() string {
	return fmt.Sprintf("wall %.3f s · CPU %.3f s · %.2f cores busy", s.Wall.Seconds(), s.CPU.Seconds(), s.Busy())
}

// Time runs f once and measures it.
func Time(f func()) Sample {
	c0, t0 := CPUTime(), time.Now()
	f()
	return Sample{Wall: time.Since(t0), CPU: CPUTime() - c0}
}

// BestOf runs f n times (at least once) and returns the fastest run.
func BestOf(n int, f func()) Sample {
	var best Sample
	for i := 0; i < n || i == 0; i++ {
		if s := Time(f); i == 0 || s.Wall < best.Wall {
			best = s
		}
	}
	return best
}

// Timed runs f once with a new timeline titled title, for f to record its
// spans on, and returns the measured run with that timeline.
func Timed(title string, f func(tl *display.Timeline)) Sample {
	tl := display.NewTimeline(title)
	s := Time(func() { f(tl) })
	s.Timeline = tl
	return s
}

// BestTimed runs f n times (at least once), each time with a new timeline
// titled title, and returns the fastest run with its timeline.
func BestTimed(n int, title string, f func(tl *display.Timeline)) Sample {
	var best Sample
	for i := 0; i < n || i == 0; i++ {
		if s := Timed(title, f); i == 0 || s.Wall < best.Wall {
			best = s
		}
	}
	return best
}
