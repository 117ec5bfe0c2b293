package worker

import (
	"encoding/json"
	"os"
	"reflect"

	"gokernel/display"
	"gokernel/measure"
	"gokernel/pipe"
	"gokernel/proc"
	"gokernel/session"
	"gokernel/typecheck"
)

// packageSymbols returns the gokernel packages cells can import
// (gokernel/display, gokernel/measure and gokernel/proc), wired to worker w: displays become
// display events, and proc children are the worker program in child mode.
func packageSymbols(w *server) map[string]map[string]reflect.Value {
	display.SetPublisher(func(m display.Message) {
		w.emit(&pipe.Event{Kind: pipe.EvDisplay, Type: m.Type, Data: m.Data, Metadata: m.Metadata,
			DisplayID: m.DisplayID, Wait: m.Wait}, true)
	})
	return cellPackages(func() *session.Session { return w.session })
}

// cellPackages returns the symbols of gokernel/display, gokernel/measure and gokernel/proc,
// with proc children loading the declarations of the current session.
func cellPackages(session func() *session.Session) map[string]map[string]reflect.Value {
	typecheck.RegisterSource("gokernel/display", display.Source)
	typecheck.RegisterSource("gokernel/measure", measure.Source)
	typecheck.RegisterSource("gokernel/proc", proc.Source)
	syms := map[string]map[string]reflect.Value{}
	for _, pkg := range []map[string]map[string]reflect.Value{display.Symbols, measure.Symbols} {
		for k, v := range pkg {
			syms[k] = v
		}
	}
	syms["gokernel/proc/proc"] = procSymbols
	if exe, err := os.Executable(); err == nil {
		proc.Configure(proc.Config{
			Command:      []string{exe, "proc-child"},
			Declarations: func() []string { return session().Declarations() },
			FuncType:     func(name string) (reflect.Type, error) { return session().FuncType(name) },
			Plugins: func() []json.RawMessage {
				var out []json.RawMessage
				for _, r := range session().NativeReplays() {
					if b, err := json.Marshal(r); err == nil {
						out = append(out, b)
					}
				}
				return out
			},
		})
	}
	return syms
}

// procSymbols is what cells see of package proc.
var procSymbols = map[string]reflect.Value{
	"Start":    reflect.ValueOf(proc.Start),
	"Call":     reflect.ValueOf(proc.Call),
	"Map":      reflect.ValueOf(proc.Map),
	"NewPool":  reflect.ValueOf(proc.NewPool),
	"NewQueue": reflect.ValueOf(proc.NewQueue),
	"Pipe":     reflect.ValueOf(proc.Pipe),
	"Process":  reflect.ValueOf((*proc.Process)(nil)),
	"Pool":     reflect.ValueOf((*proc.Pool)(nil)),
	"Queue":    reflect.ValueOf((*proc.Queue)(nil)),
	"Conn":     reflect.ValueOf((*proc.Conn)(nil)),
}
