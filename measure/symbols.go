package measure

import "reflect"

// Symbols is the table the worker gives the yaegi interpreter so that cells
// can import "gokernel/measure". Keys are "import path/package name", as
// yaegi expects.
var Symbols = map[string]map[string]reflect.Value{
	"gokernel/measure/measure": {
		"BestOf":          reflect.ValueOf(BestOf),
		"BestTimed":       reflect.ValueOf(BestTimed),
		"CPUTime":         reflect.ValueOf(CPUTime),
		"Calibrate":       reflect.ValueOf(Calibrate),
		"ChildrenCPUTime": reflect.ValueOf(ChildrenCPUTime),
		"Speedup":         reflect.ValueOf(Speedup),
		"Threads":         reflect.ValueOf(Threads),
		"Time":            reflect.ValueOf(Time),
		"Timed":           reflect.ValueOf(Timed),
		"Verdict":         reflect.ValueOf(Verdict),

		"Peak":   reflect.ValueOf((*Peak)(nil)),
		"Sample": reflect.ValueOf((*Sample)(nil)),
	},
}
