// Package measure times the experiments of notebook cells: wall and CPU
// time of a run, the fastest of several runs, speedups with a one-line
// verdict computed from the measurements, peak concurrency, OS threads.
//
// Cells import it as "gokernel/measure" (the worker exports the names listed
// in Symbols into the interpreter under that path):
//
//	import "gokernel/measure"
//
//	one := measure.BestOf(3, func() { work(1) })
//	two := measure.BestOf(3, func() { work(2) })
//	fmt.Println(one, "\n", two)
//	fmt.Println(measure.Verdict(one, two, 2))
//	// speedup 1.96× (expected about 2×), 1.97 cores busy: as expected
//
// CPU time is the process's (all threads, from getrusage: microseconds, not
// the 10 ms ticks of /proc/self/stat), so "cores busy" (CPU ÷ wall) shows
// parallelism even where a shared machine keeps the speedup modest. The
// fastest of several runs is kept because other programs can only make a
// run slower, never faster (as %timeit does).
package measure
