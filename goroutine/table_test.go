package goroutine

import (
	"strings"
	"testing"
	"time"
)

func TestDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{0: "<1s", 999 * time.Millisecond: "<1s", 1400 * time.Millisecond: "1s", 59 * time.Second: "59s",
		187 * time.Second: "3m07s", 2*time.Hour + 5*time.Minute + 3*time.Second: "2h05m"} {
		if got := Duration(d); got != want {
			t.Errorf("Duration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestTable(t *testing.T) {
	rows := []Row{
		{ID: 7, State: "chan send", For: 3 * time.Second, Started: "In [2], line 3", Where: "In [2], line 4", Code: "ch <- <-in"},
		{ID: 12, State: "running", For: -1, Started: "a running cell"},
	}
	text := Text(rows)
	want := "goroutine  state      for  started at      where now\n" +
		"7          chan send  3s   In [2], line 3  In [2], line 4: ch <- <-in\n" +
		"12         running    ?    a running cell  -\n"
	if text != want {
		t.Errorf("text:\n%s\nwant:\n%s", text, want)
	}
	html := HTML(rows)
	for _, s := range []string{"<th style=\"text-align:left\">where now</th>", "In [2], line 4: <code>ch &lt;- &lt;-in</code>", "<td style=\"text-align:right\">12</td>"} {
		if !strings.Contains(html, s) {
			t.Errorf("html lacks %q:\n%s", s, html)
		}
	}
}

func TestGroupMergesGoroutinesAtTheSamePlace(t *testing.T) {
	rows := []Row{
		{ID: 12, State: "chan send", For: 3 * time.Second, Started: "In [2], line 4", Where: "In [2], line 6", Code: "ch <- r"},
		{ID: 13, State: "chan send", For: 2 * time.Second, Started: "In [2], line 4", Where: "In [2], line 6", Code: "ch <- r"},
		{ID: 14, State: "chan receive", For: time.Second, Started: "In [2], line 4", Where: "In [2], line 9", Code: "<-done"},
		{ID: 15, State: "chan send", For: 5 * time.Second, Started: "In [2], line 4", Where: "In [2], line 6", Code: "ch <- r"},
	}
	got := Group(rows)
	if len(got) != 2 || got[0].ID != 12 || got[0].More != 2 || got[0].For != 2*time.Second || got[1].ID != 14 || got[1].More != 0 {
		t.Fatalf("Group = %+v", got)
	}
	text := Text(got)
	if !strings.Contains(text, "12 (+2)") || strings.Contains(text, "14 (+") {
		t.Errorf("Text:\n%s", text)
	}
}
