package interp

import "reflect"

// packageSymbols returns the gokernel packages cells can import, wired to
// worker w.
func packageSymbols(w *Worker) map[string]map[string]reflect.Value {
	return map[string]map[string]reflect.Value{}
}
