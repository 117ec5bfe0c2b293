package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

type State int

const (
	Pending State = iota
	Running
	Done
	Failed
)

func (s State) String() string { return [...]string{"pending", "running", "done", "failed"}[s] }

type JobID int

type Job struct {
	ID    JobID
	Input string
	State State
}

type Result struct {
	ID  JobID
	Out any
	Err error
}

var ErrEmpty = errors.New("empty input")

func work(ctx context.Context, j Job) Result {
	select {
	case <-ctx.Done():
		return Result{j.ID, nil, ctx.Err()}
	case <-time.After(time.Duration(j.ID%3) * time.Millisecond):
	}
	if j.Input == "" {
		return Result{j.ID, nil, fmt.Errorf("job %d: %w", j.ID, ErrEmpty)}
	}
	if len(j.Input) > 3 {
		return Result{j.ID, len(j.Input), nil}
	}
	return Result{j.ID, strings.ToUpper(j.Input), nil}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	inputs := []string{"go", "", "channels", "sel", "context", ""}
	jobs := make(chan Job)
	results := make(chan Result)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- work(ctx, j)
			}
		}()
	}
	go func() {
		for i, in := range inputs {
			jobs <- Job{JobID(i), in, Pending}
		}
		close(jobs)
	}()
	go func() { wg.Wait(); close(results) }()
	var all []Result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(a, b int) bool { return all[a].ID < all[b].ID })
	states := map[State]int{}
	for _, r := range all {
		st := Done
		switch v := r.Out.(type) {
		case int:
			fmt.Printf("job %d: %d letters\n", r.ID, v)
		case string:
			fmt.Printf("job %d: %q\n", r.ID, v)
		case nil:
			st = Failed
			fmt.Printf("job %d: %v (empty: %t)\n", r.ID, r.Err, errors.Is(r.Err, ErrEmpty))
		}
		states[st]++
	}
	keys := make([]State, 0, len(states))
	for k := range states {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	for _, k := range keys {
		fmt.Println(k, states[k])
	}
	fmt.Println(states)
	fmt.Printf("%v %+v\n", all[0], all[1])
}
