package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
)

type inner struct {
	A int
	b int
}

type Point struct {
	X, Y int
	tag  string `json:"tag"`
	Hide bool   `json:"-"`
}

type level int

type Doc struct {
	In inner
	level
	P     Point   `json:"p"`
	Ps    []Point `json:"ps,omitempty"`
	count int
	M     map[string]Point
}

type Rec struct {
	XMLName xml.Name `xml:"rec"`
	Name    string   `xml:"name,attr"`
	secret  string
	Val     int `xml:"val"`
}

func main() {
	d := Doc{In: inner{1, 2}, level: 3, P: Point{3, 4, "t", true}, count: 5, M: map[string]Point{"k": {X: 6}}}
	b, err := json.Marshal(d)
	fmt.Println(string(b), err)
	var back Doc
	err = json.Unmarshal([]byte(`{"In":{"A":7,"b":8},"level":4,"p":{"X":9,"tag":"z","xtag":"q"},"count":10,"ps":[{"Y":1}]}`), &back)
	fmt.Printf("%+v %v\n", back, err)
	x, err := xml.Marshal(Rec{Name: "n", secret: "s", Val: 2})
	fmt.Println(string(x), err)
	var r Rec
	err = xml.Unmarshal([]byte(`<rec name="m"><val>3</val><secret>no</secret></rec>`), &r)
	fmt.Println(r.Name, r.Val, r.secret == "", err)
}
