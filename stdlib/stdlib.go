// Package stdlib holds the symbols of the Go standard library that cells
// import, as yaegi needs them, and builds each package's table on first use.
//
// The z_*.go files are generated from yaegi's own stdlib package by
// generate.go. yaegi's version fills every table at program start; here a
// table is built when a cell imports its package (or completion asks for
// it), which keeps the worker's and the supervisor's start-up memory and
// time small.
package stdlib

//go:generate go run generate.go

import (
	"path"
	"reflect"
	"sort"
	"sync"
)

// Table is a package's exported symbols: functions and values, types as
// (*T)(nil), variables addressable.
type Table = map[string]reflect.Value

// entry is one package's table builders and the table once built.
type entry struct {
	build        []func() Table
	unrestricted []func() Table
	once         sync.Once
	table        Table
}

// packages maps "import/path/name" keys, as yaegi's Exports use, to entries.
var packages = map[string]*entry{}

// MapTypes lists, for functions taking interface{} arguments, the
// interfaces they look for (yaegi's stdlib.MapTypes).
var MapTypes = map[reflect.Value][]reflect.Type{}

// entryFor returns the entry of key, adding it if needed.
func entryFor(key string) *entry {
	e := packages[key]
	if e == nil {
		e = &entry{}
		packages[key] = e
	}
	return e
}

// register adds a builder of key's table (called by the generated files).
func register(key string, f func() Table) {
	e := entryFor(key)
	e.build = append(e.build, f)
}

// registerUnrestricted adds symbols that override the restricted ones
// (os.Exit, os/exec...), as yaegi's stdlib/unrestricted does.
func registerUnrestricted(key string, f func() Table) {
	e := entryFor(key)
	e.unrestricted = append(e.unrestricted, f)
}

// Keys returns the keys ("import/path/name") of every package, sorted.
func Keys() []string {
	keys := make([]string, 0, len(packages))
	for k := range packages {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Key returns the key of the package with import path p, or "".
func Key(p string) string {
	if _, ok := packages[p+"/"+path.Base(p)]; ok {
		return p + "/" + path.Base(p)
	}
	for k := range packages {
		if path.Dir(k) == p {
			return k
		}
	}
	return ""
}

// Load returns the table of the package with key k, building it the
// first time; nil if there is no such package. Callers must not modify it.
func Load(k string) Table {
	e := packages[k]
	if e == nil {
		return nil
	}
	e.once.Do(func() {
		e.table = Table{}
		for _, fs := range [][]func() Table{e.build, e.unrestricted} {
			for _, f := range fs {
				for name, v := range f() {
					e.table[name] = v
				}
			}
		}
	})
	return e.table
}
