package schedtrace

import "time"

// What Read makes of a trace: the cell's goroutines as spans of states, the
// processors as spans of goroutines, the garbage collections.

// State is what a goroutine does during a Span.
type State uint8

// The states, in the order the legend lists them.
const (
	Running  State = iota // on a processor
	Runnable              // ready, waiting for a processor (a core)
	Chan                  // blocked on a channel send or receive
	Select                // blocked in a select
	Sync                  // blocked on a mutex, WaitGroup, Cond...
	Sleep                 // sleeping (time.Sleep, timers)
	IO                    // in a system call or waiting for the network
	GC                    // helping or waiting for the garbage collector
	Blocked               // blocked on something else (select {}, ...)
	numStates
)

// stateNames are the legend's words for the states.
var stateNames = [numStates]string{
	Running:  "running",
	Runnable: "runnable (waiting for a core)",
	Chan:     "channel",
	Select:   "select",
	Sync:     "mutex, WaitGroup",
	Sleep:    "sleep",
	IO:       "I/O, syscall",
	GC:       "GC",
	Blocked:  "other wait",
}

// shortNames are the states' names in text.
var shortNames = [numStates]string{"running", "runnable", "channel", "select", "sync", "sleep", "I/O", "GC", "other wait"}

// String returns the state's name as the legend shows it.
func (s State) String() string {
	if s < numStates {
		return stateNames[s]
	}
	return "unknown"
}

// Span is a stretch of time a goroutine spent in one state. Times are
// offsets from the start of the trace's window (the Begin mark).
type Span struct {
	Start, End time.Duration
	State      State
}

// Goroutine is one goroutine of the cell.
type Goroutine struct {
	ID int64
	// Main is true for the goroutines that run the cell's code itself
	// (the interpreter runs each part of a cell on one of its own).
	Main bool
	// Parent is the goroutine that created it.
	Parent int64
	// Label says where it was started: the cell line of its go statement
	// ("In [3], line 5"), or its function when library code started it.
	Label string
	// Created is when it was created.
	Created time.Duration
	// Spans are its states from its creation to its end or the window's.
	Spans []Span
}

// Time returns how long g spent in state s.
func (g *Goroutine) Time(s State) time.Duration {
	var d time.Duration
	for _, sp := range g.Spans {
		if sp.State == s {
			d += sp.End - sp.Start
		}
	}
	return d
}

// Other goroutine identities of ProcSpan.G, for goroutines not of the cell.
const (
	OtherG = -1 // the kernel's, the interpreter's, the runtime's
	GCG    = -2 // a garbage collector worker
)

// ProcSpan is a stretch of time a processor ran one goroutine.
type ProcSpan struct {
	Start, End time.Duration
	// G is the goroutine's ID if it is the cell's, else OtherG or GCG.
	G int64
}

// Proc is one processor (P): a right to run Go code on an OS thread. There
// are GOMAXPROCS of them.
type Proc struct {
	ID    int64
	Spans []ProcSpan
}

// Busy returns how long p ran the cell's goroutines.
func (p *Proc) Busy() time.Duration {
	var d time.Duration
	for _, s := range p.Spans {
		if s.G >= 0 {
			d += s.End - s.Start
		}
	}
	return d
}

// Interval is a stretch of time.
type Interval struct{ Start, End time.Duration }

// Trace is what the scheduler did while a cell ran.
type Trace struct {
	// Wall is the length of the window: from the Begin mark to the End mark.
	Wall time.Duration
	// Goroutines are the cell's, in creation order, main ones first.
	Goroutines []*Goroutine
	// Procs are the processors that ran anything in the window, by ID.
	Procs []*Proc
	// GC are the stretches of time a garbage collection was going on
	// (concurrent mark phases and stop-the-world pauses), merged.
	GC []Interval
	// GCCycles counts the collections that began in the window.
	GCCycles int
	// GOMAXPROCS is the last value seen in the trace (0 if none).
	GOMAXPROCS int
	// Events is how many events the trace held.
	Events int
}
