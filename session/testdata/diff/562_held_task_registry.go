package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Status int

const (
	Pending Status = iota
	Running
	Done
	Failed
)

func (s Status) String() string {
	switch s {
	case Pending:
		return "pending"
	case Running:
		return "running"
	case Done:
		return "done"
	case Failed:
		return "failed"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

type Task struct {
	ID     int
	Name   string
	Status Status
	Err    error
}

type ErrTooLong struct {
	Name string
	Len  int
}

func (e *ErrTooLong) Error() string {
	return fmt.Sprintf("task %q: name too long (%d)", e.Name, e.Len)
}

var ErrEmpty = errors.New("empty name")

func process(t *Task) error {
	if t.Name == "" {
		return fmt.Errorf("task %d: %w", t.ID, ErrEmpty)
	}
	if len(t.Name) > 6 {
		return &ErrTooLong{t.Name, len(t.Name)}
	}
	t.Name = strings.ToUpper(t.Name)
	return nil
}

type Registry struct {
	mu    sync.Mutex
	tasks map[int]*Task
}

func (r *Registry) Set(id int, s Status, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.tasks[id].Status = s
	r.tasks[id].Err = err
}

func main() {
	names := []string{"alpha", "", "beta", "gammadelta", "eps"}
	reg := &Registry{tasks: map[int]*Task{}}
	for i, n := range names {
		reg.tasks[i] = &Task{ID: i, Name: n}
	}
	var wg sync.WaitGroup
	for id := range reg.tasks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := reg.tasks[id]
			reg.Set(id, Running, nil)
			if err := process(t); err != nil {
				reg.Set(id, Failed, err)
				return
			}
			reg.Set(id, Done, nil)
		}()
	}
	wg.Wait()
	ids := make([]int, 0, len(reg.tasks))
	for id := range reg.tasks {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	counts := map[Status]int{}
	for _, id := range ids {
		t := reg.tasks[id]
		counts[t.Status]++
		fmt.Printf("%d %-6s %v", t.ID, t.Name, t.Status)
		var tl *ErrTooLong
		switch {
		case errors.Is(t.Err, ErrEmpty):
			fmt.Print(" (empty)")
		case errors.As(t.Err, &tl):
			fmt.Printf(" (too long by %d)", tl.Len-6)
		}
		if t.Err != nil {
			fmt.Printf(" err=%v", t.Err)
		}
		fmt.Println()
	}
	fmt.Println(counts)
	fmt.Printf("%v %s %d %x %q\n", Done, Failed, Done, Running, Pending)
	fmt.Printf("%+v\n", *reg.tasks[0])
}
