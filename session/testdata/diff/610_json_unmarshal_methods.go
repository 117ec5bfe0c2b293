package main

// encoding/json calls the cells' UnmarshalJSON and UnmarshalText methods:
// fields, pointers, slices, maps and their keys, merging into existing
// values, null, errors of the methods and of the decoder.

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

type Priority int

var names = []string{"low", "mid", "high"}

func (p Priority) MarshalJSON() ([]byte, error) { return json.Marshal(names[p]) }

func (p *Priority) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*p = 1
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("priority: %w", err)
	}
	for i, n := range names {
		if n == s {
			*p = Priority(i)
			return nil
		}
	}
	return fmt.Errorf("unknown priority %q", s)
}

type Status int

func (s Status) MarshalText() ([]byte, error) { return []byte([]string{"open", "done"}[s]), nil }

func (s *Status) UnmarshalText(b []byte) error {
	switch string(b) {
	case "open":
		*s = 0
	case "done":
		*s = 1
	default:
		return errors.New("bad status " + string(b))
	}
	return nil
}

type Task struct {
	ID       int               `json:"id"`
	Title    string            `json:"title"`
	Priority Priority          `json:"priority"`
	Status   Status            `json:"status"`
	Parent   *Priority         `json:"parent,omitempty"`
	Subs     []Priority        `json:"subs,omitempty"`
	ByStatus map[Status]string `json:"by_status,omitempty"`
	Note     string            `json:"note,omitempty"`
}

func main() {
	var t Task
	err := json.Unmarshal([]byte(`{"id":1,"title":"write","priority":"high","status":"done","parent":"low","subs":["mid","low"],"by_status":{"open":"a","done":"b"}}`), &t)
	fmt.Println(err, t.ID, t.Title, t.Priority, t.Status, *t.Parent, t.Subs, t.ByStatus)
	// decoding merges into the value: the note stays, the title changes
	t2 := Task{Title: "old", Note: "keep"}
	fmt.Println(json.Unmarshal([]byte(`{"title":"new","priority":null}`), &t2), t2.Title, t2.Note, t2.Priority)
	var tasks []Task
	fmt.Println(json.Unmarshal([]byte(`[{"id":1,"priority":"low"},{"id":2,"priority":"high","status":"open"}]`), &tasks))
	for _, x := range tasks {
		fmt.Println(x.ID, x.Priority, x.Status)
	}
	m := map[string]Priority{"keep": 2}
	fmt.Println(json.Unmarshal([]byte(`{"a":"mid","b":"low"}`), &m), len(m), m["keep"], m["a"], m["b"])
	var p Priority
	fmt.Println(json.Unmarshal([]byte(`"urgent"`), &p), p)
	fmt.Println(json.Unmarshal([]byte(`"high"`), &p), p)
	fmt.Println(json.Unmarshal([]byte(`42`), &p), p)
	var bad Task
	err = json.Unmarshal([]byte(`{"id":7,"status":"lost"}`), &bad)
	fmt.Println(err, bad.ID)
	err = json.Unmarshal([]byte(`{"id":8,"status":3}`), &bad)
	fmt.Println(err, bad.ID)
	var ute *json.UnmarshalTypeError
	fmt.Println(errors.As(err, &ute))
	err = json.Unmarshal([]byte(`{"id":"nine"}`), &bad)
	fmt.Println(err)
	fmt.Println(json.Unmarshal([]byte(`{"id":`), &bad))
	dec := json.NewDecoder(strings.NewReader(`{"priority":"mid"} {"priority":"high","parent":null}`))
	for {
		var x Task
		if err := dec.Decode(&x); err != nil {
			fmt.Println("end:", err)
			break
		}
		fmt.Println(x.Priority, x.Parent == nil)
	}
	out, _ := json.Marshal(t)
	fmt.Println(string(out))
	var back Task
	fmt.Println(json.Unmarshal(out, &back), back.Priority == t.Priority, back.Status, back.ByStatus)
}
