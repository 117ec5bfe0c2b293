package interpvalue

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template"
)

// yaegi's struct types of the cells have no names: fmt's %T of a value of
// main.P held in an interface printed struct { X int }, %#v printed that
// type before the fields, and %+v and %#v printed an unexported field
// name as yaegi exports it (Xname). The cell compiler names each struct
// type of the cells when it is declared (RegisterStruct); Rename writes
// fmt's output of values held in interfaces with those names.

// structType is a struct type of the cells: its name as %T writes it, its
// reflect type in the interpreter, and its unexported fields.
type structType struct {
	name       string
	typ        reflect.Type
	unexported []string
}

// RegisterStruct records the struct type the cells name name (as %T
// writes it: "main.P") of which ptr is a nil pointer, and the names of its
// unexported fields. It returns true (for a var _ = ...).
func (p *Printer) RegisterStruct(name string, ptr any, unexported ...string) bool {
	t := reflect.TypeOf(ptr)
	if t == nil || t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.structs = slices.DeleteFunc(p.structs, func(s structType) bool { return s.name == name })
	p.structs = append(p.structs, structType{name, t.Elem(), unexported})
	// Longest first: a struct type's text holds those of its fields.
	slices.SortStableFunc(p.structs, func(a, b structType) int { return len(b.typ.String()) - len(a.typ.String()) })
	return true
}

// Rename returns s, what fmt printed of a value held in an interface, with
// the unexported fields of the cells' struct types named as declared and,
// if types (%T, %#v), yaegi's struct types named as the cells name them. A
// struct type that several types of the cells share (the same fields) is
// a panic with a clear error: which one the value has is not known.
func (p *Printer) Rename(s string, types bool) string {
	p.mu.Lock()
	structs := slices.Clone(p.structs)
	p.mu.Unlock()
	for _, st := range structs {
		for _, f := range st.unexported {
			s = strings.ReplaceAll(s, "{X"+f+":", "{"+f+":")
			s = strings.ReplaceAll(s, " X"+f+":", " "+f+":")
		}
	}
	if !types {
		return s
	}
	for i, st := range structs {
		text := st.typ.String()
		if !strings.Contains(s, text) {
			continue
		}
		for _, other := range structs[i+1:] {
			if other.typ == st.typ {
				panic(runtimeError(fmt.Sprintf("the interpreter cannot tell a %s from a %s (the same fields) in an interface, for fmt's %%T or %%#v: give one of them a method, or print a value of a non-interface type", strings.TrimPrefix(st.name, "main."), strings.TrimPrefix(other.name, "main."))))
			}
		}
		s = strings.ReplaceAll(s, text, st.name)
	}
	return RenameInstances(s)
}

// TypeString is fmt's %T of x, a value held in an interface that yaegi
// keeps without its type's name (see DynType): its reflect type with the
// cells' struct types named.
// A value of an interface type of the cells (type Expr any) comes in
// yaegi's wrapper: the value it holds is printed.
func (p *Printer) TypeString(x any) string {
	if name, ok := selfName(x); ok {
		return name
	}
	if held, ok := heldBy(x); ok {
		x = held // a pointer of the cells in an error (errorwrappers.go)
	}
	v, name := Dynamic(reflect.ValueOf(&x).Elem())
	switch {
	case !v.IsValid():
		return "<nil>"
	case name != "":
		return name
	}
	return p.Rename(v.Type().String(), true)
}

// GoSyntax is fmt's %#v of x, an interface value of the cells: of the
// value yaegi's wrapper holds (fmt printed the wrapper), named.
func (p *Printer) GoSyntax(x *any) string {
	return p.Rename(fmt.Sprintf("%#v", p.Value(*x, goSyntaxMode)), true)
}

// goSyntaxMode, among Value's refused names, makes it give fmt each value
// yaegi keeps with its type's name as a goSyntaxOf.
const goSyntaxMode = "#"

// goSyntaxOf is a value of a type of the cells that yaegi kept in an
// interface with its type's name: %#v of it is named.
type goSyntaxOf struct {
	p    *Printer
	held reflect.Value
	name string
}

// Format implements fmt.Formatter.
func (g goSyntaxOf) Format(st fmt.State, verb rune) {
	if verb != 'v' || !st.Flag('#') {
		fmt.Fprintf(st, fmt.FormatString(st, verb), g.held.Interface())
		return
	}
	s := fmt.Sprintf("%#v", g.p.Value(g.held.Interface(), goSyntaxMode))
	_, _ = io.WriteString(st, NameTop(s, g.held.Type().String(), g.name))
}

// Names returns x as a Formatter that prints it as fmt does, with the
// unexported fields of the cells' struct types named as declared (for %+v
// of values held in interfaces, where the cell compiler cannot know them).
func (p *Printer) Names(x any) fmt.Formatter { return named{p, x} }

// named is a value printed with the unexported fields of the cells named.
type named struct {
	p *Printer
	x any
}

// Format implements fmt.Formatter.
func (n named) Format(st fmt.State, verb rune) {
	s := fmt.Sprintf(fmt.FormatString(st, verb), n.x)
	if verb == 'v' && (st.Flag('+') || st.Flag('#')) {
		s = n.p.Rename(s, st.Flag('#'))
	}
	_, _ = fmt.Fprint(st, s)
}

// JSONError returns err, an error of json.Unmarshal into target, with the
// struct type of the field it names: Go's message says "Go struct field
// Job.jobs.name", and encoding/json takes "Job" from the name of the struct
// type, which the interpreter's struct types do not have. The type is found
// by following the field path from target's type through the cells'
// struct types as RegisterStruct recorded them; err is left as it is when
// it cannot be told.
func (p *Printer) JSONError(err error, target any) error {
	var iue *json.InvalidUnmarshalError
	if errors.As(err, &iue) && iue.Type != nil {
		iue.Type = p.namedType(iue.Type) // "json: Unmarshal(nil *main.Person)"
		return err
	}
	var ute *json.UnmarshalTypeError
	if !errors.As(err, &ute) {
		return err
	}
	if ute.Type != nil {
		ute.Type = p.namedType(ute.Type) // a program may print it
	}
	if ute.Struct != "" {
		return err
	}
	named := *ute
	if name := p.jsonStruct(ute.Field, reflect.TypeOf(target)); name != "" {
		named.Struct = strings.TrimPrefix(name, "main.")
	}
	// "of type struct { ID int ... }": the type's name, as Go's says
	msg := named.Error()
	func() {
		defer func() { _ = recover() }() // several types of those fields: left
		msg = p.Rename(msg, true)
	}()
	if msg != named.Error() {
		return renamedError{&named, msg}
	}
	if named.Struct == "" {
		return err
	}
	return &named
}

// jsonStruct returns the name of the struct type of the cells whose field
// is the last of path (a field path of json.UnmarshalTypeError) from t,
// or "".
func (p *Printer) jsonStruct(path string, t reflect.Type) string {
	if path == "" {
		return ""
	}
	name := ""
	for _, part := range strings.Split(path, ".") {
		for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map) {
			t = t.Elem()
		}
		if t == nil || t.Kind() != reflect.Struct {
			return ""
		}
		f, ok := jsonField(t, part)
		if !ok {
			return ""
		}
		name = p.structName(t) // the innermost struct's, as Go's (those around it may be unnamed: generic)
		t = f.Type
	}
	return name
}

// renamedError is a *json.UnmarshalTypeError whose message names the
// cells' struct type it says (errors.As still finds the error).
type renamedError struct {
	err *json.UnmarshalTypeError
	msg string
}

func (e renamedError) Error() string { return e.msg }
func (e renamedError) Unwrap() error { return e.err }

// jsonField returns the field of struct type t that encoding/json names
// name (its tag's name, or its own).
func jsonField(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if tag == "-" {
			continue
		}
		if tag == name || tag == "" && f.Name == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// structName returns the name of the one struct type of the cells whose
// interpreter type is t, or "".
func (p *Printer) structName(t reflect.Type) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if name, ok := p.shadows[t]; ok {
		return name
	}
	name := ""
	for _, st := range p.structs {
		if st.typ == t {
			if name != "" {
				return ""
			}
			name = st.name
		}
	}
	return name
}

// templateField matches the error of a template that names a field of a
// struct type the value does not have.
var templateField = regexp.MustCompile(`can't evaluate field (\w+) in type (.+)$`)

// TemplateError returns err, an error of a template's Execute, with the
// cells' struct types named (Go names main.Invoice where the interpreter's
// type is struct {...}). An error naming one of methods, the methods of
// the cells' types the template's data may hold, is a panic with a clear
// error: templates call methods through reflect, which does not see them.
func (p *Printer) TemplateError(err error, methods ...string) error {
	if err == nil {
		return nil
	}
	if ae := (arityError{}); errors.As(err, &ae) {
		panic(runtimeError("the template calls the method " + ae.method + " of the cells' types with " + strconv.Itoa(ae.got) + " arguments, and it takes " + strconv.Itoa(ae.want) + " (" + ae.Error() + "): the interpreter does not report it as Go's templates do; correct the call, or run the cell compiled with %%compile"))
	}
	if msg := hookedNames(err.Error()); msg != err.Error() {
		return renamedTemplateError(err, msg)
	}
	m := templateField.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	if slices.Contains(methods, m[1]) {
		panic(runtimeError("templates cannot call the method " + m[1] + " of the cells' types in the interpreter (compiled reflect does not see their methods): put its value in a field or a map before executing the template, or run the cell compiled with %%compile"))
	}
	return renamedTemplateError(err, p.Rename(err.Error(), true))
}

// renamedTemplateError returns err, a template's error, with the message
// msg; errors.As and errors.Is see what err wraps (the error of a method
// the template called).
func renamedTemplateError(err error, msg string) error {
	if msg == err.Error() {
		return err
	}
	var ee template.ExecError
	if errors.As(err, &ee) {
		return template.ExecError{Name: ee.Name, Err: renamedMessage{msg, ee.Err}}
	}
	return renamedMessage{msg, err}
}

// renamedMessage is err with the message msg.
type renamedMessage struct {
	msg string
	err error
}

func (e renamedMessage) Error() string { return e.msg }
func (e renamedMessage) Unwrap() error { return e.err }

// NameTop returns s, fmt's %#v of a value whose type it writes top (a
// yaegi struct type, or a pointer to one), with that type written name.
func NameTop(s, top, name string) string {
	switch {
	case strings.HasPrefix(s, top):
		return name + s[len(top):]
	case strings.HasPrefix(top, "*") && strings.HasPrefix(s, "&"+top[1:]):
		return "&" + strings.TrimPrefix(name, "*") + s[len(top):]
	}
	return s
}

// namedType returns t, a reflect type of the interpreter, written with the
// names of the cells' struct types it holds when it has some.
func (p *Printer) namedType(t reflect.Type) reflect.Type {
	if _, ok := t.(namedType); ok {
		return t
	}
	name := t.String()
	func() {
		defer func() { _ = recover() }() // several types of those fields: left
		name = p.Rename(name, true)
	}()
	if name == t.String() {
		return t
	}
	return namedType{t, name}
}

// hookCall matches the calls TemplateHooks wrote in a template's error:
// <__gkm "Total" .Lines> is <.Lines.Total>, and its error is Total's.
var (
	hookCall    = regexp.MustCompile(`\(?__gk([mp]) "(\w+)" ([^<>()]*)\)?`)
	hookCalling = regexp.MustCompile(`error calling __gkm: `)
)

// hookedNames returns msg, a template's error, with the calls
// TemplateHooks wrote as the template wrote them.
func hookedNames(msg string) string {
	method := ""
	msg = hookCall.ReplaceAllStringFunc(msg, func(m string) string {
		g := hookCall.FindStringSubmatch(m)
		if g[1] == "p" {
			return g[3]
		}
		method = g[2]
		recv := g[3]
		if f := strings.Fields(recv); len(f) > 0 {
			recv = f[0] // the receiver, before the method's arguments
		}
		switch recv {
		case ".":
			return "." + g[2]
		case "$":
			return "$." + g[2]
		}
		return recv + "." + g[2]
	})
	if method != "" {
		msg = strings.Replace(msg, "error calling __gkm: invalid function signature", "invalid function signature", 1)
		msg = hookCalling.ReplaceAllString(msg, "error calling "+method+": ")
	}
	return msg
}

// instanceNames are Go's names of the types the cell compiler declares as
// instances of the cells' generic types (package mono), by the names it
// declares them with: the interpreter names a Pair[string, int] in an
// interface main.Pair__gk3.
var instanceNames sync.Map

// SetInstanceName records that the type declared as name (Pair__gk3) is
// Go's goName (main.Pair[string,int]).
func SetInstanceName(name, goName string) { instanceNames.Store(name, goName) }

// InstanceName returns Go's name of the instance type declared as name,
// if SetInstanceName recorded one.
func InstanceName(name string) (string, bool) {
	goName, ok := instanceNames.Load(name)
	if !ok {
		return "", false
	}
	return goName.(string), true
}

// instanceName matches a name of an instance type, with its package.
var instanceName = regexp.MustCompile(`(main\.)?\b([A-Za-z_][A-Za-z0-9_]*__gk[0-9]+)\b`)

// RenameInstances writes the names of instance types in s as Go's (an
// error of the interpreter naming a Pair__gk3).
func RenameInstances(s string) string {
	if !strings.Contains(s, "__gk") {
		return s
	}
	return instanceName.ReplaceAllStringFunc(s, func(m string) string {
		goName, ok := InstanceName(strings.TrimPrefix(m, "main."))
		if !ok {
			return m
		}
		if strings.HasPrefix(m, "main.") {
			return goName
		}
		return strings.TrimPrefix(goName, "main.")
	})
}
