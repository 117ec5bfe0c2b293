package proc

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sync"
)

// Pool runs calls of a notebook function on a fixed number of worker
// processes, like multiprocessing.Pool. The processes live for one Map
// call: they start, share the inputs, and exit.
type Pool struct {
	// Workers is the number of processes.
	Workers int
}

// NewPool returns a pool of n processes (at least 1).
func NewPool(n int) *Pool {
	if n < 1 {
		n = 1
	}
	return &Pool{Workers: n}
}

// Map calls fn on every element of inputs (a slice or array) using the
// pool's processes, and returns the results in input order: each is fn's
// first result. If fn's last result is an error, the first non-nil one is
// returned as Map's error (results are still filled).
func (p *Pool) Map(fn string, inputs any) ([]any, error) {
	ftype, err := funcType(fn)
	if err != nil {
		return nil, err
	}
	in := reflect.ValueOf(inputs)
	if in.Kind() != reflect.Slice && in.Kind() != reflect.Array {
		return nil, errNoInputs
	}
	n := in.Len()
	raw := make([]json.RawMessage, n)
	for i := 0; i < n; i++ {
		args, err := EncodeArgs([]any{in.Index(i).Interface()})
		if err != nil {
			return nil, err
		}
		raw[i] = args[0]
	}
	workers := min(p.Workers, max(n, 1))
	jobs := make(chan int)
	results := make([]any, n)
	errs := make([]error, n)
	startErrs := make([]error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			c, err := spawn(fmt.Sprintf("%s worker %d", fn, w+1))
			if err != nil {
				startErrs[w] = err
				for range jobs { // let the other workers take the jobs
				}
				return
			}
			for i := range jobs {
				res, err := c.call(fn, []json.RawMessage{raw[i]})
				if err == nil {
					var vals []any
					vals, err = decodeResults(ftype, res)
					if len(vals) > 0 {
						results[i] = vals[0]
						if e, ok := vals[len(vals)-1].(error); ok && e != nil && len(vals) > 1 {
							err = fmt.Errorf("%s(%v): %w", fn, in.Index(i).Interface(), e)
						}
					}
				}
				errs[i] = err
			}
			c.close()
			<-c.exited
		}(w)
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if allFailed(startErrs) {
		return nil, startErrs[0]
	}
	return results, joinErrors(errs)
}

func allFailed(errs []error) bool {
	for _, e := range errs {
		if e == nil {
			return false
		}
	}
	return len(errs) > 0
}

// Map calls fn on every element of inputs with a pool of workers processes
// and returns the results in order: Pool(workers).map(fn, inputs).
func Map(fn string, inputs any, workers int) ([]any, error) {
	return NewPool(workers).Map(fn, inputs)
}
