package display

import (
	"strings"
	"testing"
)

func TestTable(t *testing.T) {
	r := record(t)
	Table([]string{"name", "time (ms)", "note"}, [][]string{
		{"sequential", "1920", "<slow> & steady"},
		{"goroutines", "310.5"},
		{"processes", "450", "ok"},
	})
	m := r.one(t)
	h := str(t, m, mimeHTML)
	for _, want := range []string{
		"<table>", "<th>name</th>", `<th style="text-align:right">time (ms)</th>`,
		"<td>&lt;slow&gt; &amp; steady</td>", `<td style="text-align:right">310.5</td>`, "<td></td>",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q:\n%s", want, h)
		}
	}
	if strings.Contains(h, "<slow>") {
		t.Errorf("cell not escaped:\n%s", h)
	}
	want := strings.Join([]string{
		"name        time (ms)  note",
		"----------  ---------  ---------------",
		"sequential       1920  <slow> & steady",
		"goroutines      310.5",
		"processes         450  ok",
	}, "\n")
	if got := str(t, m, mimeText); got != want {
		t.Errorf("text/plain:\n%s\nwant:\n%s", got, want)
	}
}

func TestTableNoHeader(t *testing.T) {
	r := record(t)
	Table(nil, [][]string{{"a\nb", "1"}, {"ccc"}})
	m := r.one(t)
	if strings.Contains(str(t, m, mimeHTML), "<thead>") {
		t.Errorf("empty header rendered")
	}
	if got, want := str(t, m, mimeText), "a b  1\nccc"; got != want {
		t.Errorf("text/plain %q, want %q", got, want)
	}
}
