// Package autoimport finds the standard packages a cell uses without
// importing them (MissingImports), as goimports does, and the standard
// packages a name may denote (PackagesByName, ChoosePackage) for completion.
package autoimport

import (
	"go/scanner"
	"go/token"
	"gokernel/cellsrc"
	"gokernel/stdlib"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"
)

// preferredPackages settles names that several standard packages share,
// as goimports does for the common cases.
var preferredPackages = map[string]string{
	"rand":      "math/rand",
	"template":  "text/template",
	"scanner":   "text/scanner",
	"pprof":     "runtime/pprof",
	"parser":    "go/parser",
	"ast":       "go/ast",
	"token":     "go/token",
	"constant":  "go/constant",
	"format":    "go/format",
	"doc":       "go/doc",
	"build":     "go/build",
	"types":     "go/types",
	"printer":   "go/printer",
	"trace":     "runtime/trace",
	"cookiejar": "net/http/cookiejar",
}

// stdlibIndex maps a package name to the standard packages with that name.
type stdlibIndex map[string][]StdPackage

// StdPackage is a standard package: its import path and its key in the
// symbol tables ("import/path/name").
type StdPackage struct {
	Path string
	Key  string
}

// Symbols returns the package's exported Symbols (built on first use).
func (p StdPackage) Symbols() map[string]reflect.Value { return stdlib.Load(p.Key) }

// PackagesByName returns the standard library index, built once.
var PackagesByName = sync.OnceValue(func() stdlibIndex {
	index := stdlibIndex{}
	for _, key := range stdlib.Keys() {
		p, name := path.Dir(key), path.Base(key)
		if strings.Contains(p, "internal") || strings.HasPrefix(p, "vendor") {
			continue
		}
		index[name] = append(index[name], StdPackage{Path: p, Key: key})
	}
	return index
})

// tokLit is a scanned token and its literal text.
type tokLit struct {
	tok token.Token
	lit string
}

// MissingImports returns the standard library packages a cell uses as
// `name.Symbol` without importing them, like goimports: a name counts only
// if the cell neither imports nor declares it and defined(name) is false (a
// variable of an earlier cell may have a package's name). When several
// packages have the name, the one exporting every symbol used wins, then
// the preferred one (math/rand for rand).
func MissingImports(src string, defined func(name string) bool) []string {
	var toks []tokLit
	var s scanner.Scanner
	file := token.NewFileSet().AddFile("cell", -1, len(src))
	s.Init(file, []byte(src), nil, 0)
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		toks = append(toks, tokLit{tok, lit})
	}
	at := func(i int) token.Token {
		if i < 0 || i >= len(toks) {
			return token.ILLEGAL
		}
		return toks[i].tok
	}

	used := map[string]map[string]bool{} // package name -> selectors
	declared := map[string]bool{}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.tok == token.IMPORT:
			// Skip the import spec(s): imported names are not missing.
			j := i + 1
			if at(j) == token.LPAREN {
				for j < len(toks) && at(j) != token.RPAREN {
					if at(j) == token.STRING {
						declared[importName(toks[j].lit, toks[j-1])] = true
					}
					j++
				}
			} else {
				if at(j) == token.IDENT || at(j) == token.PERIOD {
					j++
				}
				if at(j) == token.STRING {
					declared[importName(toks[j].lit, toks[j-1])] = true
				}
			}
			i = j
		case t.tok == token.IDENT && (at(i-1) == token.VAR || at(i-1) == token.CONST || at(i-1) == token.TYPE || at(i-1) == token.FUNC):
			declared[t.lit] = true
		case t.tok == token.DEFINE:
			for j := i - 1; at(j) == token.IDENT; j -= 2 {
				declared[toks[j].lit] = true
				if at(j-1) != token.COMMA {
					break
				}
			}
		case t.tok == token.IDENT && at(i+1) == token.PERIOD && at(i+2) == token.IDENT && at(i-1) != token.PERIOD:
			if used[t.lit] == nil {
				used[t.lit] = map[string]bool{}
			}
			used[t.lit][toks[i+2].lit] = true
		}
	}
	idx := PackagesByName()
	var out []string
	for name, sels := range used {
		if declared[name] || (defined != nil && defined(name)) {
			continue
		}
		if p := ChoosePackage(idx[name], name, sels); p != "" {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// importName is the name an import spec binds: its explicit name, or the
// last element of its path.
func importName(pathLit string, before tokLit) string {
	if before.tok == token.IDENT {
		return before.lit
	}
	return cellsrc.ImportName(strings.Trim(pathLit, "\"`"))
}

// ChoosePackage picks, among the standard packages called name, the one
// that exports every selector used; ties go to the preferred package, then
// the shortest path.
func ChoosePackage(cands []StdPackage, name string, sels map[string]bool) string {
	var fits []string
	for _, c := range cands {
		ok := true
		for sel := range sels {
			if _, has := c.Symbols()[sel]; !has {
				ok = false
				break
			}
		}
		if ok {
			fits = append(fits, c.Path)
		}
	}
	if len(fits) == 0 && len(cands) == 1 {
		// The only package of that name (its generic functions are not in
		// the symbol tables): the type checker says if a selector is wrong.
		return cands[0].Path
	}
	if len(fits) == 0 {
		return ""
	}
	if pref, ok := preferredPackages[name]; ok {
		for _, f := range fits {
			if f == pref {
				return f
			}
		}
	}
	sort.Slice(fits, func(i, j int) bool { return len(fits[i]) < len(fits[j]) })
	return fits[0]
}
