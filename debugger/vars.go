package debugger

import (
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unsafe"
)

// ref is what a DAP variablesReference names: the locals of a frame, the
// globals, or the elements of a value.
type ref struct {
	locals  *frameRef
	globals bool
	value   reflect.Value
}

// maxChildren bounds the elements listed of a slice, array or map.
const maxChildren = 100

// newRefLocked returns a new variablesReference for r.
func (d *Debugger) newRefLocked(r *ref) int {
	if len(d.refs) > 100000 {
		d.refs = map[int]*ref{}
	}
	d.nextID++
	d.refs[d.nextID] = r
	return d.nextID
}

func (d *Debugger) scopes(raw json.RawMessage) (any, error) {
	var a struct {
		FrameID int `json:"frameId"`
	}
	if err := args(raw, &a); err != nil {
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	fr, ok := d.frames[a.FrameID]
	if !ok {
		return nil, fail("no frame %d", a.FrameID)
	}
	locals := d.newRefLocked(&ref{locals: &fr})
	globals := d.newRefLocked(&ref{globals: true})
	return map[string]any{"scopes": []any{
		map[string]any{"name": "Locals", "variablesReference": locals, "expensive": false, "presentationHint": "locals"},
		map[string]any{"name": "Globals", "variablesReference": globals, "expensive": false},
	}}, nil
}

// namedValue is a variable, a field or an element.
type namedValue struct {
	name string
	v    reflect.Value
	typ  string // the declared type, when known
}

// localsOf returns the variables of a stopped frame, innermost scope first.
func localsOf(fr frameRef) []namedValue {
	var out []namedValue
	seen := map[string]bool{}
	for _, sc := range fr.st.frames[fr.index].Scopes() {
		for _, v := range sc.Variables() {
			if strings.HasPrefix(v.Name, "__gk") || v.Name == "_" || seen[v.Name] {
				continue
			}
			seen[v.Name] = true
			out = append(out, namedValue{name: v.Name, v: v.Value})
		}
	}
	return out
}

// globalsOf returns the session's global variables and constants, in
// definition order.
func (d *Debugger) globalsOf() []namedValue {
	s := d.sess()
	vals := s.Interpreter().Globals()
	var out []namedValue
	for _, n := range s.Names() {
		if n.Kind != "var" && n.Kind != "const" {
			continue
		}
		if v, ok := vals[n.Name]; ok {
			out = append(out, namedValue{name: n.Name, v: v, typ: n.Type})
		}
	}
	return out
}

func (d *Debugger) variables(raw json.RawMessage) (any, error) {
	var a struct {
		Ref   int `json:"variablesReference"`
		Start int `json:"start"`
		Count int `json:"count"`
	}
	if err := args(raw, &a); err != nil {
		return nil, err
	}
	d.mu.Lock()
	r, ok := d.refs[a.Ref]
	d.mu.Unlock()
	if !ok {
		return nil, fail("no variables reference %d", a.Ref)
	}
	var list []namedValue
	switch {
	case r.locals != nil:
		list = localsOf(*r.locals)
	case r.globals:
		list = d.globalsOf()
	default:
		list = children(r.value)
	}
	if a.Start > 0 && a.Start < len(list) {
		list = list[a.Start:]
	}
	if a.Count > 0 && a.Count < len(list) {
		list = list[:a.Count]
	}
	return map[string]any{"variables": d.describeAll(list)}, nil
}

// describeAll turns values into DAP variables, with references to expand
// the composite ones.
func (d *Debugger) describeAll(list []namedValue) []any {
	out := []any{}
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, nv := range list {
		v := plain(nv.v)
		if isFunc(v) {
			continue
		}
		value, typ := describe(v)
		if nv.typ != "" {
			typ = nv.typ
		}
		id := 0
		if expandable(v) {
			id = d.newRefLocked(&ref{value: v})
		}
		out = append(out, map[string]any{"name": nv.name, "value": value, "type": typ,
			"variablesReference": id, "evaluateName": nv.name})
	}
	return out
}

// plain returns v without the interface and wrapper layers the interpreter
// adds, readable even when reached through unexported fields.
func plain(v reflect.Value) reflect.Value {
	for i := 0; i < 8 && v.IsValid(); i++ {
		if v.Kind() == reflect.Interface {
			if v.IsNil() {
				return v
			}
			v = v.Elem()
			continue
		}
		if v.Kind() == reflect.Struct && v.Type().Name() == "valueInterface" && v.NumField() == 2 {
			inner := v.Field(1)
			if inner.Type() == reflect.TypeOf(reflect.Value{}) {
				if !inner.CanInterface() {
					if !inner.CanAddr() {
						return v
					}
					inner = reflect.NewAt(inner.Type(), unsafe.Pointer(inner.UnsafeAddr())).Elem()
				}
				v = inner.Interface().(reflect.Value)
				continue
			}
		}
		break
	}
	return v
}

// isFunc reports whether v is a function (an interpreted one is a node).
func isFunc(v reflect.Value) bool {
	if !v.IsValid() {
		return false
	}
	return v.Kind() == reflect.Func || strings.Contains(v.Type().String(), "interp.node")
}

// describe returns the value and type of v as the variables panel shows them.
func describe(v reflect.Value) (value, typ string) {
	if !v.IsValid() {
		return "nil", ""
	}
	typ = v.Type().String()
	switch v.Kind() {
	case reflect.String:
		value = strconv.Quote(v.String())
	case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Chan:
		if v.IsNil() {
			return "nil", typ
		}
		value = fmt.Sprintf("%v", v)
		if v.Kind() == reflect.Slice || v.Kind() == reflect.Map {
			value = fmt.Sprintf("len %d: %v", v.Len(), v)
		}
	default:
		value = fmt.Sprintf("%v", v)
	}
	if len(value) > 300 {
		value = value[:297] + "..."
	}
	return value, typ
}

// expandable reports whether v has elements to list.
func expandable(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Struct:
		return v.NumField() > 0
	case reflect.Slice, reflect.Array, reflect.Map:
		return v.Len() > 0
	case reflect.Pointer:
		return !v.IsNil() && expandable(v.Elem())
	}
	return false
}

// children returns the fields or elements of v.
func children(v reflect.Value) []namedValue {
	var out []namedValue
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			return children(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			out = append(out, namedValue{name: v.Type().Field(i).Name, v: v.Field(i)})
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len() && i < maxChildren; i++ {
			out = append(out, namedValue{name: "[" + strconv.Itoa(i) + "]", v: v.Index(i)})
		}
	case reflect.Map:
		it := v.MapRange()
		for i := 0; it.Next() && i < maxChildren; i++ {
			k, _ := describe(plain(it.Key()))
			out = append(out, namedValue{name: "[" + k + "]", v: it.Value()})
		}
	}
	return out
}

// lookup evaluates expr, a variable with fields, indexes and
// dereferences, in a stopped frame's locals (fr may be nil) and the globals.
func (d *Debugger) lookup(expr string, fr *frameRef) (reflect.Value, bool) {
	e, err := parser.ParseExpr(expr)
	if err != nil {
		return reflect.Value{}, false
	}
	return d.walk(e, fr)
}

func (d *Debugger) walk(e ast.Expr, fr *frameRef) (reflect.Value, bool) {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return d.walk(e.X, fr)
	case *ast.Ident:
		if fr != nil {
			for _, nv := range localsOf(*fr) {
				if nv.name == e.Name {
					return plain(nv.v), true
				}
			}
		}
		for _, nv := range d.globalsOf() {
			if nv.name == e.Name {
				return plain(nv.v), true
			}
		}
	case *ast.StarExpr:
		if v, ok := d.walk(e.X, fr); ok && v.Kind() == reflect.Pointer && !v.IsNil() {
			return plain(v.Elem()), true
		}
	case *ast.SelectorExpr:
		v, ok := d.walk(e.X, fr)
		if ok && v.Kind() == reflect.Pointer && !v.IsNil() {
			v = v.Elem()
		}
		if ok && v.Kind() == reflect.Struct {
			if f := v.FieldByName(e.Sel.Name); f.IsValid() {
				return plain(f), true
			}
		}
	case *ast.IndexExpr:
		v, ok := d.walk(e.X, fr)
		lit, isLit := e.Index.(*ast.BasicLit)
		if !ok || !isLit {
			break
		}
		switch v.Kind() {
		case reflect.Slice, reflect.Array, reflect.String:
			if i, err := strconv.Atoi(lit.Value); err == nil && i >= 0 && i < v.Len() {
				return plain(v.Index(i)), true
			}
		case reflect.Map:
			key := lit.Value
			if lit.Kind == token.STRING {
				key, _ = strconv.Unquote(lit.Value)
			}
			it := v.MapRange()
			for it.Next() {
				if fmt.Sprint(plain(it.Key())) == key {
					return plain(it.Value()), true
				}
			}
		}
	}
	return reflect.Value{}, false
}

// frameOf returns the stopped frame with DAP id id (nil if none).
func (d *Debugger) frameOf(id int) *frameRef {
	d.mu.Lock()
	defer d.mu.Unlock()
	if fr, ok := d.frames[id]; ok {
		return &fr
	}
	return nil
}

// idle reports whether no cell runs and no goroutine is stopped.
func (d *Debugger) idle() bool {
	d.mu.Lock()
	n := len(d.stops)
	d.mu.Unlock()
	_, idle := d.sess().Decls()
	return n == 0 && idle
}

func (d *Debugger) evaluate(raw json.RawMessage) (any, error) {
	var a struct {
		Expression string `json:"expression"`
		FrameID    int    `json:"frameId"`
	}
	if err := args(raw, &a); err != nil {
		return nil, err
	}
	if strings.TrimSpace(a.Expression) == "" {
		return nil, fail("evaluate needs an expression")
	}
	if v, ok := d.lookup(a.Expression, d.frameOf(a.FrameID)); ok {
		vars := d.describeAll([]namedValue{{name: a.Expression, v: v}})
		if len(vars) == 1 {
			m := vars[0].(map[string]any)
			return map[string]any{"result": m["value"], "type": m["type"], "variablesReference": m["variablesReference"]}, nil
		}
	}
	if !d.idle() {
		return nil, fail("while a cell runs, the debugger evaluates variables, their fields and elements only (not %q)", a.Expression)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, err := d.sess().Evaluate(ctx, a.Expression)
	if err != nil {
		return nil, fail("%v", err)
	}
	text, _ := out["text/plain"].(string)
	return map[string]any{"result": text, "variablesReference": 0}, nil
}

func (d *Debugger) inspectVariables(json.RawMessage) (any, error) {
	return map[string]any{"variables": d.describeAll(d.globalsOf())}, nil
}

func (d *Debugger) richInspectVariables(raw json.RawMessage) (any, error) {
	var a struct {
		VariableName string `json:"variableName"`
		FrameID      int    `json:"frameId"`
	}
	if err := args(raw, &a); err != nil {
		return nil, err
	}
	if v, ok := d.lookup(a.VariableName, d.frameOf(a.FrameID)); ok {
		value, _ := describe(v)
		return map[string]any{"data": map[string]any{"text/plain": value}, "metadata": map[string]any{}}, nil
	}
	if d.idle() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if out, err := d.sess().Evaluate(ctx, a.VariableName); err == nil {
			return map[string]any{"data": out, "metadata": map[string]any{}}, nil
		}
	}
	return nil, fail("no variable %q", a.VariableName)
}

func (d *Debugger) copyToGlobals(raw json.RawMessage) (any, error) {
	var a struct {
		Src     string `json:"srcVariableName"`
		Dst     string `json:"dstVariableName"`
		FrameID int    `json:"srcFrameId"`
	}
	if err := args(raw, &a); err != nil {
		return nil, err
	}
	fr := d.frameOf(a.FrameID)
	if fr == nil {
		return nil, fail("no stopped frame %d", a.FrameID)
	}
	v, ok := d.lookup(a.Src, fr)
	if !ok {
		return nil, fail("no variable %q in the frame", a.Src)
	}
	g, ok := d.sess().Interpreter().Globals()[a.Dst]
	if !ok || !g.CanSet() {
		return nil, fail("no global variable %q: declare it in a cell first (var %s T)", a.Dst, a.Dst)
	}
	if !v.Type().AssignableTo(g.Type()) {
		return nil, fail("%s (%s) cannot be assigned to %s (%s)", a.Src, v.Type(), a.Dst, g.Type())
	}
	g.Set(v)
	return map[string]any{}, nil
}
