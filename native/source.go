package native

import (
	"fmt"
	"go/constant"
	"go/types"
	"sort"
	"strings"
	"sync"
)

// exportName is the plugin's exported variable holding function name.
func exportName(name string) string { return "F_" + name }

// pluginFiles writes the plugin of funcs (each with the functions it
// calls already among them): a file per function with its own imports, a
// file of the constants they use, and the exported variables.
func pluginFiles(funcs []*Analysis, consts map[string]string) (map[string]string, error) {
	files := map[string]string{}
	var exports, constDecls strings.Builder
	exports.WriteString("package main\n\n// The functions, for plugin.Lookup.\nvar (\n")
	usedConsts := map[string]bool{}
	for i, a := range funcs {
		var b strings.Builder
		b.WriteString("package main\n\n")
		names := make([]string, 0, len(a.Imports))
		for name := range a.Imports {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			fmt.Fprintf(&b, "import %s %q\n", name, a.Imports[name])
		}
		b.WriteString("\n" + a.Src + "\n")
		files[fmt.Sprintf("f%03d_%s.go", i, a.Name)] = b.String()
		fmt.Fprintf(&exports, "\t%s = %s\n", exportName(a.Name), a.Name)
		for _, c := range a.Consts {
			usedConsts[c] = true
		}
	}
	exports.WriteString(")\n")
	files["exports.go"] = exports.String()
	if len(usedConsts) > 0 {
		names := make([]string, 0, len(usedConsts))
		for c := range usedConsts {
			names = append(names, c)
		}
		sort.Strings(names)
		constDecls.WriteString("package main\n\n")
		for _, c := range names {
			text, ok := consts[c]
			if !ok {
				return nil, fmt.Errorf("the constant %s is unknown", c)
			}
			constDecls.WriteString(text + "\n")
		}
		files["consts.go"] = constDecls.String()
	}
	return files, nil
}

// constText declares the constant c as Go source, or returns "" when it
// is not of a basic type (or not writable exactly).
func constText(c *types.Const) string {
	b, ok := c.Type().(*types.Basic)
	if !ok {
		return ""
	}
	v := c.Val()
	var lit string
	switch v.Kind() {
	case constant.Bool, constant.String, constant.Int:
		lit = v.ExactString()
	case constant.Float:
		lit = v.ExactString()
		if num, den, frac := strings.Cut(lit, "/"); frac {
			if strings.ContainsAny(num, ".eE") {
				return ""
			}
			lit = "(" + num + ".0 / " + den + ")"
		}
	default:
		return ""
	}
	if b.Info()&types.IsUntyped != 0 {
		return "const " + c.Name() + " = " + lit
	}
	return "const " + c.Name() + " " + b.Name() + " = " + lit
}

// wrapper declares function a again, for the interpreter, as a call of
// its compiled version pkg.F_name (pkg being the import name of the
// plugin's package). Its types are written with the import names of a's
// cell.
func wrapper(a *Analysis, pkg string) (string, error) {
	names := map[string]string{}
	for name, path := range a.Imports {
		names[path] = name
	}
	var missing string
	q := func(p *types.Package) string {
		if name, ok := names[p.Path()]; ok {
			return name
		}
		if missing == "" {
			missing = p.Path()
		}
		return p.Name()
	}
	sig := a.Sig
	var params, args []string
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		p := fmt.Sprintf("p%d", i)
		if sig.Variadic() && i == sig.Params().Len()-1 {
			params = append(params, p+" ..."+types.TypeString(t.(*types.Slice).Elem(), q))
			args = append(args, p+"...")
			continue
		}
		params = append(params, p+" "+types.TypeString(t, q))
		args = append(args, p)
	}
	var results []string
	for i := 0; i < sig.Results().Len(); i++ {
		results = append(results, types.TypeString(sig.Results().At(i).Type(), q))
	}
	if missing != "" {
		return "", fmt.Errorf("its signature names package %s, which it does not import itself", missing)
	}
	res := ""
	switch len(results) {
	case 0:
	case 1:
		res = " " + results[0]
	default:
		res = " (" + strings.Join(results, ", ") + ")"
	}
	call := pkg + "." + exportName(a.Name) + "(" + strings.Join(args, ", ") + ")"
	if len(results) > 0 {
		call = "return " + call
	}
	return fmt.Sprintf("func %s(%s)%s { defer %s.Leave(%s.Enter()); %s }\n", a.Name, strings.Join(params, ", "), res, pkg, pkg, call), nil
}

// running holds the calls of compiled functions from the interpreter that
// have not returned, by sequence number (see WaitCompiled).
var running struct {
	sync.Mutex
	seq   uint64
	calls map[uint64]bool
	left  *sync.Cond
}

func init() {
	running.calls = map[uint64]bool{}
	running.left = sync.NewCond(&running.Mutex)
}

// Enter and Leave bracket a call of a compiled function from the
// interpreter (the wrappers call them: the plugin's package gives them to
// the interpreter with the compiled functions). Enter returns the call's
// sequence number, for Leave.
func Enter() uint64 {
	running.Lock()
	defer running.Unlock()
	running.seq++
	running.calls[running.seq] = true
	return running.seq
}

// Leave: see Enter.
func Leave(call uint64) {
	running.Lock()
	delete(running.calls, call)
	running.left.Broadcast()
	running.Unlock()
}

// Seq returns the sequence number of the last call entered.
func Seq() uint64 {
	running.Lock()
	defer running.Unlock()
	return running.seq
}

// WaitCompiled waits until the compiled calls running now that were
// entered after call since have returned. The interpreter cannot stop
// compiled code: an interrupted cell waits here for the compiled calls
// made since it started, so that one that does not end keeps the cell
// running until the kernel replaces the worker (its grace period after an
// interrupt), instead of spinning unseen.
func WaitCompiled(since uint64) {
	running.Lock()
	defer running.Unlock()
	var wait []uint64
	for c := range running.calls {
		if c > since {
			wait = append(wait, c)
		}
	}
	for _, c := range wait {
		for running.calls[c] {
			running.left.Wait()
		}
	}
}
