package main

import (
	"fmt"
	"strings"
)

type Kind string

type Temperature float64

func (t Temperature) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Event struct {
	Kind    Kind
	Payload any
}

type Click struct{ X, Y int }
type Key struct{ Code rune }

func (k Key) String() string { return "key " + string(k.Code) }

func describe(e Event) string {
	switch p := e.Payload.(type) {
	case Click:
		return fmt.Sprintf("%s at %d,%d", e.Kind, p.X, p.Y)
	case Key:
		return fmt.Sprintf("%s: %v", e.Kind, p)
	case Temperature:
		return fmt.Sprintf("%s reads %v", e.Kind, p)
	case Kind:
		return "nested kind " + string(p)
	case string:
		return "text " + p
	case []any:
		parts := []string{}
		for _, x := range p {
			parts = append(parts, describe(Event{"part", x}))
		}
		return strings.Join(parts, "; ")
	}
	return fmt.Sprintf("%s: unknown %T", e.Kind, e.Payload)
}

func newEvent(k Kind, p any) Event { return Event{k, p} }

func main() {
	events := []Event{
		{"mouse", Click{3, 4}},
		newEvent("keyboard", Key{'q'}),
		{"sensor", Temperature(21.5)},
		newEvent("meta", Kind("inner")),
		{"log", "hello"},
		{"batch", []any{Click{1, 1}, Temperature(-3), "x", Kind("k")}},
		{"odd", 42},
	}
	for _, e := range events {
		fmt.Println(describe(e))
	}
	fmt.Println(events[1].Payload, events[2].Payload, events[3].Payload)
	fmt.Printf("%v\n%+v\n", events[:3], events[5])
	counts := map[any]int{}
	for _, e := range events {
		if _, isList := e.Payload.([]any); !isList {
			counts[e.Payload]++
		}
	}
	fmt.Println(len(counts), counts[Kind("inner")], counts["inner"], counts[Temperature(21.5)])
}
