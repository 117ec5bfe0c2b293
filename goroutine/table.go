package goroutine

import (
	"fmt"
	"html"
	"strings"
	"time"
	"unicode/utf8"
)

// Row is one goroutine of the inspector's table.
type Row struct {
	ID      int64
	State   string        // "chan receive", "running"...
	For     time.Duration // how long it has been in State (or running); < 0 if unknown
	Started string        // "In [3], line 4", or "the cell In [5]"
	Where   string        // where it is now: "In [3], line 6", or "" if unknown
	Code    string        // the source line there: "ch <- v"
	More    int           // how many more goroutines Group merged into this row
}

// Group merges the rows of goroutines in the same state at the same
// place, started at the same line (a leak of 1 000 goroutines is one row:
// "12 (+999)"), in the order of their first row. For is the shortest of
// the merged rows': they have all been there at least that long.
func Group(rows []Row) []Row {
	type key struct{ state, started, where, code string }
	at := map[key]int{}
	var out []Row
	for _, r := range rows {
		k := key{r.State, r.Started, r.Where, r.Code}
		if i, ok := at[k]; ok {
			out[i].More += 1 + r.More
			out[i].For = min(out[i].For, r.For)
			continue
		}
		at[k] = len(out)
		out = append(out, r)
	}
	return out
}

var header = []string{"goroutine", "state", "for", "started at", "where now"}

func (r Row) cells() []string {
	d := "?"
	if r.For >= 0 {
		d = Duration(r.For)
	}
	id := fmt.Sprint(r.ID)
	if r.More > 0 {
		id += fmt.Sprintf(" (+%d)", r.More)
	}
	return []string{id, r.State, d, r.Started, r.where()}
}

func (r Row) where() string {
	switch {
	case r.Where == "":
		return "-"
	case r.Code == "":
		return r.Where
	}
	return r.Where + ": " + r.Code
}

// Duration formats d to the second ("<1s", "42s", "3m07s", "2h05m").
func Duration(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	switch {
	case d < time.Second:
		return "<1s"
	case s < 60:
		return fmt.Sprintf("%ds", s)
	case s < 3600:
		return fmt.Sprintf("%dm%02ds", s/60, s%60)
	}
	return fmt.Sprintf("%dh%02dm", s/3600, s/60%60)
}

// Text renders rows as a table aligned in columns.
func Text(rows []Row) string {
	table := [][]string{header}
	for _, r := range rows {
		table = append(table, r.cells())
	}
	width := make([]int, len(header))
	for _, r := range table {
		for i, c := range r {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	for _, r := range table {
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(c + strings.Repeat(" ", width[i]-utf8.RuneCountInString(c)+2))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// HTML renders rows as an HTML table.
func HTML(rows []Row) string {
	var b strings.Builder
	b.WriteString("<table>\n<thead><tr>")
	for _, h := range header {
		b.WriteString("<th style=\"text-align:left\">" + h + "</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range rows {
		b.WriteString("<tr>")
		for i, c := range r.cells() {
			style := "text-align:left"
			if i == 0 || i == 2 {
				style = "text-align:right"
			}
			c = html.EscapeString(c)
			if i == len(header)-1 && r.Where != "" && r.Code != "" {
				c = html.EscapeString(r.Where) + ": <code>" + html.EscapeString(r.Code) + "</code>"
			}
			b.WriteString("<td style=\"" + style + "\">" + c + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>")
	return b.String()
}
