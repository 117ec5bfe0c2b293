package measure

import "time"

// Calibrate returns a work size n for which f(n) takes about d on this
// machine, so that an experiment takes the same time whether f runs
// compiled (the native tier) or interpreted, on a fast machine or a slow
// one. f(1) is called first, which also waits for the native tier to
// compile f if it is being compiled; then n doubles until f(n) takes a
// quarter of d, and is scaled to d from the fastest of three runs.
func Calibrate(d time.Duration, f func(n int)) int {
	f(1)
	n := 1
	for n < 1<<40 {
		if t := Time(func() { f(n) }).Wall; t >= d/4 {
			break
		}
		n *= 2
	}
	t := BestOf(3, func() { f(n) }).Wall
	if t <= 0 {
		return n
	}
	if m := int(float64(n) * float64(d) / float64(t)); m > 0 {
		return m
	}
	return 1
}
