package session

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"strconv"
	"strings"

	"gokernel/cellsrc"
	"gokernel/compiler"
	"gokernel/interpvalue"
	"gokernel/pipe"
	"gokernel/stdlib"

	"github.com/traefik/yaegi/interp"
)

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
	genericRe = regexp.MustCompile(`undefined type for \w+|not a generic type`)
)

// cleanNames replaces the names of generated code with the user's.
func cleanNames(s string) string {
	s = implRe.ReplaceAllString(s, "$1.$2")
	s = strings.NewReplacer(compiler.MainName, "main", "__gkMin", "min", "__gkMax", "max", compiler.RuntimeName+".Clear", "clear", "__gkfmt.", "fmt.").Replace(s)
	return mainRe.ReplaceAllString(interpvalue.RenameInstances(s), "")
}

// compileError converts an error of yaegi's compiler; typed says that
// go/types accepted the code, so that an error yaegi finds in it is the
// interpreter's limit.
func compileError(err error, typed bool) *compiler.Error {
	e := &compiler.Error{Name: "CompileError"}
	msg := err.Error()
	if m := posRe.FindStringSubmatch(msg); m != nil {
		msg = msg[len(m[0]):]
		e.Line, _ = strconv.Atoi(m[2])
		e.Col, _ = strconv.Atoi(m[3])
		if serial, _ := cellsrc.CellLine(e.Line); serial == 0 {
			e.Line, e.Col = 0, 0 // generated code
		}
	}
	msg = anyPosRe.ReplaceAllString(firstLine(msg), "")
	switch {
	case importRe.MatchString(msg):
		path := importRe.FindStringSubmatch(msg)[1]
		msg = fmt.Sprintf("package %s is not available in the interpreter (it has the standard library of %s and the gokernel packages)%s", path, stdlib.GoVersion, compiler.OrCompile)
	case symbolRe.MatchString(msg) || selRe.MatchString(msg):
		m := symbolRe.FindStringSubmatch(msg)
		if m == nil {
			m = selRe.FindStringSubmatch(msg)
		}
		pkg := cellsrc.ImportName(m[1])
		name := pkg + "." + m[2]
		hint := compiler.Unavailable[name]
		if hint == "" {
			hint = "the interpreter has the standard library of " + stdlib.GoVersion
		}
		msg = fmt.Sprintf("%s is not available in the interpreter: %s%s", name, hint, compiler.OrCompile)
	case genericRe.MatchString(msg):
		msg = "this generic code is not supported by the interpreter (" + msg + "): instantiate the types explicitly (F[int](x)), give it type arguments that are not named types of the cells, or write it without generics" + compiler.OrCompile
	case strings.Contains(msg, "CFG post-order panic"):
		msg = "the interpreter failed to compile this code (" + strings.TrimPrefix(msg, "CFG post-order panic: ") + ")" + compiler.OrCompile
	case typed:
		msg = "the interpreter cannot compile this code, which Go accepts (yaegi: " + msg + ")" + compiler.OrCompile
	}
	e.Msg = cleanNames(msg)
	return e
}

// panicError converts a panic of interpreted code; frames are the
// interpreted frames it went through.
func panicError(value any, frames []compiler.Frame) *compiler.Error {
	e := &compiler.Error{Name: "panic", Frames: frames}
	var msg string
	switch v := value.(type) {
	case exitPanic:
		e.Name, msg = "Exit", v.msg
	case runtime.Error:
		e.Name, msg = "runtime error", strings.TrimPrefix(v.Error(), "runtime error: ")
	case error:
		msg = v.Error()
	default:
		msg = fmt.Sprint(v)
	}
	if s, ok := value.(string); ok && (s == "nil type" || s == "nil reflect type") {
		return &compiler.Error{Name: "CompileError", Msg: "the interpreter crashed compiling this code (yaegi: " + s + "): this happens with range over an int or a function that is not recognized as such, and with some generic code; write a three-clause for loop" + compiler.OrCompile}
	}
	if m := posRe.FindStringSubmatch(msg); m != nil {
		msg = msg[len(m[0]):]
		l, _ := strconv.Atoi(m[2])
		c, _ := strconv.Atoi(m[3])
		if serial, _ := cellsrc.CellLine(l); serial > 0 {
			e.Frames = append([]compiler.Frame{{Line: l, Col: c}}, frames...)
		}
	}
	if strings.Contains(msg, "CFG post-order panic") {
		// yaegi compiles generic code when it first runs it: its crash
		// there is not the program's runtime error
		inner := anyPosRe.ReplaceAllString(strings.ReplaceAll(firstLine(msg), "CFG post-order panic: ", ""), "")
		inner = strings.TrimPrefix(inner, "runtime error: ")
		e.Name, msg = "CompileError", "the interpreter crashed compiling generic code as it ran it (yaegi: "+inner+"): instantiate it with other type arguments (a named type of the cells is the usual trigger), or write it without generics"+compiler.OrCompile
	} else if goMsg, ok := goRuntimeText(msg); ok {
		e.Name, msg = "runtime error", goMsg
	}
	e.Msg = cleanNames(firstLine(msg))
	if len(e.Frames) > 0 {
		e.Line, e.Col = e.Frames[0].Line, e.Frames[0].Col
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
	case strings.HasPrefix(msg, "hash of unhashable type: "): // reflect's map assignment
		return "hash of unhashable type " + strings.TrimPrefix(msg, "hash of unhashable type: "), true
	case msg == "assignment to entry in nil map", strings.HasPrefix(msg, "index out of range"):
		return msg, true
	}
	return msg, false
}

// evalError converts an error returned by yaegi.
func (s *Session) evalError(err error) *compiler.Error {
	var p interp.Panic
	if errors.As(err, &p) {
		e := panicError(p.Value, s.takeFrames(-1))
		if s.typed && e.Name != "CompileError" && bytes.Contains(p.Stack, []byte("interp.(*Interpreter).CompileAST")) {
			// yaegi's own crash compiling code the checker accepted (a
			// nil dereference building a generic type's methods), not
			// the program's runtime error
			return &compiler.Error{Name: "CompileError", Msg: "the interpreter crashed compiling this code, which Go accepts (yaegi: " + strings.TrimSpace(e.Name+": "+e.Msg) + ")" + compiler.OrCompile, Line: e.Line, Col: e.Col, Frames: e.Frames}
		}
		if uncomparableRe.MatchString("runtime error: " + e.Msg) {
			e.Msg = strings.TrimPrefix(s.printer.Rename("runtime error: "+e.Msg, true), "runtime error: ")
		}
		return e
	}
	return compileError(err, s.typed)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// where describes a position: "In [7], line 3, column 5".
func (s *Session) where(cur *cellSrc, line, col int) (string, *cellSrc) {
	c := cur
	serial, line := cellsrc.CellLine(line)
	if serial > 0 {
		c = s.cells[serial]
	}
	if c == nil {
		return "", nil
	}
	if line <= 0 {
		return "", nil
	}
	w := fmt.Sprintf("%s, line %d", compiler.InLabel(c.count), line)
	if col > 0 {
		w += fmt.Sprintf(", column %d", col)
	}
	return w, c
}

// protocolError converts any error of cell cur into a pipe.Error with
// a traceback: the error, then each position with its source line.
func (s *Session) protocolError(cur *cellSrc, err error) *pipe.Error {
	var e *compiler.Error
	if !errors.As(err, &e) {
		e = &compiler.Error{Name: "compiler.Error", Msg: err.Error()}
	}
	if e.Name == "runtime error" && e.Msg == "index out of range" && len(e.Frames) > 0 {
		if serial, line := cellsrc.CellLine(e.Frames[0].Line); serial > 0 && s.cells[serial] != nil {
			e.Msg += s.indexDetail(s.cells[serial], line)
		}
	}
	pe := &pipe.Error{Name: e.Name, Value: e.Msg}
	pe.Traceback = append(pe.Traceback, red+bold+e.Name+reset+": "+e.Msg)
	frames := e.Frames
	if len(frames) == 0 && e.Line > 0 {
		frames = []compiler.Frame{{Line: e.Line, Col: e.Col}}
	}
	for i, f := range frames {
		w, c := s.where(cur, f.Line, f.Col)
		if w == "" {
			continue
		}
		if i == 0 {
			pe.Value += " (" + w + ")"
		}
		if fn := funcName(f.Func); fn != "" {
			w += ", in " + fn
		}
		pe.Traceback = append(pe.Traceback, green+w+reset)
		if i == 0 {
			_, line := cellsrc.CellLine(f.Line)
			pe.Traceback = append(pe.Traceback, sourceLines(c.src, line, f.Col)...)
		}
		if i == 4 {
			break
		}
	}
	pe.Traceback = append(pe.Traceback, e.Notes...)
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
