package magic

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"io"
	"math"
	"strings"
	"syscall"
	"time"
)

// cpuTimes returns the user and system CPU time of the worker (who is
// RUSAGE_SELF) or of its finished children (RUSAGE_CHILDREN).
func cpuTimes(who int) (user, sys time.Duration) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano())
}

// timed runs f and prints its CPU and wall time the way IPython's %time does.
func timed(c *call, f func() (map[string]any, error)) (map[string]any, error) {
	u0, s0 := cpuTimes(syscall.RUSAGE_SELF)
	cu0, cs0 := cpuTimes(syscall.RUSAGE_CHILDREN)
	t0 := time.Now()
	result, err := f()
	wall := time.Since(t0)
	u1, s1 := cpuTimes(syscall.RUSAGE_SELF)
	cu1, cs1 := cpuTimes(syscall.RUSAGE_CHILDREN)
	user := u1 - u0 + cu1 - cu0
	sys := s1 - s0 + cs1 - cs0
	c.printf("CPU times: user %s, sys %s, total %s\nWall time: %s\n",
		formatDuration(user.Seconds()), formatDuration(sys.Seconds()), formatDuration((user + sys).Seconds()), formatDuration(wall.Seconds()))
	return result, err
}

// formatDuration formats seconds with three significant digits in the
// largest fitting unit, as IPython does ("1.23 ms", "0 ns").
func formatDuration(sec float64) string {
	if sec >= 60 {
		m := math.Floor(sec / 60)
		return fmt.Sprintf("%.0fmin %.3g s", m, sec-60*m)
	}
	units := []struct {
		name  string
		scale float64
	}{{"s", 1}, {"ms", 1e3}, {"µs", 1e6}, {"ns", 1e9}}
	for _, u := range units {
		if sec >= 1/u.scale {
			return fmt.Sprintf("%.3g %s", sec*u.scale, u.name)
		}
	}
	return fmt.Sprintf("%.3g ns", sec*1e9)
}

// lineTime is %time STATEMENT.
func lineTime(c *call) (map[string]any, error) {
	if strings.TrimSpace(c.args) == "" {
		return nil, magicError("%%time needs a statement: %%time fib(25)")
	}
	return timed(c, func() (map[string]any, error) { return c.r.Session.Execute(c.ctx, c.count, c.args) })
}

// cellTime is %%time.
func cellTime(c *call) (map[string]any, error) {
	return timed(c, func() (map[string]any, error) { return c.r.Run(c.ctx, c.count, "\n"+c.body) })
}

// timeitOptions are the -n (loops per run) and -r (runs) flags of %timeit.
type timeitOptions struct {
	loops, runs int
	stmt        string
}

func parseTimeit(args string) (timeitOptions, error) {
	o := timeitOptions{runs: 7}
	fs := flag.NewFlagSet("timeit", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.IntVar(&o.loops, "n", 0, "loops per run")
	fs.IntVar(&o.runs, "r", 7, "runs")
	if err := fs.Parse(strings.Fields(args)); err != nil {
		return o, magicError("%%timeit: %v (usage: %%timeit [-n N] [-r R] STATEMENT)", err)
	}
	// The statement is what follows the flags, spacing kept.
	rest := args
	for _, f := range strings.Fields(args)[:len(strings.Fields(args))-fs.NArg()] {
		rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), f))
	}
	o.stmt = rest
	if o.runs < 1 {
		o.runs = 1
	}
	return o, nil
}

// lineTimeit is %timeit STATEMENT.
func lineTimeit(c *call) (map[string]any, error) {
	o, err := parseTimeit(c.args)
	if err != nil {
		return nil, err
	}
	if o.stmt == "" {
		return nil, magicError("%%timeit needs a statement: %%timeit fib(20)")
	}
	return nil, c.timeit(o)
}

// cellTimeit is %%timeit.
func cellTimeit(c *call) (map[string]any, error) {
	o, err := parseTimeit(c.args)
	if err != nil {
		return nil, err
	}
	o.stmt = c.body
	return nil, c.timeit(o)
}

// timeit compiles the statement once into a function that runs it n
// times, calibrates n so that a run lasts at least 0.2 s (1, 10, 100, ...),
// then prints mean ± std. dev. per loop over the runs, like IPython.
func (c *call) timeit(o timeitOptions) error {
	c.r.timeitSeq++
	fn := fmt.Sprintf("__gk_timeit%d", c.r.timeitSeq)
	body := o.stmt
	if e, err := parser.ParseExpr(body); err == nil {
		if _, isCall := e.(*ast.CallExpr); !isCall {
			body = "_ = " + body // only calls are expression statements in Go
		}
	}
	src := fmt.Sprintf("func %s(n int) {\n\tfor i := 0; i < n; i++ {\n%s\n\t}\n}", fn, body)
	if _, err := c.r.Session.Execute(c.ctx, c.count, src); err != nil {
		return err
	}
	run := func(n int) (time.Duration, error) {
		t0 := time.Now()
		_, err := c.r.Session.Execute(c.ctx, c.count, fmt.Sprintf("%s(%d)", fn, n))
		return time.Since(t0), err
	}
	loops := o.loops
	if loops <= 0 {
		for loops = 1; ; loops *= 10 {
			d, err := run(loops)
			if err != nil {
				return err
			}
			if d >= 200*time.Millisecond || loops >= 1e9 {
				break
			}
		}
	}
	per := make([]float64, 0, o.runs)
	for r := 0; r < o.runs; r++ {
		d, err := run(loops)
		if err != nil {
			return err
		}
		per = append(per, d.Seconds()/float64(loops))
	}
	mean, std := meanStd(per)
	plural := func(n int, word string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, word)
		}
		return fmt.Sprintf("%d %ss", n, word)
	}
	c.printf("%s ± %s per loop (mean ± std. dev. of %s, %s each)\n",
		formatDuration(mean), formatDuration(std), plural(o.runs, "run"), plural(loops, "loop"))
	return nil
}

// meanStd returns the mean and the population standard deviation.
func meanStd(xs []float64) (mean, std float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		std += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(std / float64(len(xs)))
}
