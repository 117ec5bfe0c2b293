package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Job struct {
	ID   int
	Data string
}

type Result struct {
	Job    Job
	Output string
	Err    error
}

var ErrBadInput = errors.New("bad input")

type Processor interface {
	Process(Job) (string, error)
}

type Upper struct{ prefix string }

func (u Upper) Process(j Job) (string, error) {
	if strings.TrimSpace(j.Data) == "" {
		return "", fmt.Errorf("job %d: %w", j.ID, ErrBadInput)
	}
	return u.prefix + strings.ToUpper(j.Data), nil
}

type Pool struct {
	workers int
	proc    Processor
	mu      sync.Mutex
	stats   map[string]int
}

func NewPool(n int, p Processor) *Pool {
	return &Pool{workers: n, proc: p, stats: map[string]int{}}
}

func (p *Pool) count(key string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stats[key]++
}

func (p *Pool) Run(jobs []Job) []Result {
	in := make(chan Job)
	out := make(chan Result)
	var wg sync.WaitGroup
	for i := 0; i < p.workers; i++ {
		wg.Add(1)
		go p.worker(in, out, &wg)
	}
	go func() {
		defer close(in)
		for _, j := range jobs {
			in <- j
		}
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	var results []Result
	for r := range out {
		results = append(results, r)
	}
	sort.Slice(results, func(a, b int) bool { return results[a].Job.ID < results[b].Job.ID })
	return results
}

func (p *Pool) worker(in <-chan Job, out chan<- Result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range in {
		s, err := p.proc.Process(j)
		if err != nil {
			p.count("failed")
		} else {
			p.count("ok")
		}
		out <- Result{Job: j, Output: s, Err: err}
	}
}

func main() {
	jobs := []Job{{1, "alpha"}, {2, " "}, {3, "gamma"}, {4, ""}, {5, "epsilon"}}
	pool := NewPool(3, Upper{prefix: "> "})
	results := pool.Run(jobs)
	var errs []error
	for _, r := range results {
		if r.Err != nil {
			errs = append(errs, r.Err)
			fmt.Printf("%d: error %v (bad input: %t)\n", r.Job.ID, r.Err, errors.Is(r.Err, ErrBadInput))
			continue
		}
		fmt.Printf("%d: %s\n", r.Job.ID, r.Output)
	}
	joined := errors.Join(errs...)
	fmt.Println(joined)
	fmt.Println(errors.Is(joined, ErrBadInput), len(errs))
	fmt.Println(pool.stats)
	var procs []Processor
	for _, pre := range []string{"a:", "b:"} {
		procs = append(procs, Upper{pre})
	}
	for _, pr := range procs {
		s, _ := pr.Process(Job{9, "x"})
		fmt.Print(s, " ")
	}
	fmt.Println()
}
