package interpvalue

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// Compiled encoding/json does not see the methods of the cells' types
// (MarshalJSON, UnmarshalText...). The cell compiler (compiler/jsonshadow)
// gives the encoder a shadow of the value instead, built from its static
// type, where each value with such a method is a hook of this file that
// calls the interpreted method when the encoder reaches it; the decoder
// decodes into a shadow whose hooks keep what they were given, and the
// cell's code then calls the methods with it. The errors of the hooks are
// written with the names of the cells' types (FixMarshalError,
// Printer.JSONShadowError).

// hookError is the error of a hook: err, of the method of the type name,
// or a whole error of the encoder (direct).
type hookError struct {
	name   string
	err    error
	direct error
}

func (e hookError) Error() string {
	if e.direct != nil {
		return e.direct.Error()
	}
	return e.err.Error()
}

// JSONHook is a value the encoder encodes by calling marshal, a cell's
// MarshalJSON of a value of the type name ("main.Level", "*main.Level").
type JSONHook struct {
	name    string
	marshal func() ([]byte, error)
}

// NewJSONHook returns the hook of a value of the type name whose
// MarshalJSON marshal calls.
func NewJSONHook(name string, marshal func() ([]byte, error)) JSONHook {
	return JSONHook{name, marshal}
}

// MarshalJSON calls the cell's method. Its output is checked here, as the
// encoder checks it, so that the error names the cell's type.
func (h JSONHook) MarshalJSON() ([]byte, error) {
	b, err := h.marshal()
	if _, ok := err.(hookError); ok {
		return nil, err // JSONFail's
	}
	if err != nil {
		return nil, hookError{name: h.name, err: err}
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		return nil, hookError{name: h.name, err: err}
	}
	return b, nil
}

// JSONTextHook is a value the encoder encodes as the string marshal
// returns, a cell's MarshalText of a value of the type name.
type JSONTextHook struct {
	name    string
	marshal func() ([]byte, error)
}

// NewJSONTextHook returns the hook of a value of the type name whose
// MarshalText marshal calls.
func NewJSONTextHook(name string, marshal func() ([]byte, error)) JSONTextHook {
	return JSONTextHook{name, marshal}
}

// MarshalText calls the cell's method.
func (h JSONTextHook) MarshalText() ([]byte, error) {
	b, err := h.marshal()
	if err != nil {
		return nil, hookError{name: h.name, err: err}
	}
	return b, nil
}

// JSONFail returns a value whose encoding fails with err, an error of the
// encoder itself (a map key's MarshalText that failed).
func JSONFail(err error) JSONHook {
	return JSONHook{marshal: func() ([]byte, error) { return nil, hookError{direct: err} }}
}

// JSONKeyError is the error of the encoder when the MarshalText of a key
// of a map of type mapType fails.
func JSONKeyError(mapType string, err error) JSONHook {
	return JSONFail(errors.New("json: encoding error for type " + strconv.Quote(mapType) + ": " + strconv.Quote(err.Error())))
}

// JSONCycle is the error of the encoder for a value that holds itself
// through pointers of type ptrType.
func JSONCycle(ptrType string) JSONHook {
	return JSONFail(errors.New("json: unsupported value: encountered a cycle via " + ptrType))
}

// namedType is a reflect type written as a type of the cells.
type namedType struct {
	reflect.Type
	name string
}

func (t namedType) String() string { return t.name }

// FixMarshalError returns err, an error of the encoder, with the errors of
// hooks written as Go writes them: the cell's type, not the hook's.
func FixMarshalError(err error) error {
	var me *json.MarshalerError
	if !errors.As(err, &me) {
		return err
	}
	var he hookError
	if !errors.As(me.Err, &he) {
		return err
	}
	if he.direct != nil {
		return he.direct
	}
	me.Type = namedType{me.Type, he.name}
	me.Err = he.err
	return err
}

// JSONEmpty reports whether *p (p a pointer) is empty as omitempty says.
func JSONEmpty(p any) bool {
	v := reflect.ValueOf(p).Elem()
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// JSONZero reports whether *p (p a pointer) is the zero value.
func JSONZero(p any) bool { return reflect.ValueOf(p).Elem().IsZero() }

// JSONKey returns the JSON name of the map key *p (p a pointer), of a
// string or integer kind.
func JSONKey(p any) string {
	v := reflect.ValueOf(p).Elem()
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(v.Uint(), 10)
	}
	panic("json: unexpected map key type " + v.Type().String())
}

// JSONRaw is what the decoder gives a value of a type of the cells with an
// UnmarshalJSON method: the cell's code calls the method with it after
// decoding.
type JSONRaw struct {
	data []byte
	set  bool
}

// UnmarshalJSON keeps data.
func (r *JSONRaw) UnmarshalJSON(data []byte) error {
	r.data, r.set = bytes.Clone(data), true
	return nil
}

// Raw returns what the decoder gave, and whether it gave something.
func (r JSONRaw) Raw() ([]byte, bool) { return r.data, r.set }

// JSONRawText is what the decoder gives a value of a type of the cells
// with an UnmarshalText method (and not UnmarshalJSON).
type JSONRawText struct {
	data []byte
	set  bool
}

// UnmarshalText keeps text.
func (r *JSONRawText) UnmarshalText(text []byte) error {
	r.data, r.set = bytes.Clone(text), true
	return nil
}

// Raw returns what the decoder gave, and whether it gave something.
func (r JSONRawText) Raw() ([]byte, bool) { return r.data, r.set }

// JSONUndecoded reports whether err, an error of a decoder, came before
// anything was decoded: a syntax error (checked first), the end of the
// input.
func JSONUndecoded(err error) bool {
	var se *json.SyntaxError
	return errors.As(err, &se) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		err != nil && strings.HasPrefix(err.Error(), "unexpected end of JSON input")
}

// RegisterShadow records that the struct type of which ptr is a nil
// pointer is a decoder's shadow of the struct type of the cells name
// ("main.Order"), for the decoder's errors. It returns true.
func (p *Printer) RegisterShadow(name string, ptr any) bool {
	t := reflect.TypeOf(ptr)
	if t == nil || t.Kind() != reflect.Pointer {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shadows == nil {
		p.shadows = map[reflect.Type]string{}
	}
	p.shadows[t.Elem()] = name
	return true
}

// JSONShadowError returns err, an error of the decoder decoding into
// target, a shadow, written with the names of the cells' types: the
// shadow's struct types and text (the type of the cells whose
// UnmarshalText a JSONRawText stands for, "" if several).
func (p *Printer) JSONShadowError(err error, target any, text string) error {
	var ute *json.UnmarshalTypeError
	if !errors.As(err, &ute) {
		return err
	}
	named := *ute
	if name := p.jsonStruct(ute.Field, reflect.TypeOf(target)); name != "" {
		named.Struct = strings.TrimPrefix(name, "main.")
	}
	named.Field = promotedPath(named.Field, reflect.TypeOf(target))
	hook := reflect.TypeFor[JSONRawText]()
	if text != "" && named.Type != nil && (named.Type == hook || named.Type.Kind() == reflect.Pointer && named.Type.Elem() == hook) {
		name := text
		if named.Type.Kind() == reflect.Pointer {
			name = "*" + text
		}
		named.Type = namedType{named.Type, name}
	}
	msg := named.Error()
	func() {
		defer func() { _ = recover() }()
		msg = p.Rename(msg, true)
	}()
	if msg != named.Error() {
		return renamedError{&named, msg}
	}
	return &named
}

// JSONUnmarshal is json.Unmarshal, for the shadows of types that hold
// themselves (decoded one level at a time).
func JSONUnmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }

// jsonContext is an UnmarshalTypeError of a method of the cells, on its
// way out of the fields that hold the value: the struct and field path
// the decoder's addErrorContext would give it.
type jsonContext struct {
	ute        *json.UnmarshalTypeError
	structName string
	fields     []string
	done       bool
}

func (e *jsonContext) Error() string { return e.finish().Error() }
func (e *jsonContext) Unwrap() error { return e.finish() }

// finish writes the struct and field into the error, as Go does.
func (e *jsonContext) finish() *json.UnmarshalTypeError {
	if !e.done {
		fields := e.fields
		if e.ute.Field != "" {
			fields = append(fields, e.ute.Field)
		}
		e.ute.Struct, e.ute.Field, e.done = e.structName, strings.Join(fields, "."), true
	}
	return e.ute
}

// JSONContext returns err, the error of the field field of a struct type
// structName ("" if unnamed), with that context if it is an
// UnmarshalTypeError (a method's, as Go gives it).
func JSONContext(err error, structName, field string) error {
	switch e := err.(type) {
	case *json.UnmarshalTypeError:
		return &jsonContext{ute: e, structName: structName, fields: []string{field}}
	case *jsonContext:
		e.fields = append([]string{field}, e.fields...)
		return e
	}
	return err
}

// JSONFinish returns err, an error of a method of the cells, as the
// decoder returns it.
func JSONFinish(err error) error {
	if e, ok := err.(*jsonContext); ok {
		return e.finish()
	}
	return err
}

// marks are the slices and maps of the cells' types that became interface
// values, which yaegi holds without their types (a []Tag as a []string),
// by where their elements are; the last maxMarks are kept, with their
// values (so their memory is not reused).
var marks struct {
	sync.Mutex
	names map[markKey]markEntry
	ring  []reflect.Value
	next  int
}

// markKey is where a slice's elements or a map is, and the slice's length.
type markKey struct {
	ptr uintptr
	n   int
}

const maxMarks = 4096

// markEntry is the name of a mark and how many marks in the ring have it.
type markEntry struct {
	name string
	n    int
}

// keyOf returns the mark key of v, a slice or map, and whether it has one
// (an empty slice or a nil map encodes alike whatever its type).
func keyOf(v reflect.Value) (markKey, bool) {
	switch v.Kind() {
	case reflect.Slice:
		if v.Len() == 0 {
			return markKey{}, false
		}
		return markKey{v.Pointer(), v.Len()}, true
	case reflect.Map:
		if v.IsNil() {
			return markKey{}, false
		}
		return markKey{v.Pointer(), -1}, true
	}
	return markKey{}, false
}

// JSONMark records that x, becoming an interface value, is of the cells'
// type name ("[]main.Tag"), and returns it.
func JSONMark(x any, name string) any {
	k, ok := keyOf(reflect.ValueOf(x))
	if !ok {
		return x
	}
	marks.Lock()
	defer marks.Unlock()
	if marks.names == nil {
		marks.names = map[markKey]markEntry{}
		marks.ring = make([]reflect.Value, maxMarks)
	}
	if old := marks.ring[marks.next]; old.IsValid() {
		if ok, has := keyOf(old); has {
			// the key stays while a later mark of it is in the ring
			if e := marks.names[ok]; e.n > 1 {
				marks.names[ok] = markEntry{e.name, e.n - 1}
			} else {
				delete(marks.names, ok)
			}
		}
	}
	marks.ring[marks.next] = reflect.ValueOf(x)
	marks.next = (marks.next + 1) % maxMarks
	marks.names[k] = markEntry{name, marks.names[k].n + 1}
	return x
}

// JSONMarked returns the name JSONMark recorded for *p (p a *any), or "".
func JSONMarked(p any) string {
	v := reflect.ValueOf(p).Elem()
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	k, ok := keyOf(v)
	if !ok {
		return ""
	}
	marks.Lock()
	defer marks.Unlock()
	return marks.names[k].name
}

// JSONNull is a value the encoder writes as null.
func JSONNull() json.RawMessage { return json.RawMessage("null") }

// promotedPath returns path, the field path of a decoder's error in t, a
// shadow, with the names of the embedded structs of the promoted fields
// on it, as Go's decoder writes them ("Doc.Base.id"; the shadow has the
// field at the top, its gkpath tag says where it was).
func promotedPath(path string, t reflect.Type) string {
	if path == "" {
		return path
	}
	var out []string
	for _, part := range strings.Split(path, ".") {
		for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map) {
			t = t.Elem()
		}
		if t == nil || t.Kind() != reflect.Struct {
			out, t = append(out, part), nil
			continue
		}
		f, ok := jsonField(t, part)
		if prefix := f.Tag.Get("gkpath"); ok && prefix != "" {
			out = append(out, prefix)
		}
		out, t = append(out, part), nil
		if ok {
			t = f.Type
		}
	}
	return strings.Join(out, ".")
}
