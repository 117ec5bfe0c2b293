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
}

var header = []string{"goroutine", "state", "for", "started at", "where now"}

func (r Row) cells() []string {
	d := "?"
	if r.For >= 0 {
		d = Duration(r.For)
	}
	return []string{fmt.Sprint(r.ID), r.State, d, r.Started, r.where()}
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

// Duration formats d to the second ("0s", "42s", "3m07s", "2h05m").
func Duration(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	switch {
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
