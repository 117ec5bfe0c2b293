// encoding/xml names an element by its Go type when the struct has no
// XMLName field: the interpreter's struct types have no names, so
// xml.Marshal(item) failed ("xml: unsupported type") and, its error
// ignored, printed an empty line. Values of the cells' struct types (and
// slices of them, and pointers) are given their type's name.
package main

import (
	"encoding/xml"
	"fmt"
	"os"
)

type GUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type Item struct {
	Title string `xml:"title"`
	GUID  GUID   `xml:"guid"`
	Tags  []string
}

type Feed struct {
	XMLName xml.Name `xml:"rss"`
	Items   []Item   `xml:"channel>item"`
}

func main() {
	it := Item{Title: "Tracing & profiling", GUID: GUID{true, "https://example.org/1"}, Tags: []string{"go", "perf"}}
	out, err := xml.Marshal(it)
	fmt.Println(string(out), err)
	out, _ = xml.MarshalIndent(&it, "", "  ")
	fmt.Println(string(out))
	out, _ = xml.Marshal([]Item{{Title: "a"}, {Title: "b"}})
	fmt.Println(string(out))
	out, _ = xml.Marshal(Feed{Items: []Item{it}})
	fmt.Println(string(out))
	enc := xml.NewEncoder(os.Stdout)
	enc.Encode(GUID{Value: "x"})
	fmt.Println()
	var back Item
	err = xml.Unmarshal([]byte(`<Item><title>t</title><Tags>q</Tags></Item>`), &back)
	fmt.Printf("%+v %v\n", back, err)
}
