// Package mono writes the instances of the cells' generic functions and
// types as ordinary Go (monomorphization): Map[int, string] becomes a
// function Map__gk3 declared with int and string for its type parameters,
// Stack[Entry] a type Stack__gk4 with Stack's methods. yaegi's generics
// crash, hang or run wrongly on much ordinary generic code (a tree of a
// generic node type, a type switch on a type parameter's value of a named
// type); the instances it is given instead are code it runs like any
// other, through the cell compiler's lowering. Templates of the generic
// declarations are made from the checker's types of the cell that
// declares them, so a later cell instantiates them without their types.
// It writes source only (no interpreter).
package mono

import (
	"errors"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"gokernel/cellsrc"
	"gokernel/compiler/celltype"
	"gokernel/interpvalue"
)

// Types is what Rewrite needs of the checker's result of a cell, by cell
// offsets of identifiers.
type Types interface {
	Use(off int) types.Object
	Def(off int) types.Object
	Instance(off int) (types.Instance, bool)
}

// maxInstances bounds the instances one cell may need (a generic function
// instantiating itself with ever larger types would not end).
const maxInstances = 256

// serial numbers the instances of every session of the process, so that
// their names never meet (celltype's names are the process's).
var serial atomic.Int64

// Registry is a session's generic declarations and the instances declared.
type Registry struct {
	mu        sync.Mutex
	generics  map[string]*generic
	instances map[string]instance // by key (origin and type arguments)
}

// instance is an instance declared in the session.
type instance struct {
	name, origin string
	args         []types.Type
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{generics: map[string]*generic{}, instances: map[string]instance{}}
}

// generic is a generic function or type of the cells: its template, and
// for a type those of its methods.
type generic struct {
	name    string
	isType  bool
	params  []*types.TypeParam
	decl    *template
	methods map[string]*template
}

// template is the text of a declaration with the edits that make an
// instance of it.
type template struct {
	src       string
	params    []*types.TypeParam // a method's own receiver type parameters
	edits     []edit
	line, col int // where src starts, as a line of yaegi's positions (cellsrc.Moved)
}

// chunk is the text of an instance's declaration and where the text it
// was written from starts.
type chunk struct {
	text      string
	line, col int
}

// edit kinds.
const (
	editDrop  = iota // the type parameter list
	editName         // the declared name: the instance's
	editParam        // a type parameter: its type argument
	editRef          // an instance of a generic of the cells: its name
	editLocal        // a local name: renamed if a type argument's text uses it
)

// edit replaces src[start:end] of a template or a cell.
type edit struct {
	start, end int
	kind       int
	tp         *types.TypeParam
	operand    bool // a conversion's or a method expression's type: parenthesized if it needs it
	origin     string
	args       []types.Type
}

// errUnsupported makes Rewrite leave the cell to the interpreter's
// generics.
var errUnsupported = errors.New("not monomorphized")

// Rewrite returns src, a cell the checker checked (info), with each use of
// an instance of the cells' generic functions and types replaced by the
// name of its instance declaration, and the declarations of the instances
// the session does not have yet appended; commit records the cell's
// generic declarations and the new instances in the registry once the
// cell has run. It returns src unchanged (and a nil commit) when the cell
// uses no generic of the cells, and an error when it cannot write one of
// them (the cell then runs as it is).
func (r *Registry) Rewrite(src string, serial int, cell *cellsrc.Cell, info Types) (string, []cellsrc.Moved, func(), error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	g := &gen{r: r, src: src, serial: serial, cell: cell, info: info, generics: map[string]*generic{}, declared: map[string]instance{}}
	for k, v := range r.generics {
		g.generics[k] = v
	}
	for k, v := range r.instances {
		g.declared[k] = v
	}
	changed, err := g.templates()
	if err != nil {
		return src, nil, nil, err
	}
	cellEdits, err := g.cellRefs()
	if err != nil {
		return src, nil, nil, err
	}
	if len(changed) == 0 && len(cellEdits) == 0 {
		if len(g.fresh) > 0 {
			return src, nil, g.commit, nil
		}
		return src, nil, nil, nil
	}
	// the instances of generics the cell declares again are declared again
	// under their names (callers from earlier cells keep them)
	for _, key := range sortedKeys(r.instances) {
		in := r.instances[key]
		if changed[in.origin] {
			if err := g.declare(in.name, in.origin, in.args); err != nil {
				return src, nil, nil, err
			}
		}
	}
	var b strings.Builder
	pos := 0
	written := 0
	for _, e := range cellEdits {
		b.WriteString(src[pos:e.start])
		added, out := len(g.added), len(g.out)
		name, err := g.ensure(e.origin, e.args)
		if err != nil {
			// this use stays the interpreter's (a type argument declared
			// inside a function cannot be named by a declaration)
			for _, k := range g.added[added:] {
				delete(g.declared, k)
			}
			g.added, g.out = g.added[:added], g.out[:out]
			name = src[e.start:e.end]
		} else {
			written++
		}
		b.WriteString(name)
		pos = e.end
	}
	if written == 0 && len(g.out) == 0 {
		return src, nil, g.commit, nil
	}
	b.WriteString(src[pos:])
	var moved []cellsrc.Moved
	for _, c := range g.out {
		b.WriteString("\n\n")
		start := b.Len()
		b.WriteString(c.text)
		if c.line > 0 {
			// a panic in it is shown at the generic's own lines
			moved = append(moved, cellsrc.Moved{Start: start, End: b.Len(), Line: c.line, Col: c.col})
		}
	}
	if len(g.out) > 0 {
		b.WriteString("\n")
	}
	return b.String(), moved, g.commit, nil
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]instance) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// gen is one Rewrite.
type gen struct {
	r        *Registry
	src      string
	serial   int // the cell's
	cell     *cellsrc.Cell
	info     Types
	generics map[string]*generic // the session's and the cell's
	fresh    []*generic          // the cell's
	declared map[string]instance
	added    []string // keys of instances declared by this cell
	out      []chunk
}

// commit records what the cell declared.
func (g *gen) commit() {
	g.r.mu.Lock()
	defer g.r.mu.Unlock()
	for _, gn := range g.fresh {
		g.r.generics[gn.name] = gn
	}
	for _, key := range g.added {
		g.r.instances[key] = g.declared[key]
	}
}

// key is the identity of an instance.
func key(origin string, args []types.Type) string {
	var as []string
	for _, a := range args {
		as = append(as, types.TypeString(a, func(p *types.Package) string { return p.Path() }))
	}
	return origin + "[" + strings.Join(as, ";") + "]"
}

// ensure returns the name of the instance of origin with args, declaring
// it if the session does not have it.
func (g *gen) ensure(origin string, args []types.Type) (string, error) {
	k := key(origin, args)
	if in, ok := g.declared[k]; ok {
		return in.name, nil
	}
	if len(g.added) >= maxInstances {
		return "", errors.New("too many instances")
	}
	name := origin + "__gk" + strconv.FormatInt(serial.Add(1), 10)
	g.declared[k] = instance{name, origin, args}
	g.added = append(g.added, k)
	if err := g.declare(name, origin, args); err != nil {
		return "", err
	}
	return name, nil
}

// declare writes the declaration of the instance name of origin.
func (g *gen) declare(name, origin string, args []types.Type) error {
	gn := g.generics[origin]
	if gn == nil || len(args) != len(gn.params) {
		return errUnsupported
	}
	var as []string
	for _, a := range args {
		s := celltype.GoName(a)
		if s == "" {
			s = types.TypeString(a, func(p *types.Package) string { return p.Name() })
		}
		as = append(as, s)
	}
	// named now: the cell compiler writes %T with it (an unused name does
	// no harm: names are never made twice)
	interpvalue.SetInstanceName(name, "main."+origin+"["+strings.Join(as, ",")+"]")
	var src []string
	for _, a := range args {
		src = append(src, types.TypeString(a, func(p *types.Package) string {
			if p.Path() == "main" {
				return ""
			}
			return p.Name()
		}))
	}
	if gn.isType {
		aliases.Store(name, origin+"["+strings.Join(src, ", ")+"]")
	}
	sigma := map[*types.TypeParam]types.Type{}
	for i, p := range gn.params {
		sigma[p] = args[i]
	}
	text, err := g.apply(gn.decl, sigma, name)
	if err != nil {
		return err
	}
	if gn.isType {
		g.out = append(g.out, chunk{"type " + text, gn.decl.line, gn.decl.col - len("type ")})
		for _, mname := range sortedMethods(gn.methods) {
			m := gn.methods[mname]
			if len(m.params) != len(args) {
				return errUnsupported
			}
			ms := map[*types.TypeParam]types.Type{}
			for i, p := range m.params {
				ms[p] = args[i]
			}
			mt, err := g.apply(m, ms, name)
			if err != nil {
				return err
			}
			g.out = append(g.out, chunk{mt, m.line, m.col})
		}
		return nil
	}
	g.out = append(g.out, chunk{text, gn.decl.line, gn.decl.col})
	return nil
}

// sortedMethods returns the names of methods in order.
func sortedMethods(m map[string]*template) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// apply writes the instance of t with sigma, named name.
func (g *gen) apply(t *template, sigma map[*types.TypeParam]types.Type, name string) (string, error) {
	w := &writer{ensure: g.ensure}
	// the names the type arguments are written with: a local name of the
	// generic's body that is one of them is renamed (a parameter key of
	// GroupBy shadowed the type key given for K)
	used := map[string]bool{}
	for _, e := range t.edits {
		if e.kind != editParam {
			continue
		}
		if a, ok := sigma[e.tp]; ok {
			if s, err := w.write(a, 0); err == nil {
				for _, word := range strings.FieldsFunc(s, func(r rune) bool {
					return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
				}) {
					used[word] = true
				}
			}
		}
	}
	var b strings.Builder
	pos := 0
	for _, e := range t.edits {
		b.WriteString(t.src[pos:e.start])
		switch e.kind {
		case editName:
			b.WriteString(name)
		case editLocal:
			local := t.src[e.start:e.end]
			if used[local] {
				local += "__gkl"
			}
			b.WriteString(local)
		case editParam:
			a, ok := sigma[e.tp]
			if !ok {
				return "", errUnsupported
			}
			s, err := w.write(a, 0)
			if err != nil {
				return "", err
			}
			// only there: yaegi crashed on var z (*T)
			if e.operand && (strings.HasPrefix(s, "*") || strings.HasPrefix(s, "<-") || strings.HasPrefix(s, "func") || strings.HasPrefix(s, "chan")) {
				s = "(" + s + ")"
			}
			b.WriteString(s)
		case editRef:
			var args []types.Type
			for _, a := range e.args {
				sa, err := subst(a, sigma, 0)
				if err != nil {
					return "", err
				}
				args = append(args, sa)
			}
			n, err := g.ensure(e.origin, args)
			if err != nil {
				return "", err
			}
			b.WriteString(n)
		}
		pos = e.end
	}
	b.WriteString(t.src[pos:])
	return b.String(), nil
}

// aliases are the generic instances the instance types stand for, by
// name: Pair__gk9 is Pair[string, int].
var aliases sync.Map

// Alias returns the instance of a generic type of the cells that name, an
// instance type Rewrite declared, stands for (Pair[string, int]): the
// checker declares name as an alias of it for the cells that follow, so
// that code written with Pair[string, int] and the functions of earlier
// cells returning a Pair__gk9 agree.
func Alias(name string) (string, bool) {
	a, ok := aliases.Load(name)
	if !ok {
		return "", false
	}
	return a.(string), true
}

// IsInstance reports whether item, a top-level item of a cell, declares
// an instance Rewrite wrote (or a method of one): the cell compiler runs
// them before the cell's statements, which use them.
func IsInstance(item ast.Node) bool {
	switch n := item.(type) {
	case *ast.FuncDecl:
		if n.Recv != nil && len(n.Recv.List) == 1 {
			base, _ := cellsrc.RecvBase(n.Recv.List[0].Type)
			return instanceName(base)
		}
		return instanceName(n.Name.Name)
	case *ast.DeclStmt:
		gd, ok := n.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE || len(gd.Specs) == 0 {
			return false
		}
		for _, s := range gd.Specs {
			if !instanceName(s.(*ast.TypeSpec).Name.Name) {
				return false
			}
		}
		return true
	}
	return false
}

// IsInstanceName reports whether name is one ensure makes (Name__gk12):
// the session does not list such names among the cells' own.
func IsInstanceName(name string) bool { return instanceName(name) }

// instanceName reports whether name is one ensure makes (Name__gk12).
func instanceName(name string) bool {
	i := strings.LastIndex(name, "__gk")
	if i <= 0 || i+4 == len(name) {
		return false
	}
	for _, r := range name[i+4:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
