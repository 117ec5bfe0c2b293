// Package magic runs the cells of a notebook: their IPython-style magics
// (%time, %%compile, !command...) here, their Go code on a Session.
//
// A cell may hold magics: lines starting with % (line magics, applied to
// the rest of their line), lines starting with ! (shell commands), or a
// first line starting with %% (a cell magic, applied to the whole cell).
// Every magic is one entry of Table, with its help; to add one, add an
// entry and its handler.
package magic

import (
	"context"
	"fmt"
	"io"
	"strings"

	"gokernel/compiler"
	"gokernel/pipe"
)

// Session is what magics need of the worker's session.
type Session interface {
	// Execute runs Go code (without magics) as the cell In [count].
	Execute(ctx context.Context, count int, code string) (map[string]any, error)
	// Names returns the names the cells have defined, in order.
	Names() []compiler.Name
	// Reset replaces the session with a fresh interpreter.
	Reset() error
	// Goroutines returns the MIME bundle (text/html and text/plain) of
	// the table of the live goroutines the cells started.
	Goroutines() map[string]any
	// Native runs %native with its arguments and returns what to print.
	Native(args string) (string, error)
	// GoCommand runs %go (get MODULE@VERSION, list) on the session
	// module and returns what to print.
	GoCommand(ctx context.Context, args string) (string, error)
}

// Runner runs cells, with their magics, on a Session.
type Runner struct {
	Session Session
	// Stdout and Stderr receive what magics print and the output of the
	// programs they run (the worker's os.Stdout and os.Stderr).
	Stdout, Stderr io.Writer
	// Display shows a MIME bundle as a display_data output (the worker's
	// display path); nil prints its text/plain part to Stdout.
	Display func(bundle map[string]any)

	timeitSeq int // names the functions %timeit compiles
}

// Magic is one magic of Table.
type Magic struct {
	// Usage is how the magic is typed, its name first: "%time STATEMENT".
	Usage string
	// Help says what it does, for %help.
	Help string
	run  func(c *call) (map[string]any, error)
}

// Name returns how the magic starts: "%time", "%%time" or "!".
func (m Magic) Name() string {
	name, _, _ := strings.Cut(m.Usage, " ")
	if strings.HasPrefix(name, "!") {
		return "!"
	}
	return name
}

// call is one use of a magic in a cell.
type call struct {
	r     *Runner
	ctx   context.Context
	count int    // the cell's execution count
	args  string // the rest of the magic's line
	body  string // a cell magic's cell, without its first line
}

// printf prints to the cell's stdout.
func (c *call) printf(format string, args ...any) { fmt.Fprintf(c.r.Stdout, format, args...) }

// Table is every magic, in the order %help lists them.
var Table []Magic

func init() { // not a var initializer: %help reads Table
	Table = []Magic{
		{"%time STATEMENT", "run one line and print its CPU and wall time", lineTime},
		{"%%time", "run the whole cell and print its CPU and wall time", cellTime},
		{"%timeit [-n N] [-r R] STATEMENT", "time a statement over many loops: mean ± std. dev. (like IPython)", lineTimeit},
		{"%%timeit [-n N] [-r R]", "the same for the whole cell", cellTimeit},
		{"%%trace [-procs | -goroutines] [-rows N]", "run the cell under Go's execution tracer and draw what the scheduler did: a row per goroutine the cell started (running, runnable, blocked on what), a row per processor (P), a summary line; -procs: processor rows only, -goroutines: goroutine rows only, -rows N: goroutines drawn one per row (default 20, beyond: a row per starting line)", cellTrace},
		{"%%compile [-race]", "run the cell, a complete package main, as a compiled Go program (go build; -race: race detector)", cellCompile},
		{"!COMMAND", "run a shell command; its output streams into the cell", shell},
		{"%env [NAME[=VALUE]]", "list, show or set environment variables", env},
		{"%cd [DIR]", "change the working directory (no DIR: print it)", cd},
		{"%who", "list the names the cells have defined, with their types", who},
		{"%goroutines", "list the live goroutines the cells started: state and for how long, where each was started and where it is now (blocked on what)", goroutinesMagic},
		{"%native [on|off]", "the native tier: list the functions compiled into plugins (with build times) and why each other function stays interpreted; on/off: switch tier-up", nativeMagic},
		{"%go get MODULE[@VERSION]... | %go list", "the session module (a go.mod kept for the kernel session under the user's cache directory): get pins or upgrades the modules whose packages cells import (import \"golang.org/x/sync/errgroup\" adds the latest version by itself); list prints its requirements", goMagic},
		{"%reset", "start a fresh interpreter: forget every variable, function, type and import", reset},
		{"%version", "print the versions of gokernel, Go and yaegi", version},
		{"%help", "print this list", help},
	}
}

// lookup returns the magic of Table named name ("%time", "%%time", "!").
func lookup(name string) (Magic, bool) {
	for _, m := range Table {
		if m.Name() == name {
			return m, true
		}
	}
	return Magic{}, false
}

// Run executes a cell: its magics, and its Go code on the session. The
// value of the last code part is the cell's value.
func (r *Runner) Run(ctx context.Context, count int, code string) (map[string]any, error) {
	if first, body, ok := strings.Cut(code, "\n"); ok || strings.HasPrefix(code, "%%") {
		if name, args, isCell := parseMagic(first, "%%"); isCell {
			m, found := lookup("%%" + name)
			if !found {
				return nil, magicError("%%%%%s is not a cell magic; %%help lists them", name)
			}
			return m.run(&call{r: r, ctx: ctx, count: count, args: args, body: body})
		}
	}
	var result map[string]any
	lines := strings.Split(code, "\n")
	start := 0 // first line of the pending code part
	flush := func(end int) error {
		if !hasCode(lines[start:end]) {
			return nil
		}
		// Blank lines before the part keep error line numbers true to the cell.
		part := strings.Repeat("\n", start) + strings.Join(lines[start:end], "\n")
		res, err := r.Session.Execute(ctx, count, part)
		result = res
		return err
	}
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		isMagic := strings.HasPrefix(trimmed, "%") && !strings.HasPrefix(trimmed, "%%")
		isShell := strings.HasPrefix(trimmed, "!")
		if !isMagic && !isShell || inBlock(lines[:i]) {
			continue
		}
		if err := flush(i); err != nil {
			return nil, err
		}
		start = i + 1
		c := &call{r: r, ctx: ctx, count: count}
		var m Magic
		if isShell {
			m, _ = lookup("!")
			c.args = strings.TrimSpace(trimmed[1:])
		} else {
			name, args, _ := parseMagic(trimmed, "%")
			var found bool
			if m, found = lookup("%" + name); !found {
				return nil, magicError("line %d: %%%s is not a magic; %%help lists them", i+1, name)
			}
			c.args = args
		}
		var err error
		if result, err = m.run(c); err != nil {
			return nil, err
		}
	}
	if err := flush(len(lines)); err != nil {
		return nil, err
	}
	return result, nil
}

// parseMagic splits "%name args" (with the given prefix) into name and args.
func parseMagic(line, prefix string) (name, args string, ok bool) {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, prefix) || (prefix == "%" && strings.HasPrefix(line, "%%")) {
		return "", "", false
	}
	name, args, _ = strings.Cut(line[len(prefix):], " ")
	return name, strings.TrimSpace(args), name != ""
}

// hasCode reports whether lines hold anything but blanks.
func hasCode(lines []string) bool {
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			return true
		}
	}
	return false
}

// inBlock reports whether the lines before a line leave a bracket or a
// raw string open, so that a line starting with % or ! there is Go code
// (a continued expression, a string), not a magic.
func inBlock(before []string) bool {
	depth, raw := 0, false
	for _, l := range before {
		inStr := false
		for i := 0; i < len(l); i++ {
			c := l[i]
			switch {
			case raw:
				raw = c != '`'
			case inStr:
				if c == '\\' {
					i++
				} else if c == '"' {
					inStr = false
				}
			case c == '`':
				raw = true
			case c == '"':
				inStr = true
			case c == '/' && i+1 < len(l) && l[i+1] == '/':
				i = len(l)
			case c == '(' || c == '{' || c == '[':
				depth++
			case c == ')' || c == '}' || c == ']':
				depth--
			}
		}
	}
	return depth > 0 || raw
}

// magicError is the error of a misused magic.
func magicError(format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	return &pipe.Error{Name: "MagicError", Value: msg, Traceback: []string{"MagicError: " + msg}}
}

// magicInterrupted is the error of a magic stopped by an interrupt.
func magicInterrupted() error {
	return &pipe.Error{Name: "Interrupted", Value: "the cell was interrupted",
		Traceback: []string{"\x1b[31mInterrupted\x1b[0m: the cell was interrupted"}}
}
