// Package generic holds compiled instantiations of the generic functions
// of the standard packages slices, maps and cmp, for slices and maps of
// builtin types: the cell compiler rewrites a call such as slices.Sort(s),
// whose type arguments the type checker inferred ([]int, int), into a call
// of the matching instantiation, which the interpreter cannot make itself.
// z_instances.go is generated: go generate ./stdlib/generic.
package generic

//go:generate go run generate.go

import (
	"reflect"
	"sort"
	"strconv"
	"sync"
)

// Path is the import path cells' rewritten calls use, under the name Name.
const (
	Path = "gokernel/generic"
	Name = "__gkgen"
)

// names gives each instantiation a Go identifier, in key order.
var names = sync.OnceValue(func() map[string]string {
	keys := make([]string, 0, len(instances))
	for k := range instances {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	m := make(map[string]string, len(keys))
	for i, k := range keys {
		m[k] = "G" + strconv.Itoa(i)
	}
	return m
})

// Ident returns the identifier of the instantiation key (for example
// "slices.Sort[[]int, int]"), or "" if there is none.
func Ident(key string) string { return names()[key] }

// Symbols returns the instantiations as yaegi's symbol table of Path.
func Symbols() map[string]reflect.Value {
	m := make(map[string]reflect.Value, len(instances))
	for key, v := range instances {
		m[names()[key]] = v
	}
	return m
}
