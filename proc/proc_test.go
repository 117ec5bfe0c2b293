package proc

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"
)

func TestQueueAcrossConnections(t *testing.T) {
	q, err := NewQueue()
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	// A copy as a child process would get it.
	b, _ := json.Marshal(q)
	var remote Queue
	if err := json.Unmarshal(b, &remote); err != nil {
		t.Fatal(err)
	}
	done := make(chan any)
	go func() { done <- remote.Get() }()
	time.Sleep(20 * time.Millisecond)
	q.Put(map[string]any{"n": 3, "s": "x"})
	got := <-done
	if !reflect.DeepEqual(got, map[string]any{"n": 3, "s": "x"}) {
		t.Fatalf("remote Get = %#v", got)
	}
	remote.Put(1.5)
	remote.Put("two")
	if n := q.Len(); n != 2 {
		t.Fatalf("Len = %d", n)
	}
	if v := q.Get(); v != 1.5 {
		t.Fatalf("Get = %#v", v)
	}
	if v := q.Get(); v != "two" {
		t.Fatalf("Get = %#v", v)
	}
}

func TestPipe(t *testing.T) {
	a, b, err := Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	js, _ := json.Marshal(b)
	var child Conn
	json.Unmarshal(js, &child)
	child.Send("hello parent")
	if v := a.Recv(); v != "hello parent" {
		t.Fatalf("Recv = %#v", v)
	}
	a.Send(42)
	if v := child.Recv(); v != 42 {
		t.Fatalf("child Recv = %#v", v)
	}
}

func TestArgsAndResultsKeepTypes(t *testing.T) {
	type point struct{ X, Y int }
	fn := reflect.TypeOf(func(name string, n int, p point, xs ...float64) (int, error) { return 0, nil })
	raw, err := EncodeArgs([]any{"A", 3, point{1, 2}, 1.5, 2.5})
	if err != nil {
		t.Fatal(err)
	}
	vals, err := DecodeArgs(fn, raw)
	if err != nil {
		t.Fatal(err)
	}
	if vals[0].String() != "A" || vals[1].Int() != 3 || vals[2].Interface().(point) != (point{1, 2}) || vals[4].Float() != 2.5 {
		t.Fatalf("decoded %v", vals)
	}
	if _, err := DecodeArgs(fn, raw[:1]); err == nil {
		t.Error("too few arguments accepted")
	}
	res, _ := EncodeResults([]reflect.Value{reflect.ValueOf(49), reflect.ValueOf(errors.New("bad"))})
	out, err := decodeResults(fn, res)
	if err != nil {
		t.Fatal(err)
	}
	if out[0] != 49 || out[1].(error).Error() != "bad" {
		t.Fatalf("results %#v", out)
	}
	if _, err := EncodeArgs([]any{make(chan int)}); err == nil {
		t.Error("a channel argument was accepted")
	}
}

func TestNotConfigured(t *testing.T) {
	if _, err := Start("f"); err == nil {
		t.Error("Start outside a notebook succeeded")
	}
}
