package session

import (
	"fmt"
	"gokernel/compiler"
	"gokernel/stdlib/generic"
	"log"
	"os"
	"reflect"
	"runtime"
	"strings"

	"github.com/traefik/yaegi/interp"
)

// exitPanic is the panic value of os.Exit, syscall.Exit and log.Fatal in
// a cell: the kernel must not exit.
type exitPanic struct{ msg string }

func (e exitPanic) Error() string { return e.msg }

func exitFunc(name string) func(int) {
	return func(code int) {
		panic(exitPanic{fmt.Sprintf("%s(%d) was called: the kernel does not exit (exit is disabled in cells)", name, code)})
	}
}

// runtimeSymbols returns the host functions of package cellrt and the
// overrides of the standard library that keep the process alive.
func (s *Session) runtimeSymbols() interp.Exports {
	base := runtime.NumGoroutine()
	syms := interp.Exports{
		compiler.RuntimePath + "/cellrt": {
			"Go":    reflect.ValueOf(s.goStart),
			"Clear": reflect.ValueOf(clearValue),
			// Panicking is the value of the panic a cell's top-level deferred
			// calls run for (see runner.runDefers).
			"Panicking": reflect.ValueOf(func() any { return s.panicking }),
		},
		"os/os": {
			"Exit":   reflect.ValueOf(exitFunc("os.Exit")),
			"Stderr": reflect.ValueOf(&s.stderr).Elem(),
		},
		"syscall/syscall":         {"Exit": reflect.ValueOf(exitFunc("syscall.Exit"))},
		generic.Path + "/generic": generic.Symbols(),
		// Package iter has only generic types, which the cell compiler
		// rewrites as function types: the import itself must work.
		"iter/iter": {},
		"log/log": {
			"Fatal":   reflect.ValueOf(func(v ...any) { s.fatal("log.Fatal", fmt.Sprint(v...)) }),
			"Fatalf":  reflect.ValueOf(func(f string, v ...any) { s.fatal("log.Fatalf", fmt.Sprintf(f, v...)) }),
			"Fatalln": reflect.ValueOf(func(v ...any) { s.fatal("log.Fatalln", fmt.Sprintln(v...)) }),
		},
		"runtime/runtime": {"NumGoroutine": reflect.ValueOf(func() int {
			return max(runtime.NumGoroutine()-base, 1)
		})},
	}
	for key, table := range s.instrumentSymbols() {
		if syms[key] == nil {
			syms[key] = map[string]reflect.Value{}
		}
		for name, v := range table {
			syms[key][name] = v
		}
	}
	return syms
}

// fatal logs msg as log.Fatal does, then panics instead of exiting.
func (s *Session) fatal(name, msg string) {
	_ = log.New(s.stderr, "", log.LstdFlags).Output(3, msg)
	panic(exitPanic{fmt.Sprintf("%s(%q) was called: the kernel does not exit (exit is disabled in cells)", name, strings.TrimSuffix(msg, "\n"))})
}

// clearValue implements the builtin clear for maps and slices.
func clearValue(x any) {
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Map, reflect.Slice:
		v.Clear()
	default:
		panic(fmt.Sprintf("invalid argument: clear(%T): argument must be a map or a slice", x))
	}
}

// stdFile returns f, or def when f is nil.
func stdFile(f, def *os.File) *os.File {
	if f == nil {
		return def
	}
	return f
}
