package interp

import (
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"strconv"
	"strings"

	"gokernel/pipe"

	"github.com/traefik/yaegi/interp"
)

// cellError is an error of a cell before it becomes a pipe.Error.
type cellError struct {
	name, msg string
	// line and col are 0 when the position is unknown; line encodes the
	// cell (see cellLine), serial 0 being the cell that runs.
	line, col int
	// frames are the further interpreted frames of a panic, innermost first.
	frames []frame
}

func (e *cellError) Error() string { return e.name + ": " + e.msg }

// ANSI colors of tracebacks, as ipykernel uses them.
const (
	red   = "\x1b[0;31m"
	green = "\x1b[0;32m"
	bold  = "\x1b[1m"
	reset = "\x1b[0m"
)

var (
	posRe     = regexp.MustCompile(`^(?:(\S+?):)?(\d+):(\d+): `)
	anyPosRe  = regexp.MustCompile(`(?:_\.go:|\b)\d+:\d+: `)
	mainRe    = regexp.MustCompile(`\bmain\.`)
	implRe    = regexp.MustCompile(`__gkm_(\w+?)_(\w+)`)
	importRe  = regexp.MustCompile(`import "([^"]+)" error: unable to find source related to: .*`)
	symbolRe  = regexp.MustCompile(`package \w+ "([^"]+)" has no symbol (\w+)`)
	selRe     = regexp.MustCompile(`undefined selector: (\w+)\.(\w+)`)
	genericRe = regexp.MustCompile(`undefined type for \w+`)
)

// cleanNames replaces the names of generated code with the user's.
func cleanNames(s string) string {
	s = implRe.ReplaceAllString(s, "$1.$2")
	s = strings.NewReplacer(mainName, "main", "__gkMin", "min", "__gkMax", "max", rtName+".Clear", "clear", "__gkfmt.", "fmt.").Replace(s)
	return mainRe.ReplaceAllString(s, "")
}

// compileError converts an error of yaegi's compiler.
func compileError(err error) *cellError {
	e := &cellError{name: "CompileError"}
	msg := err.Error()
	if m := posRe.FindStringSubmatch(msg); m != nil {
		msg = msg[len(m[0]):]
		e.line, _ = strconv.Atoi(m[2])
		e.col, _ = strconv.Atoi(m[3])
		if serial, _ := cellLine(e.line); serial == 0 {
			e.line, e.col = 0, 0 // generated code
		}
	}
	msg = anyPosRe.ReplaceAllString(firstLine(msg), "")
	switch {
	case importRe.MatchString(msg):
		path := importRe.FindStringSubmatch(msg)[1]
		msg = fmt.Sprintf("package %s is not available in the interpreter (it has the Go 1.22 standard library and the gokernel packages)%s", path, orCompile)
	case symbolRe.MatchString(msg) || selRe.MatchString(msg):
		m := symbolRe.FindStringSubmatch(msg)
		if m == nil {
			m = selRe.FindStringSubmatch(msg)
		}
		pkg := m[1][strings.LastIndex(m[1], "/")+1:]
		name := pkg + "." + m[2]
		hint := unavailable[name]
		if hint == "" {
			hint = "the interpreter has the Go 1.22 standard library"
		}
		msg = fmt.Sprintf("%s is not available in the interpreter: %s%s", name, hint, orCompile)
	case genericRe.MatchString(msg):
		msg = "this generic code is not supported by the interpreter (" + msg + "): instantiate the types explicitly (F[int](x)) or avoid variadic type parameters" + orCompile
	case strings.Contains(msg, "CFG post-order panic"):
		msg = "the interpreter failed to compile this code (" + strings.TrimPrefix(msg, "CFG post-order panic: ") + ")" + orCompile
	}
	e.msg = cleanNames(msg)
	return e
}

// panicError converts a panic of interpreted code; frames are the
// interpreted frames it went through.
func panicError(value any, frames []frame) *cellError {
	e := &cellError{name: "panic", frames: frames}
	var msg string
	switch v := value.(type) {
	case exitPanic:
		e.name, msg = "Exit", v.msg
	case runtime.Error:
		e.name, msg = "runtime error", strings.TrimPrefix(v.Error(), "runtime error: ")
	case error:
		msg = v.Error()
	default:
		msg = fmt.Sprint(v)
	}
	if s, ok := value.(string); ok && (s == "nil type" || s == "nil reflect type") {
		return &cellError{name: "CompileError", msg: "the interpreter crashed compiling this code (yaegi: " + s + "): this happens with range over an int or a function that is not recognized as such, and with some generic code; write a three-clause for loop" + orCompile}
	}
	if m := posRe.FindStringSubmatch(msg); m != nil {
		msg = msg[len(m[0]):]
		l, _ := strconv.Atoi(m[2])
		c, _ := strconv.Atoi(m[3])
		if serial, _ := cellLine(l); serial > 0 {
			e.frames = append([]frame{{line: l, col: c}}, frames...)
		}
	}
	if goMsg, ok := goRuntimeText(msg); ok {
		e.name, msg = "runtime error", goMsg
	}
	e.msg = cleanNames(firstLine(msg))
	if len(e.frames) > 0 {
		e.line, e.col = e.frames[0].line, e.frames[0].col
	}
	return e
}

// goRuntimeText maps yaegi's texts of runtime errors to Go's.
func goRuntimeText(msg string) (string, bool) {
	switch {
	case strings.HasPrefix(msg, "reflect:") && strings.Contains(msg, "index out of range"):
		return "index out of range", true
	case strings.HasPrefix(msg, "reflect:") && strings.Contains(msg, "slice bounds out of range"):
		return "slice bounds out of range", true
	case strings.HasPrefix(msg, "reflect:") && strings.Contains(msg, "zero Value"),
		strings.Contains(msg, "nil pointer dereference"):
		return "invalid memory address or nil pointer dereference", true
	case msg == "assignment to entry in nil map", strings.HasPrefix(msg, "index out of range"):
		return msg, true
	}
	return msg, false
}

// evalError converts an error returned by yaegi.
func (s *Session) evalError(err error) *cellError {
	var p interp.Panic
	if errors.As(err, &p) {
		return panicError(p.Value, s.takeFrames(-1))
	}
	return compileError(err)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// inLabel is "In [n]" as Jupyter shows the cell.
func inLabel(count int) string {
	if count <= 0 {
		return "In [ ]"
	}
	return "In [" + strconv.Itoa(count) + "]"
}

// where describes a position: "In [7], line 3, column 5".
func (s *Session) where(cur *cellSrc, line, col int) (string, *cellSrc) {
	c := cur
	serial, line := cellLine(line)
	if serial > 0 {
		c = s.cells[serial]
	}
	if c == nil {
		return "", nil
	}
	if line <= 0 {
		return "", nil
	}
	w := fmt.Sprintf("%s, line %d", inLabel(c.count), line)
	if col > 0 {
		w += fmt.Sprintf(", column %d", col)
	}
	return w, c
}

// protocolError converts any error of cell cur into a pipe.Error with
// a traceback: the error, then each position with its source line.
func (s *Session) protocolError(cur *cellSrc, err error) *pipe.Error {
	var e *cellError
	if !errors.As(err, &e) {
		e = &cellError{name: "Error", msg: err.Error()}
	}
	if e.name == "runtime error" && e.msg == "index out of range" && len(e.frames) > 0 {
		if serial, line := cellLine(e.frames[0].line); serial > 0 && s.cells[serial] != nil {
			e.msg += s.indexDetail(s.cells[serial], line)
		}
	}
	pe := &pipe.Error{Name: e.name, Value: e.msg}
	pe.Traceback = append(pe.Traceback, red+bold+e.name+reset+": "+e.msg)
	frames := e.frames
	if len(frames) == 0 && e.line > 0 {
		frames = []frame{{line: e.line, col: e.col}}
	}
	for i, f := range frames {
		w, c := s.where(cur, f.line, f.col)
		if w == "" {
			continue
		}
		if i == 0 {
			pe.Value += " (" + w + ")"
		}
		if fn := funcName(f.fn); fn != "" {
			w += ", in " + fn
		}
		pe.Traceback = append(pe.Traceback, green+w+reset)
		if i == 0 {
			_, line := cellLine(f.line)
			pe.Traceback = append(pe.Traceback, sourceLines(c.src, line, f.col)...)
		}
		if i == 4 {
			break
		}
	}
	return pe
}

// sourceLines returns the line of src with a caret under column col.
func sourceLines(src string, line, col int) []string {
	lines := strings.Split(src, "\n")
	if line < 1 || line > len(lines) {
		return nil
	}
	text := strings.ReplaceAll(lines[line-1], "\t", "    ")
	num := strconv.Itoa(line)
	out := []string{fmt.Sprintf("  %s | %s", num, text)}
	if col > 0 {
		prefix := lines[line-1][:min(col-1, len(lines[line-1]))]
		pad := len(strings.ReplaceAll(prefix, "\t", "    "))
		out = append(out, fmt.Sprintf("  %s | %s%s^%s", strings.Repeat(" ", len(num)), strings.Repeat(" ", pad), red, reset))
	}
	return out
}
