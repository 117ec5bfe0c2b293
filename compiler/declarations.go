package compiler

import (
	"go/ast"
	"go/token"
	"strings"
)

// DeclarationsOf returns the declarations of a cell as source, in order.
func DeclarationsOf(code string) string {
	return strings.Join(DeclarationItems(code), "\n")
}

// DeclarationItems returns each top-level declaration of a cell (imports,
// consts, vars, types, funcs and methods, not statements), in order.
func DeclarationItems(code string) []string {
	p, err := Parse(code)
	if err != nil {
		return nil
	}
	var parts []string
	for _, it := range p.Items {
		switch n := it.(type) {
		case *ast.FuncDecl:
			if n.Recv == nil && n.Name.Name == "main" {
				continue
			}
		case *ast.GenDecl:
		case *ast.DeclStmt:
			if gd, ok := n.Decl.(*ast.GenDecl); !ok || gd.Tok == token.IMPORT {
				continue
			}
		default:
			continue
		}
		start, end := p.Off(it.Pos()), p.Off(it.End())
		if start >= 0 && end <= len(code) && start < end {
			parts = append(parts, code[start:end])
		}
	}
	return parts
}

// Decl is a top-level declaration of the cells.
type Decl struct {
	Name string // the name, or Type.Method
	Kind string // func, var, const, type, import or method
	Type string // type, signature or import path, for Names
	// Src re-declares a func; for a method it assigns its body.
	Src  string
	Refs map[string]bool // identifiers it mentions
	Norm string          // type: normalized definition; method: signature
}

// Name is a top-level name defined by cells, as %who lists it.
type Name struct {
	Name string
	Kind string // func, var, const, type or import
	Type string // type, signature or import path; "" if unknown
}
