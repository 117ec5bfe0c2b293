package autoimport

import (
	"reflect"
	"testing"
)

func TestMissingImports(t *testing.T) {
	none := func(string) bool { return false }
	cases := []struct {
		src     string
		defined func(string) bool
		want    []string
	}{
		{`fmt.Println("x")`, none, []string{"fmt"}},
		{`import "fmt"` + "\nfmt.Println(1)", none, nil},
		{"import (\n\t\"fmt\"\n\tstr \"strings\"\n)\nfmt.Println(str.ToUpper(\"a\"))\nstrings.ToLower(\"B\")", none, []string{"strings"}},
		{`var wg sync.WaitGroup; time.Sleep(time.Second)`, none, []string{"sync", "time"}},
		{`n := rand.Intn(10)`, none, []string{"math/rand"}},
		{`b := rand.Reader`, none, []string{"crypto/rand"}},
		{`x.fmt.Println()`, none, nil},
		{`time := 3; time.Foo`, none, nil},
		{`sort.Ints(a)`, func(n string) bool { return n == "sort" }, nil},
		{`cmd := exec.Command("ls")`, none, []string{"os/exec"}},
		{`s := "fmt.Println"`, none, nil},
		{`// fmt.Println` + "\n1", none, nil},
		{`srv := httptest.NewServer(http.HandlerFunc(h))`, none, []string{"net/http", "net/http/httptest"}},
	}
	for _, c := range cases {
		got := MissingImports(c.src, c.defined)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("MissingImports(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}
