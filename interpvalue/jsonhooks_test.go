package interpvalue

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// TestHookErrors: the encoder's errors of hooks name the cells' type as
// Go's do, errors.As still finds the MarshalerError, and a failed map key
// is the encoder's own error.
func TestHookErrors(t *testing.T) {
	_, err := json.Marshal(map[string]any{"x": NewJSONHook("main.Level", func() ([]byte, error) { return nil, errors.New("negative") })})
	err = FixMarshalError(err)
	var me *json.MarshalerError
	if !errors.As(err, &me) || err.Error() != "json: error calling MarshalJSON for type main.Level: negative" {
		t.Errorf("MarshalJSON error: %v", err)
	}
	_, err = json.Marshal(NewJSONHook("main.Broken", func() ([]byte, error) { return []byte("{x"), nil }))
	if err = FixMarshalError(err); !strings.HasPrefix(err.Error(), "json: error calling MarshalJSON for type main.Broken: invalid character 'x'") {
		t.Errorf("invalid output: %v", err)
	}
	_, err = json.Marshal([]any{JSONKeyError("map[main.K]int", errors.New("bad key"))})
	if err = FixMarshalError(err); err.Error() != `json: encoding error for type "map[main.K]int": "bad key"` {
		t.Errorf("key error: %v", err)
	}
}

// TestJSONContext: an UnmarshalTypeError of a method gets the struct and
// the field path on its way out, as Go's decoder gives it.
func TestJSONContext(t *testing.T) {
	ute := &json.UnmarshalTypeError{Value: "number", Type: nil, Field: ""}
	err := JSONFinish(JSONContext(JSONContext(ute, "Server", "timeout"), "Config", "servers"))
	if ute.Struct != "Server" || ute.Field != "servers.timeout" || err != error(ute) {
		t.Errorf("got %q %q (%v)", ute.Struct, ute.Field, err)
	}
	plain := errors.New("other")
	if JSONFinish(JSONContext(plain, "S", "f")) != plain {
		t.Error("another error changed")
	}
}

// TestJSONMark: a marked slice or map is found again through an
// interface; an unmarked one, or an empty one, is not.
func TestJSONMark(t *testing.T) {
	tags := []string{"a", "b"}
	m := map[string]string{"k": "v"}
	var held any = JSONMark(tags, "[]main.Tag")
	if got := JSONMarked(&held); got != "[]main.Tag" {
		t.Errorf("slice: %q", got)
	}
	held = JSONMark(m, "map[string]main.Tag")
	if got := JSONMarked(&held); got != "map[string]main.Tag" {
		t.Errorf("map: %q", got)
	}
	held = []string{"a", "b"}
	if got := JSONMarked(&held); got != "" {
		t.Errorf("unmarked: %q", got)
	}
	held = JSONMark([]string{}, "[]main.Tag")
	if got := JSONMarked(&held); got != "" {
		t.Errorf("empty: %q", got)
	}
}
