package measure

import "fmt"

// Speedup is how many times faster after ran than before (wall times).
func Speedup(before, after Sample) float64 {
	if after.Wall <= 0 {
		return 0
	}
	return float64(before.Wall) / float64(after.Wall)
}

// Verdict says in one line whether after's speedup over before is what an
// experiment expected (for example 2 for two goroutines on two idle cores,
// 1 for goroutines taking turns on one), computed from the two samples:
//
//	speedup 1.96× (expected about 2×), 1.97 cores busy: as expected
//	speedup 1.31× (expected about 2×), 1.95 cores busy: the cores worked, each more slowly (...)
//	speedup 1.08× (expected about 2×), 1.10 cores busy: other programs had the cores (...) — run it again
//
// A speedup within 20% of expected, or better, is as expected. Below that,
// the cores busy during after tell the two usual reasons apart.
func Verdict(before, after Sample, expected float64) string {
	s := Speedup(before, after)
	head := fmt.Sprintf("speedup %.2f× (expected about %.3g×), %.2f cores busy", s, expected, after.Busy())
	switch {
	case s >= 0.8*expected:
		return head + ": as expected"
	case after.Busy() >= 0.8*expected:
		return head + ": the cores worked, each more slowly (cores shared with other machines' work or hyperthreads, memory, garbage collection)"
	default:
		return head + ": other programs had the cores, or fewer were free than expected — run it again"
	}
}
