// Package compiler turns a notebook cell into a plan that the session runs
// on yaegi: it parses the cell's mix of imports, declarations, statements
// and trailing expression, rewrites what yaegi runs wrongly, and splits the
// result into steps. It imports no interpreter, so it is tested alone.
package compiler
