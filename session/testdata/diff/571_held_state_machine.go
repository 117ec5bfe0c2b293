package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"
)

type State int

const (
	Idle State = iota
	Connecting
	Connected
	Closed
)

var stateNames = [...]string{"idle", "connecting", "connected", "closed"}

func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("State(%d)", int(s))
}

type Event string

type Transition struct {
	From State
	On   Event
	To   State
}

type Machine struct {
	state   State
	table   map[State]map[Event]State
	history []Transition
}

var ErrInvalid = errors.New("invalid transition")

type TransitionError struct {
	From State
	On   Event
}

func (e *TransitionError) Error() string {
	return fmt.Sprintf("no transition from %v on %q", e.From, e.On)
}

func (e *TransitionError) Unwrap() error { return ErrInvalid }

func NewMachine(ts ...Transition) *Machine {
	m := &Machine{table: map[State]map[Event]State{}}
	for _, t := range ts {
		if m.table[t.From] == nil {
			m.table[t.From] = map[Event]State{}
		}
		m.table[t.From][t.On] = t.To
	}
	return m
}

func (m *Machine) Fire(e Event) error {
	to, ok := m.table[m.state][e]
	if !ok {
		return &TransitionError{m.state, e}
	}
	m.history = append(m.history, Transition{m.state, e, to})
	m.state = to
	return nil
}

type Logger interface {
	Log(string)
}

type Flusher interface {
	Logger
	Flush() []string
}

type memLog struct{ lines []string }

func (l *memLog) Log(s string)    { l.lines = append(l.lines, s) }
func (l *memLog) Flush() []string { out := l.lines; l.lines = nil; return out }

func safeFire(m *Machine, e Event, lg Logger) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	if e == "boom" {
		panic("event " + string(e))
	}
	if err := m.Fire(e); err != nil {
		lg.Log("error: " + err.Error())
		return err
	}
	lg.Log(fmt.Sprintf("%s -> %v", e, m.state))
	return nil
}

func main() {
	m := NewMachine(
		Transition{Idle, "dial", Connecting},
		Transition{Connecting, "ok", Connected},
		Transition{Connecting, "fail", Idle},
		Transition{Connected, "close", Closed},
	)
	var lg Logger = &memLog{}
	for _, e := range []Event{"dial", "fail", "dial", "ok", "dial", "boom", "close"} {
		err := safeFire(m, e, lg)
		var te *TransitionError
		switch {
		case err == nil:
		case errors.As(err, &te):
			fmt.Println("bad:", te.From, te.On, errors.Is(err, ErrInvalid))
		default:
			fmt.Println("other:", err)
		}
	}
	if f, ok := lg.(Flusher); ok {
		fmt.Println(strings.Join(f.Flush(), "; "))
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "from\ton\tto\t")
	for _, t := range m.history {
		fmt.Fprintf(tw, "%v\t%s\t%v\t\n", t.From, t.On, t.To)
	}
	tw.Flush()
	fmt.Printf("%v %d %s %x %08b\n", m.state, m.state, State(7), Connected, Connected)
	d := 1500*time.Millisecond + 3*time.Minute
	fmt.Println(d, d.Round(time.Minute), d.Seconds(), time.Duration(0))
	fmt.Printf("%+v\n", m.history[0])
}
