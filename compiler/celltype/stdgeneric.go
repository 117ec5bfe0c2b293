package celltype

import (
	"go/types"
	"strings"
)

// StdGeneric says what obj is ("function", "type") when it is a generic
// function or type of a standard package, else "".
func StdGeneric(obj types.Object) string {
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	if first, _, _ := strings.Cut(obj.Pkg().Path(), "/"); strings.Contains(first, ".") || first == "main" || first == "gokernel" {
		return ""
	}
	switch o := obj.(type) {
	case *types.Func:
		if sig, ok := o.Type().(*types.Signature); ok && sig.TypeParams().Len() > 0 {
			return "function"
		}
	case *types.TypeName:
		if o.Pkg().Path() == "iter" {
			return "" // iter.Seq and iter.Seq2 become function types (iterSeq)
		}
		if n, ok := o.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
			return "type"
		}
	}
	return ""
}
