package main

// encoding/json promotes the fields of embedded structs (yaegi's struct
// types do not): Go's rules of dominance, embedded pointers (nil ones hide
// their fields; decoding allocates them), unexported embedded structs,
// tagged embedded structs, both directions.

import (
	"encoding/json"
	"fmt"
)

type Base struct {
	ID      int    `json:"id"`
	Created string `json:"created,omitempty"`
}

type audit struct {
	By   string `json:"by"`
	Note string
}

type Meta struct {
	Tags  []string `json:"tags"`
	Owner string   `json:"owner,omitempty"`
}

type Named struct {
	Name string
	ID   string // at depth 1, hidden by Base.ID? no: both depth 1, Base.ID tagged wins
}

type Doc struct {
	Base
	*Meta
	audit
	Named
	Title string `json:"title"`
	Inner Base   `json:"inner"`
}

type Level2 struct {
	Doc
	Extra int `json:"extra"`
}

type Tagged struct {
	Base `json:"base"`
	Kind string
}

func main() {
	d := Doc{Base: Base{ID: 7}, audit: audit{"ann", "n"}, Named: Named{"x", "shadowed"}, Title: "t", Inner: Base{ID: 2, Created: "today"}}
	b, err := json.Marshal(d)
	fmt.Println(string(b), err)
	d.Meta = &Meta{Tags: []string{"a"}}
	b, _ = json.Marshal(&d)
	fmt.Println(string(b))
	b, _ = json.MarshalIndent(Level2{Doc: d, Extra: 1}, "", " ")
	fmt.Println(string(b))
	b, _ = json.Marshal(Tagged{Base{1, "c"}, "k"})
	fmt.Println(string(b))
	b, _ = json.Marshal([]Doc{{Title: "one"}})
	fmt.Println(string(b))

	var back Doc
	err = json.Unmarshal([]byte(`{"id":3,"created":"now","tags":["x","y"],"owner":"bo","by":"cy","Note":"hi","Name":"nm","title":"T","inner":{"id":9}}`), &back)
	fmt.Println(err, back.Base.ID, back.Created, back.Meta != nil, back.Tags, back.Owner, back.By, back.Note, back.Name, back.Named.ID, back.Title, back.Inner.ID)
	var noMeta Doc
	err = json.Unmarshal([]byte(`{"id":4,"title":"no meta"}`), &noMeta)
	fmt.Println(err, noMeta.Base.ID, noMeta.Meta == nil, noMeta.Title)
	keep := Doc{Base: Base{ID: 1, Created: "keep"}}
	fmt.Println(json.Unmarshal([]byte(`{"id":2}`), &keep), keep.Base.ID, keep.Created)
	var t Tagged
	fmt.Println(json.Unmarshal([]byte(`{"base":{"id":5},"Kind":"z"}`), &t), t.ID, t.Kind)
	var l2 Level2
	fmt.Println(json.Unmarshal([]byte(`{"id":6,"extra":2,"owner":"o"}`), &l2), l2.Base.ID, l2.Extra, l2.Owner)
	err = json.Unmarshal([]byte(`{"id":"bad"}`), &l2)
	fmt.Println(err)
}
