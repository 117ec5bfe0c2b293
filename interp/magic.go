package interp

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"text/tabwriter"

	"gokernel/pipe"
)

// A cell may hold magics: lines starting with % (line magics, applied to
// the rest of their line), lines starting with ! (shell commands), or a
// first line starting with %% (a cell magic, applied to the whole cell).

// lineMagic is one handler of a %name line; args is the rest of the line.
type lineMagic func(w *Worker, ctx context.Context, count int, args string) (map[string]any, error)

// cellMagic is one handler of a %%name cell; body is the cell without its
// first line.
type cellMagic func(w *Worker, ctx context.Context, count int, args, body string) (map[string]any, error)

// magicHelp is the text of %help, one entry per magic.
var magicHelp = [][2]string{
	{"%time STATEMENT", "run one line and print its CPU and wall time"},
	{"%%time", "run the whole cell and print its CPU and wall time"},
	{"%timeit [-n N] [-r R] STATEMENT", "time a statement over many loops: mean ± std. dev. (like IPython)"},
	{"%%timeit [-n N] [-r R]", "the same for the whole cell"},
	{"%%compile [-race]", "run the cell, a complete package main, as a compiled Go program (go build; -race: race detector)"},
	{"!COMMAND", "run a shell command; its output streams into the cell"},
	{"%env [NAME[=VALUE]]", "list, show or set environment variables"},
	{"%cd [DIR]", "change the working directory (no DIR: print it)"},
	{"%who", "list the names the cells have defined, with their types"},
	{"%reset", "start a fresh interpreter: forget every variable, function, type and import"},
	{"%version", "print the versions of gokernel, Go and yaegi"},
	{"%help", "print this list"},
}

func lineMagics() map[string]lineMagic {
	return map[string]lineMagic{
		"time":    magicTime,
		"timeit":  magicTimeit,
		"env":     magicEnv,
		"cd":      magicCd,
		"who":     magicWho,
		"reset":   magicReset,
		"help":    magicHelpCmd,
		"version": magicVersion,
	}
}

func cellMagics() map[string]cellMagic {
	return map[string]cellMagic{
		"time":    cellTime,
		"timeit":  cellTimeit,
		"compile": cellCompile,
	}
}

// MagicNames returns every magic as typed, for completion ("%time", "%%time", ...).
func MagicNames() []string {
	var names []string
	for n := range lineMagics() {
		names = append(names, "%"+n)
	}
	for n := range cellMagics() {
		names = append(names, "%%"+n)
	}
	sort.Strings(names)
	return names
}

// run executes a cell: its magics, and its Go code on the session. The
// value of the last code part is the cell's value.
func (w *Worker) run(ctx context.Context, count int, code string) (map[string]any, error) {
	if first, body, ok := strings.Cut(code, "\n"); ok || strings.HasPrefix(code, "%%") {
		if name, args, isCell := parseMagic(first, "%%"); isCell {
			h, found := cellMagics()[name]
			if !found {
				return nil, magicError("%%%%%s is not a cell magic; %%help lists them", name)
			}
			return h(w, ctx, count, args, body)
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
		r, err := w.session.Execute(ctx, count, part)
		result = r
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
		var err error
		if isShell {
			result, err = nil, runShell(ctx, strings.TrimSpace(trimmed[1:]))
		} else {
			name, args, _ := parseMagic(trimmed, "%")
			h, found := lineMagics()[name]
			if !found {
				return nil, magicError("line %d: %%%s is not a magic; %%help lists them", i+1, name)
			}
			result, err = h(w, ctx, count, args)
		}
		if err != nil {
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

func magicEnv(w *Worker, ctx context.Context, count int, args string) (map[string]any, error) {
	switch {
	case args == "":
		env := os.Environ()
		sort.Strings(env)
		fmt.Println(strings.Join(env, "\n"))
	case strings.ContainsAny(args, "= "):
		name, value, _ := strings.Cut(strings.Replace(args, " ", "=", 1), "=")
		if err := os.Setenv(strings.TrimSpace(name), strings.TrimSpace(value)); err != nil {
			return nil, magicError("%%env: %v", err)
		}
		fmt.Printf("env: %s=%s\n", strings.TrimSpace(name), strings.TrimSpace(value))
	default:
		v, ok := os.LookupEnv(args)
		if !ok {
			return nil, magicError("%%env: %s is not set", args)
		}
		fmt.Println(v)
	}
	return nil, nil
}

func magicCd(w *Worker, ctx context.Context, count int, args string) (map[string]any, error) {
	if args != "" {
		dir := args
		if dir == "~" || strings.HasPrefix(dir, "~/") {
			home, _ := os.UserHomeDir()
			dir = home + dir[1:]
		}
		if err := os.Chdir(dir); err != nil {
			return nil, magicError("%%cd: %v", err)
		}
	}
	wd, _ := os.Getwd()
	fmt.Println(wd)
	return nil, nil
}

func magicWho(w *Worker, ctx context.Context, count int, args string) (map[string]any, error) {
	names := w.session.Names()
	if len(names) == 0 {
		fmt.Println("Nothing defined yet.")
		return nil, nil
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKIND\tTYPE")
	for _, n := range names {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", n.Name, n.Kind, n.Type)
	}
	tw.Flush()
	return nil, nil
}

func magicReset(w *Worker, ctx context.Context, count int, args string) (map[string]any, error) {
	if err := w.resetSession(); err != nil {
		return nil, err
	}
	fmt.Println("Interpreter reset: every variable, function, type and import is gone.")
	return nil, nil
}

func magicHelpCmd(w *Worker, ctx context.Context, count int, args string) (map[string]any, error) {
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "gokernel magics (a line starting with % or !, or a first line starting with %%):")
	for _, h := range magicHelp {
		fmt.Fprintf(tw, "  %s\t%s\n", h[0], h[1])
	}
	tw.Flush()
	fmt.Println("\nCells may also `import \"gokernel/display\"` (rich output, timelines, charts, progress bars)\nand `import \"gokernel/proc\"` (run notebook functions in separate OS processes).")
	return nil, nil
}

// magicInterrupted is the error of a magic stopped by an interrupt.
func magicInterrupted() error {
	return &pipe.Error{Name: "Interrupted", Value: "the cell was interrupted",
		Traceback: []string{"\x1b[31mInterrupted\x1b[0m: the cell was interrupted"}}
}

func magicVersion(w *Worker, ctx context.Context, count int, args string) (map[string]any, error) {
	fmt.Printf("gokernel %s\nGo %s (%s/%s)\nyaegi %s\n", pipe.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH, yaegiVersion())
	return nil, nil
}

// yaegiVersion returns the version of the interpreter module in the binary.
func yaegiVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == "github.com/traefik/yaegi" {
				return m.Version
			}
		}
	}
	return "(unknown)"
}
