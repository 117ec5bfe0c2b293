package proc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
)

// Setup is the first line a child reads: the declarations of the
// notebook's cells, one cell per element, to load in order.
type Setup struct {
	Cells []string `json:"cells"`
	// Plugins are the notebook's compiled functions (the worker's native
	// tier), for the child to install after Cells, so that it runs them
	// compiled as the notebook does.
	Plugins []json.RawMessage `json:"plugins,omitempty"`
}

// Task is one call a child runs.
type Task struct {
	ID   int               `json:"id"`
	Func string            `json:"func"`
	Args []json.RawMessage `json:"args"`
}

// Outcome is a child's answer to a Task (or to its Setup, with ID 0).
type Outcome struct {
	ID      int               `json:"id"`
	Results []json.RawMessage `json:"results,omitempty"`
	Error   string            `json:"error,omitempty"`
}

// EncodeArgs encodes call arguments.
func EncodeArgs(args []any) ([]json.RawMessage, error) {
	out := make([]json.RawMessage, len(args))
	for i, a := range args {
		b, err := json.Marshal(a)
		if err != nil {
			return nil, fmt.Errorf("proc: argument %d (%T) cannot be sent to a process: %v", i+1, a, err)
		}
		out[i] = b
	}
	return out, nil
}

// DecodeArgs converts encoded arguments to the parameter types of fn.
func DecodeArgs(fn reflect.Type, raw []json.RawMessage) ([]reflect.Value, error) {
	n := fn.NumIn()
	if !fn.IsVariadic() && len(raw) != n || fn.IsVariadic() && len(raw) < n-1 {
		return nil, fmt.Errorf("the function takes %d arguments, got %d", n, len(raw))
	}
	vals := make([]reflect.Value, len(raw))
	for i, r := range raw {
		t := paramType(fn, i)
		v := reflect.New(t)
		if err := json.Unmarshal(r, v.Interface()); err != nil {
			return nil, fmt.Errorf("argument %d: cannot convert %s to %s: %v", i+1, r, t, err)
		}
		vals[i] = v.Elem()
	}
	return vals, nil
}

// paramType is the type of the i-th argument of a call to fn.
func paramType(fn reflect.Type, i int) reflect.Type {
	if fn.IsVariadic() && i >= fn.NumIn()-1 {
		return fn.In(fn.NumIn() - 1).Elem()
	}
	return fn.In(i)
}

// EncodeResults encodes the values a function returned.
func EncodeResults(vals []reflect.Value) ([]json.RawMessage, error) {
	out := make([]json.RawMessage, len(vals))
	for i, v := range vals {
		var x any
		if v.IsValid() && v.CanInterface() {
			x = v.Interface()
		}
		if err, ok := x.(error); ok && err != nil {
			x = err.Error()
		}
		b, err := json.Marshal(x)
		if err != nil {
			return nil, fmt.Errorf("result %d (%s) cannot be sent back: %v", i+1, v.Type(), err)
		}
		out[i] = b
	}
	return out, nil
}

// decodeResults converts encoded results to the result types of fn (when
// known) and returns them as plain values.
func decodeResults(fn reflect.Type, raw []json.RawMessage) ([]any, error) {
	out := make([]any, len(raw))
	for i, r := range raw {
		if fn == nil || i >= fn.NumOut() {
			out[i] = decodeAny(r)
			continue
		}
		t := fn.Out(i)
		if t == reflect.TypeOf((*error)(nil)).Elem() {
			var s *string
			_ = json.Unmarshal(r, &s)
			if s != nil {
				out[i] = fmt.Errorf("%s", *s)
			}
			continue
		}
		v := reflect.New(t)
		if err := json.Unmarshal(r, v.Interface()); err != nil {
			return nil, fmt.Errorf("proc: result %d: %v", i+1, err)
		}
		out[i] = v.Elem().Interface()
	}
	return out, nil
}

// decodeAny decodes JSON into plain Go values, with whole numbers as int.
func decodeAny(r []byte) any {
	var x any
	d := json.NewDecoder(bytes.NewReader(r))
	d.UseNumber()
	if err := d.Decode(&x); err != nil {
		return nil
	}
	return normalize(x)
}

func normalize(x any) any {
	switch v := x.(type) {
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return int(i)
		}
		f, _ := v.Float64()
		return f
	case []any:
		for i := range v {
			v[i] = normalize(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = normalize(v[k])
		}
	}
	return x
}
