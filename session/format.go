package session

import (
	"gokernel/compiler"
	"regexp"
	"strconv"
	"strings"
)

// The value of a cell's trailing expression is formatted inside the
// interpreter: the host sees interpreted types as anonymous types without
// their methods, so String() and the rich display methods must be called
// by interpreted code.

// displayMethods are the methods that give a value a rich representation.
var displayMethods = []struct{ method, mime string }{
	{"HTML", "text/html"},
	{"SVG", "image/svg+xml"},
	{"Markdown", "text/markdown"},
}

var (
	typeErrRe = regexp.MustCompile(`cannot (?:use type|convert) (.+?) (?:as type|to) main\.__gkNever`)
	resultsRe = regexp.MustCompile(`returns (\d+) values?`)
)

// resultCount returns how many values the call expression expr has.
func (s *Session) resultCount(expr string) int {
	err := s.compileOnly("package main\nfunc __gkprobe() { _, _ = " + expr + "\n}")
	if err == nil {
		return 2
	}
	m := resultsRe.FindStringSubmatch(err.Error())
	if m == nil {
		return 1
	}
	n, _ := strconv.Atoi(m[1])
	if n == 0 {
		// Conversions also report 0 values: a value has a type.
		err := s.compileOnly("package main\nfunc __gkprobe() { var _ __gkNever = (" + expr + ") }")
		if err == nil || typeErrRe.MatchString(err.Error()) {
			return 1
		}
	}
	return n
}

// hasMethod reports whether the value of expr has method m() string.
func (s *Session) hasMethod(expr, m string) bool {
	return s.compileOnly("package main\nfunc __gkprobe() { var _ string = ("+expr+")."+m+"() }") == nil
}

// display evaluates the trailing expression and returns its MIME bundle.
func (r *runner) display(st *compiler.Step) (map[string]any, error) {
	n := 1
	if st.Call {
		n = r.s.resultCount(st.Src)
	}
	if n == 0 {
		_, err := r.eval(";func() {\n" + st.Src + "\n}()")
		return nil, err
	}
	vars := make([]string, n)
	for i := range vars {
		vars[i] = "__gkv" + strconv.Itoa(i)
	}
	var b strings.Builder
	b.WriteString(";func() []string {\n" + strings.Join(vars, ", ") + " := " + st.Src + "\n")
	b.WriteString("__gkt := __gkfmt.Sprintln(" + strings.Join(vars, ", ") + ")\n")
	if t := r.s.TypeOf(st.Src); n == 1 && (t == "" || t == "string" || t == "untyped string") {
		// A string is quoted; a named string type is not (its %T is
		// "string" too in the interpreter).
		b.WriteString(`if __gkfmt.Sprintf("%T", __gkv0) == "string" { __gkt = __gkfmt.Sprintf("%q", __gkv0) }` + "\n")
	}
	b.WriteString("return []string{__gkt")
	var mimes []string
	for _, dm := range displayMethods {
		if n == 1 && r.s.display[dm.method] && r.s.hasMethod(st.Src, dm.method) {
			b.WriteString(", __gkv0." + dm.method + "()")
			mimes = append(mimes, dm.mime)
		}
	}
	b.WriteString("}\n}()")
	v, err := r.eval(b.String())
	if err != nil {
		return nil, err
	}
	texts, ok := v.Interface().([]string)
	if !ok || len(texts) != len(mimes)+1 {
		return nil, nil
	}
	out := map[string]any{"text/plain": strings.TrimSuffix(texts[0], "\n")}
	for i, mime := range mimes {
		out[mime] = texts[i+1]
	}
	return out, nil
}
