package display

import (
	"strings"
	"testing"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// TestYaegiCell runs cell-like code in yaegi with Symbols loaded, as the
// worker does, and checks what it publishes.
func TestYaegiCell(t *testing.T) {
	r := record(t)
	yi := interp.New(interp.Options{})
	if err := yi.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if err := yi.Use(Symbols); err != nil {
		t.Fatal(err)
	}
	cells := []string{
		`import (
			"fmt"
			"image"
			"sync"
			"time"
			"gokernel/display"
		)`,
		`display.HTML("<b>hi</b>")`,
		`display.Display(display.MIMEBundle{"text/markdown": "*md*"})`,
		`h := display.New(display.MIMEBundle{"text/plain": "v1"})
		h.Markdown("v2")`,
		`type pt struct{ X, Y int }`,
		`display.JSON(pt{1, 2})`,
		`display.Image(image.NewRGBA(image.Rect(0, 0, 2, 2)))`,
		`tl := display.NewTimeline("cell")
		var wg sync.WaitGroup
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				defer tl.Begin(fmt.Sprint("g", i), "sleep")()
				time.Sleep(time.Millisecond)
			}(i)
		}
		wg.Wait()
		tl.Show()`,
		`p := display.NewProgress(3, "p")
		p.Add(3)
		p.Done()`,
		`display.Bars("b", []string{"x"}, []float64{1}, "s")
		display.Table([]string{"a"}, [][]string{{"1"}})
		display.Clear(false)`,
	}
	for _, c := range cells {
		if _, err := yi.Eval(c); err != nil {
			t.Fatalf("cell %q: %v", c, err)
		}
	}
	ms := r.all()
	var got []string
	for _, m := range ms {
		s := m.Type
		if t, ok := m.Data[mimeText].(string); ok {
			s += " " + strings.SplitN(t, "\n", 2)[0]
		}
		got = append(got, s)
	}
	want := []string{
		"display_data hi",
		"display_data *md*",
		"display_data v1",
		"update_display_data v2",
		"display_data {",
		"display_data <PNG image 2×2, ",
		"display_data cell — ",
		"display_data p: 0/3 ",
		"update_display_data p: 3/3 ",
		"update_display_data p: 3/3 ",
		"display_data b",
		"display_data a",
		"clear_output",
	}
	if len(got) != len(want) {
		t.Fatalf("messages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("message %d: %q, want prefix %q", i, got[i], want[i])
		}
	}
	if v := ms[4].Data[mimeJSON]; v == nil || v.(map[string]any)["Y"] != 2.0 {
		t.Errorf("JSON of a cell-defined struct: %#v", v)
	}
	if s := ms[6].Data[mimeText].(string); !strings.Contains(s, "3 workers, 3 spans") {
		t.Errorf("timeline summary: %s", s)
	}
}
