package display

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestHandleUpdates(t *testing.T) {
	r := record(t)
	h := New(MIMEBundle{"text/html": "<b>v1</b>"})
	h.HTML("<b>v2</b>")
	h.Markdown("*v3*")
	h.Text("v4")
	h.SVG(`<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>`)
	h.Update(MIMEBundle{"text/plain": "v6"})

	ms := r.all()
	if len(ms) != 6 {
		t.Fatalf("got %d messages, want 6", len(ms))
	}
	id := h.ID()
	if !strings.HasPrefix(id, "gokernel-") {
		t.Errorf("ID %q", id)
	}
	wantTypes := []string{"display_data", "update_display_data", "update_display_data", "update_display_data", "update_display_data", "update_display_data"}
	wantMIME := []string{mimeHTML, mimeHTML, mimeMarkdown, mimeText, mimeSVG, mimeText}
	wantPlain := []string{"v1", "v2", "*v3*", "v4", "<SVG image 1×1>", "v6"}
	for i, m := range ms {
		if m.Type != wantTypes[i] || m.DisplayID != id {
			t.Errorf("message %d: Type %q DisplayID %q, want %q %q", i, m.Type, m.DisplayID, wantTypes[i], id)
		}
		if _, ok := m.Data[wantMIME[i]]; !ok {
			t.Errorf("message %d: no %s in %v", i, wantMIME[i], keys(m.Data))
		}
		if got := str(t, m, mimeText); got != wantPlain[i] {
			t.Errorf("message %d: text/plain %q, want %q", i, got, wantPlain[i])
		}
	}
}

func TestNewHandleShowsOnFirstUpdate(t *testing.T) {
	r := record(t)
	h := NewHandle()
	if ms := r.all(); len(ms) != 0 {
		t.Fatalf("NewHandle published %v", ms)
	}
	h.Text("a")
	h.Text("b")
	ms := r.all()
	if len(ms) != 2 || ms[0].Type != "display_data" || ms[1].Type != "update_display_data" ||
		ms[0].DisplayID != h.ID() || ms[1].DisplayID != h.ID() {
		t.Errorf("got %+v", ms)
	}

	// The zero Handle works too and gets an id of its own.
	var z Handle
	z.Text("z")
	if id := z.ID(); id == "" || id == h.ID() {
		t.Errorf("zero handle id %q", id)
	}
}

func TestHandleIDsUnique(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]bool{}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				id := NewHandle().ID()
				mu.Lock()
				if seen[id] {
					t.Errorf("duplicate id %q", id)
				}
				seen[id] = true
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
}

func TestHandleConcurrentUpdates(t *testing.T) {
	r := record(t)
	h := NewHandle()
	var wg sync.WaitGroup
	for g := 0; g < 10; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				h.Text(fmt.Sprint(g, i))
			}
		}()
	}
	wg.Wait()
	ms := r.all()
	if len(ms) != 200 {
		t.Fatalf("got %d messages", len(ms))
	}
	for i, m := range ms {
		if want := map[bool]string{true: "display_data", false: "update_display_data"}[i == 0]; m.Type != want {
			t.Errorf("message %d: %s, want %s", i, m.Type, want)
		}
	}
}
