// Package generic holds compiled instantiations of the generic functions
// of the standard packages slices, maps and cmp, for slices and maps of
// builtin types: the cell compiler rewrites a call such as slices.Sort(s),
// whose type arguments the type checker inferred ([]int, int), into a call
// of the matching instantiation, which the interpreter cannot make itself.
// z_instances.go is generated: go generate ./stdlib/generic. It also holds
// the generic Go source of sync.OnceValue(s), atomic.Pointer[T] and
// iter.Pull(2), which the interpreter runs (Source); source.go states the
// rule for each generic function of the standard library.
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
func Ident(key string) string {
	if id := names()[key]; id != "" {
		return id
	}
	added.Lock()
	defer added.Unlock()
	return added.ids[key]
}

// added are the instantiations of generic functions of modules that the
// session compiled into plugins while the worker runs (Add).
var added = struct {
	sync.Mutex
	ids    map[string]string        // key -> identifier
	values map[string]reflect.Value // identifier -> value
	pkgs   map[string]bool          // import paths with added instantiations
}{ids: map[string]string{}, values: map[string]reflect.Value{}, pkgs: map[string]bool{}}

// Add records the instantiation v of a generic function or type of the
// package pkgPath (not a standard one) under key, as Ident spells keys,
// and returns its identifier; the caller gives v to its interpreter
// under Path (Value gives it to the other interpreters of the process).
func Add(pkgPath, key string, v reflect.Value) string {
	added.Lock()
	defer added.Unlock()
	if id := added.ids[key]; id != "" {
		return id
	}
	id := "M" + strconv.Itoa(len(added.ids))
	added.ids[key] = id
	added.values[id] = v
	added.pkgs[pkgPath] = true
	return id
}

// Value returns the instantiation of identifier id added with Add, or the
// zero Value.
func Value(id string) reflect.Value {
	added.Lock()
	defer added.Unlock()
	return added.values[id]
}

// Added reports whether instantiations of the package pkgPath were added.
func Added(pkgPath string) bool {
	added.Lock()
	defer added.Unlock()
	return added.pkgs[pkgPath]
}

// Symbols returns the instantiations as yaegi's symbol table of Path.
func Symbols() map[string]reflect.Value {
	m := make(map[string]reflect.Value, len(instances))
	for key, v := range instances {
		m[names()[key]] = v
	}
	m["SortSlice"], m["SortSliceStable"] = reflect.ValueOf(sort.Slice), reflect.ValueOf(sort.SliceStable) // see Specialized
	return m
}
