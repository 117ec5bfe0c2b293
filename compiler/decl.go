package compiler

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
