package interpvalue

import (
	"errors"
	"testing"
)

type testErr struct {
	Op   string
	Code int
}

// wrap is what yaegi makes of v in an error with the session's wrappers:
// IValue holds what its getConcreteValue keeps (the last field of a
// struct value, a pointer as it is).
func wrap(v testErr, iv any) error {
	return selfIsError{
		IValue:        iv,
		WError:        func() string { return v.Op },
		WGokernelSelf: func() (any, string) { return v, "main.testErr" },
		WIs:           func(t error) bool { return t.Error() == "any" },
	}
}

func TestSelfValue(t *testing.T) {
	v := testErr{"read", 5}
	byValue, byPointer := wrap(v, v.Code), wrap(v, &v)
	var got testErr
	if !SelfHeld(&got, byValue, "main.testErr") || got != v {
		t.Errorf("a value: SelfHeld gave %v", got)
	}
	if SelfHeld(&got, byPointer, "main.testErr") {
		t.Errorf("a pointer taken for a value")
	}
	if SelfHeld(&got, byValue, "main.other") {
		t.Errorf("a value of another type taken")
	}
	if n := DynType(&byValue); n != "main.testErr" {
		t.Errorf("%%T of a value: %q", n)
	}
	if n := DynType(&byPointer); n != "*main.testErr" {
		t.Errorf("%%T of a pointer: %q", n)
	}
	if !errors.Is(byValue, errors.New("any")) {
		t.Errorf("the Is method is not called")
	}
	var p Printer
	if !p.ErrorsIs(wrap(v, 0), byValue) || p.ErrorsIs(wrap(testErr{"read", 6}, 6), byValue) {
		t.Errorf("errors.Is with a struct value target does not compare the values")
	}
	a, b := any(wrap(v, 5)), any(byValue)
	if !Equal(&a, &b) {
		t.Errorf("== of equal values is false")
	}
}
