package native

import (
	"fmt"
	"go/constant"
	"go/types"
	"sort"
	"strings"
)

// exportName is the plugin's exported variable holding function name.
func exportName(name string) string { return "F_" + name }

// pluginFiles writes the plugin of funcs (each with the functions it
// calls already among them): a file per function with its own imports and
// its exported variable, a file of the constants they use, and the
// plugin's runtime (rtFile).
func pluginFiles(funcs []*Analysis, consts map[string]string) (map[string]string, error) {
	files := map[string]string{"gkrt.go": rtFile}
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
		params, args, res, err := signature(a)
		if err != nil {
			return nil, err
		}
		call := a.Name + "(" + args + ")"
		if res != "" {
			call = "return " + call
		}
		fmt.Fprintf(&b, "\nvar %s = func(%s)%s { defer X__gkLeave(X__gkEnter()); %s }\n", exportName(a.Name), params, res, call)
		src, err := instrument(b.String())
		if err != nil {
			return nil, err
		}
		files[fmt.Sprintf("f%03d_%s.go", i, a.Name)] = src
		for _, c := range a.Consts {
			usedConsts[c] = true
		}
	}
	if len(usedConsts) > 0 {
		names := make([]string, 0, len(usedConsts))
		for c := range usedConsts {
			names = append(names, c)
		}
		sort.Strings(names)
		var constDecls strings.Builder
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

// signature writes a's parameters (named p0, p1...), the arguments that
// pass them on and its results, with the import names of a's cell.
func signature(a *Analysis) (params, args, res string, err error) {
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
	var ps, as []string
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		p := fmt.Sprintf("p%d", i)
		if sig.Variadic() && i == sig.Params().Len()-1 {
			ps = append(ps, p+" ..."+types.TypeString(t.(*types.Slice).Elem(), q))
			as = append(as, p+"...")
			continue
		}
		ps = append(ps, p+" "+types.TypeString(t, q))
		as = append(as, p)
	}
	var results []string
	for i := 0; i < sig.Results().Len(); i++ {
		results = append(results, types.TypeString(sig.Results().At(i).Type(), q))
	}
	if missing != "" {
		return "", "", "", fmt.Errorf("its signature names package %s, which it does not import itself", missing)
	}
	switch len(results) {
	case 0:
	case 1:
		res = " " + results[0]
	default:
		res = " (" + strings.Join(results, ", ") + ")"
	}
	return strings.Join(ps, ", "), strings.Join(as, ", "), res, nil
}

// wrapper declares function a again, for the interpreter, as a call of
// its compiled version pkg.F_name (pkg being the import name of the
// plugin's package). Its types are written with the import names of a's
// cell.
func wrapper(a *Analysis, pkg string) (string, error) {
	params, args, res, err := signature(a)
	if err != nil {
		return "", err
	}
	call := pkg + "." + exportName(a.Name) + "(" + args + ")"
	if res != "" {
		call = "return " + call
	}
	return fmt.Sprintf("func %s(%s)%s { %s }\n", a.Name, params, res, call), nil
}
