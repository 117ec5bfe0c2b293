package interpvalue

import (
	"errors"
	"fmt"
	htmltemplate "html/template"
	"reflect"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
)

// Compiled templates do not see the methods of the cells' types: a
// template calling one ({{.Total}}) failed, and one printing a value Go
// prints with its String or Error method printed the bare value. Before a
// template runs, TemplateHooks rewrites its parse trees: a call of such a
// method becomes a call of the template function __gkm, which calls the
// method through the cell compiler's dispatcher (interpreted code that
// asserts the value to each type of the cells with that method); a value
// printed whose static type has String or Error (known by the field that
// holds it, celltype.TemplateNames) goes through __gkp, which calls it.

// Dispatch calls the method method of recv, a value of the cells' type
// typ ("" for any of them), with args: its result, its error, and whether
// a type of the cells has the method.
type Dispatch func(method, typ string, recv any, args []any) (any, error, bool)

// hookedMode marks the trees TemplateHooks rewrote, in their Mode (read
// only while parsing): the template keeps the mark, and nothing else does.
const hookedMode parse.Mode = 1 << 30

// TemplateHooks prepares t (a *text/template.Template or
// *html/template.Template) to call the methods of the cells' types:
// methods are the names of those methods in its data, printed the fields
// printed with a String or Error method ("Price=Money", "." for the data,
// "Price=?" for a field name of several types). What it cannot write (a
// value printed by print or printf, a field of several types) is a clear
// error.
func TemplateHooks(t any, call Dispatch, methods []string, printed ...string) {
	h := &hooker{methods: map[string]bool{}, printed: map[string]string{}, vars: map[string]string{}}
	for _, m := range methods {
		h.methods[m] = true
	}
	for _, p := range printed {
		field, typ, _ := strings.Cut(p, "=")
		h.printed[field] = typ
	}
	funcs := map[string]any{
		"__gkm": func(name string, recv any, args ...any) (any, error) { return callMethod(call, name, recv, args) },
		"__gkp": func(typ string, v any) any { return printedValue(call, typ, v) },
	}
	var trees []*parse.Tree
	switch t := t.(type) {
	case *template.Template:
		t.Funcs(funcs)
		for _, tt := range t.Templates() {
			trees = append(trees, tt.Tree)
		}
	case *htmltemplate.Template:
		t.Funcs(funcs)
		for _, tt := range t.Templates() {
			trees = append(trees, tt.Tree)
		}
	}
	for _, tree := range trees {
		if tree == nil || tree.Root == nil {
			continue
		}
		if tree.Mode&hookedMode != 0 {
			continue
		}
		h.tree = tree
		h.list(tree.Root, h.printed["."])
		if h.refuse == "" {
			tree.Mode |= hookedMode
		}
		if h.refuse != "" {
			panic(runtimeError("the template prints a value of " + h.refuse + ", which Go prints with its String (or Error) method; the interpreter's compiled templates do not see the methods of the cells' types and would print it without: give the template the string (a field or a map of strings), or run the cell compiled with %%compile"))
		}
	}
}

// callMethod is __gkm: the method name of recv, or its field or map key
// name when no type of the cells has that method.
func callMethod(call Dispatch, name string, recv any, args []any) (any, error) {
	if r, err, ok := call(name, "", recv, args); ok {
		return r, err
	}
	if len(args) > 0 {
		return nil, fmt.Errorf("can't evaluate field %s in type %T", name, recv)
	}
	v := reflect.ValueOf(recv)
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && !v.IsNil() {
		v = v.Elem()
	}
	switch {
	case v.Kind() == reflect.Struct:
		if f, ok := v.Type().FieldByName(name); ok && f.IsExported() {
			return v.FieldByIndex(f.Index).Interface(), nil
		}
	case v.Kind() == reflect.Map && v.Type().Key().Kind() == reflect.String:
		if e := v.MapIndex(reflect.ValueOf(name).Convert(v.Type().Key())); e.IsValid() {
			return e.Interface(), nil
		}
		return nil, nil
	}
	typ := "<nil>"
	if v.IsValid() {
		typ = v.Type().String()
	}
	return nil, fmt.Errorf("can't evaluate field %s in type %s", name, typ)
}

// printedValue is __gkp: what Go prints of v, a value of the cells' type
// typ: its String (or Error) method's result.
func printedValue(call Dispatch, typ string, v any) any {
	for _, m := range []string{"Error", "String"} {
		if r, err, ok := call(m, typ, v, nil); ok && err == nil {
			return r
		}
	}
	return v
}

// hooker rewrites a template's trees.
type hooker struct {
	tree    *parse.Tree
	methods map[string]bool
	printed map[string]string
	vars    map[string]string // the printed types of the template's variables
	refuse  string            // a type whose values it cannot print as Go does
}

// list rewrites the nodes of l; dot is the printed type of dot there.
func (h *hooker) list(l *parse.ListNode, dot string) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if len(n.Pipe.Decl) > 0 {
				h.declare(n.Pipe, dot)
				h.pipe(n.Pipe)
				continue
			}
			typ := h.printType(n.Pipe, dot) // of the fields and methods as written
			h.pipe(n.Pipe)
			h.print(n.Pipe, typ)
		case *parse.IfNode:
			h.pipe(n.Pipe)
			h.list(n.List, dot)
			h.list(n.ElseList, dot)
		case *parse.WithNode:
			h.dotChanging(&n.BranchNode, dot)
		case *parse.RangeNode:
			h.dotChanging(&n.BranchNode, dot)
		case *parse.TemplateNode:
			h.pipe(n.Pipe)
		}
	}
}

// dotChanging rewrites a with or range, whose body has its pipeline's
// value (or elements) as dot.
func (h *hooker) dotChanging(b *parse.BranchNode, dot string) {
	inner := h.typeOf(b.Pipe, dot)
	h.declare(b.Pipe, dot)
	h.pipe(b.Pipe)
	h.list(b.List, inner)
	h.list(b.ElseList, dot)
}

// typeOf returns the printed type of the value of p (a field's, dot's).
func (h *hooker) typeOf(p *parse.PipeNode, dot string) string {
	if p == nil || len(p.Cmds) == 0 {
		return ""
	}
	last := p.Cmds[len(p.Cmds)-1]
	if len(last.Args) == 0 {
		return ""
	}
	if _, fn := last.Args[0].(*parse.IdentifierNode); fn || len(last.Args) > 1 && last.Args[0].Type() == parse.NodePipe {
		return ""
	}
	switch a := last.Args[0].(type) { // a value, or a method called with arguments
	case *parse.PipeNode:
		return h.typeOf(a, dot)
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		return h.printed[a.Ident[len(a.Ident)-1]]
	case *parse.VariableNode:
		if len(a.Ident) > 1 {
			return h.printed[a.Ident[len(a.Ident)-1]]
		}
		return h.vars[a.Ident[0]]
	case *parse.ChainNode:
		return h.printed[a.Field[len(a.Field)-1]]
	}
	return ""
}

// declare records the printed type of the variables p declares: a
// range's element (its last variable), a with's or an assignment's value.
func (h *hooker) declare(p *parse.PipeNode, dot string) {
	if p == nil || len(p.Decl) == 0 {
		return
	}
	v := p.Decl[len(p.Decl)-1]
	h.vars[v.Ident[0]] = h.typeOf(p, dot)
}

// printType returns the printed type of what p prints ("" if none), and
// refuses what fmt's verbs print (print, printf... of such a value).
func (h *hooker) printType(p *parse.PipeNode, dot string) string {
	if p == nil || len(p.Cmds) == 0 {
		return ""
	}
	last := p.Cmds[len(p.Cmds)-1]
	if _, fn := last.Args[0].(*parse.IdentifierNode); !fn && len(last.Args) > 1 {
		// a method called with arguments: its result's
		return h.typeOf(&parse.PipeNode{Cmds: []*parse.CommandNode{{Args: last.Args[:1]}}}, dot)
	}
	if len(last.Args) > 1 {
		if id, ok := last.Args[0].(*parse.IdentifierNode); ok && (strings.HasPrefix(id.Ident, "print") || id.Ident == "index" || id.Ident == "slice") {
			for _, a := range last.Args[1:] {
				if typ := h.typeOf(&parse.PipeNode{Cmds: []*parse.CommandNode{{Args: []parse.Node{a}}}}, dot); typ != "" {
					h.refuse = typ // fmt's verbs decide whether String is called
				}
			}
		}
		return ""
	}
	return h.typeOf(p, dot)
}

// print makes p, which prints a value Go prints with a method of the
// type typ, end in | __gkp "typ".
func (h *hooker) print(p *parse.PipeNode, typ string) {
	switch typ {
	case "":
		return
	case "?":
		h.refuse = "a type of the cells (fields of that name have several types)"
		return
	}
	pos := p.Position()
	id := parse.NewIdentifier("__gkp").SetTree(h.tree).SetPos(pos)
	str := &parse.StringNode{NodeType: parse.NodeString, Pos: pos, Quoted: strconv.Quote(typ), Text: typ}
	p.Cmds = append(p.Cmds, &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pos, Args: []parse.Node{id, str}})
}

// callPipe returns the pipeline (fn "arg" x).
func (h *hooker) callPipe(fn, arg string, x parse.Node) *parse.PipeNode {
	id := parse.NewIdentifier(fn).SetTree(h.tree).SetPos(x.Position())
	str := &parse.StringNode{NodeType: parse.NodeString, Pos: x.Position(), Quoted: strconv.Quote(arg), Text: arg}
	cmd := &parse.CommandNode{NodeType: parse.NodeCommand, Pos: x.Position(), Args: []parse.Node{id, str, x}}
	return &parse.PipeNode{NodeType: parse.NodePipe, Pos: x.Position(), Cmds: []*parse.CommandNode{cmd}}
}

// pipe rewrites the calls of the cells' methods in the commands of p.
func (h *hooker) pipe(p *parse.PipeNode) {
	if p == nil {
		return
	}
	for c, cmd := range p.Cmds {
		called := len(cmd.Args) > 1 || c > 0 // given arguments, or the value before
		for i, a := range cmd.Args {
			cmd.Args[i] = h.arg(a, i == 0 && called)
		}
		if recv, name, ok := h.methodHead(cmd.Args[0]); ok && called {
			id := parse.NewIdentifier("__gkm").SetTree(h.tree).SetPos(cmd.Position())
			str := &parse.StringNode{NodeType: parse.NodeString, Pos: cmd.Position(), Quoted: strconv.Quote(name), Text: name}
			cmd.Args = append([]parse.Node{id, str, recv}, cmd.Args[1:]...)
		}
	}
}

// methodHead returns the receiver and the name of n, a field, variable
// or chain whose last name is a method of the cells' types.
func (h *hooker) methodHead(n parse.Node) (parse.Node, string, bool) {
	var base parse.Node
	var ids []string
	switch a := n.(type) {
	case *parse.FieldNode:
		ids = a.Ident
	case *parse.VariableNode:
		if len(a.Ident) < 2 {
			return nil, "", false
		}
		base, ids = &parse.VariableNode{NodeType: parse.NodeVariable, Pos: a.Pos, Ident: a.Ident[:1]}, a.Ident[1:]
	case *parse.ChainNode:
		base, ids = a.Node, a.Field
	default:
		return nil, "", false
	}
	last := ids[len(ids)-1]
	if !h.methods[last] {
		return nil, "", false
	}
	return h.path(n, base, ids[:len(ids)-1]), last, true
}

// arg returns n with its calls of the cells' methods going through
// __gkm; withArgs says n is called with arguments (left as it is: only
// methods without arguments go through __gkm).
func (h *hooker) arg(n parse.Node, withArgs bool) parse.Node {
	var base parse.Node
	var ids []string
	switch a := n.(type) {
	case *parse.FieldNode:
		base, ids = nil, a.Ident
	case *parse.VariableNode:
		if len(a.Ident) < 2 {
			return n
		}
		base, ids = &parse.VariableNode{NodeType: parse.NodeVariable, Pos: a.Pos, Ident: a.Ident[:1]}, a.Ident[1:]
	case *parse.ChainNode:
		a.Node = h.arg(a.Node, false)
		base, ids = a.Node, a.Field
	case *parse.PipeNode:
		h.pipe(a)
		return n
	default:
		return n
	}
	k := -1
	for i, id := range ids {
		if h.methods[id] && !(withArgs && i == len(ids)-1) {
			k = i
			break
		}
	}
	if k < 0 {
		return n
	}
	recv := h.path(n, base, ids[:k])
	call := h.callPipe("__gkm", ids[k], recv)
	if rest := ids[k+1:]; len(rest) > 0 {
		return h.arg(&parse.ChainNode{NodeType: parse.NodeChain, Pos: n.Position(), Node: call, Field: rest}, withArgs)
	}
	return call
}

// path returns the node of base (dot if nil) followed by the fields ids.
func (h *hooker) path(n, base parse.Node, ids []string) parse.Node {
	switch b := base.(type) {
	case nil:
		if len(ids) == 0 {
			return &parse.DotNode{NodeType: parse.NodeDot, Pos: n.Position()}
		}
		return &parse.FieldNode{NodeType: parse.NodeField, Pos: n.Position(), Ident: ids}
	case *parse.VariableNode:
		return &parse.VariableNode{NodeType: parse.NodeVariable, Pos: b.Pos, Ident: append(append([]string{}, b.Ident...), ids...)}
	}
	if len(ids) == 0 {
		return base
	}
	return &parse.ChainNode{NodeType: parse.NodeChain, Pos: n.Position(), Node: base, Field: ids}
}

// TemplateArg returns x, an argument of a template's call of a method of
// the cells, as a value of the type of the parameter that ptr (a nil
// pointer) points to: a template's number constants are converted to a
// numeric parameter's type, as its own calls convert them; x when it
// cannot be (TemplateArgError).
func TemplateArg(x, ptr any) any {
	t := reflect.TypeOf(ptr).Elem()
	v := reflect.ValueOf(x)
	out := reflect.New(t).Elem()
	switch {
	case !v.IsValid():
		return out.Interface()
	case v.Type().AssignableTo(t):
		out.Set(v)
	case isNumber(v.Kind()) && isNumber(t.Kind()) && v.CanConvert(t):
		out.Set(v.Convert(t))
	default:
		return x
	}
	return out.Interface()
}

// isNumber reports whether k is a numeric kind.
func isNumber(k reflect.Kind) bool {
	return k >= reflect.Int && k <= reflect.Complex128
}

// TemplateArgError is the error of an argument x that is not of the
// parameter's type typ, as a template's own calls say it.
func TemplateArgError(x any, typ string) error {
	return fmt.Errorf("wrong type for value; expected %s; got %T", typ, x)
}

// TemplateSigError is the error of Go's templates for a method whose
// results they cannot use.
func TemplateSigError(msg string) error { return errors.New(msg) }

// arityError is a call of a method of the cells with another number of
// arguments than it takes.
type arityError struct {
	method    string
	want, got int
}

func (e arityError) Error() string {
	return fmt.Sprintf("wrong number of args for %s: want %d got %d", e.method, e.want, e.got)
}

// TemplateArity is the error of a call of the method method with got
// arguments, which takes want. Printer.TemplateError makes it a clear
// error: Go's template reports it where the interpreter cannot.
func TemplateArity(method string, want, got int) error { return arityError{method, want, got} }
