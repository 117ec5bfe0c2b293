package display

import (
	"html"
	"strconv"
	"strings"
)

// Table shows rows under header as an HTML table, with the same table
// aligned in columns as text/plain. Cells are text (HTML-escaped); columns
// whose cells are all numbers are right-aligned. Rows may have different
// lengths; missing cells are empty.
func Table(header []string, rows [][]string) {
	Display(MIMEBundle{mimeHTML: tableHTML(header, rows), mimeText: tableText(header, rows)})
}

// tableShape returns the number of columns and which of them are numeric.
func tableShape(header []string, rows [][]string) (cols int, numeric []bool) {
	cols = len(header)
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	numeric = make([]bool, cols)
	for c := range numeric {
		seen := false
		numeric[c] = true
		for _, r := range rows {
			if c >= len(r) || strings.TrimSpace(r[c]) == "" {
				continue
			}
			seen = true
			if _, err := strconv.ParseFloat(strings.TrimSpace(r[c]), 64); err != nil {
				numeric[c] = false
				break
			}
		}
		numeric[c] = numeric[c] && seen
	}
	return cols, numeric
}

func cell(r []string, c int) string {
	if c < len(r) {
		return r[c]
	}
	return ""
}

// tableHTML renders the table as HTML.
func tableHTML(header []string, rows [][]string) string {
	cols, numeric := tableShape(header, rows)
	var sb strings.Builder
	sb.WriteString("<table>\n")
	tag := func(name string, c int) string {
		if numeric[c] {
			return "<" + name + ` style="text-align:right">`
		}
		return "<" + name + ">"
	}
	if len(header) > 0 {
		sb.WriteString("<thead><tr>")
		for c := 0; c < cols; c++ {
			sb.WriteString(tag("th", c) + html.EscapeString(cell(header, c)) + "</th>")
		}
		sb.WriteString("</tr></thead>\n")
	}
	sb.WriteString("<tbody>\n")
	for _, r := range rows {
		sb.WriteString("<tr>")
		for c := 0; c < cols; c++ {
			sb.WriteString(tag("td", c) + html.EscapeString(cell(r, c)) + "</td>")
		}
		sb.WriteString("</tr>\n")
	}
	sb.WriteString("</tbody>\n</table>")
	return sb.String()
}

// tableText renders the table as aligned text columns, the header
// underlined.
func tableText(header []string, rows [][]string) string {
	cols, numeric := tableShape(header, rows)
	clean := func(s string) string { return strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ").Replace(s) }
	widths := make([]int, cols)
	all := append([][]string{header}, rows...)
	for _, r := range all {
		for c := 0; c < cols; c++ {
			widths[c] = max(widths[c], len([]rune(clean(cell(r, c)))))
		}
	}
	var sb strings.Builder
	line := func(r []string) {
		var parts []string
		for c := 0; c < cols; c++ {
			s := clean(cell(r, c))
			if numeric[c] {
				parts = append(parts, padLeft(s, widths[c]))
			} else {
				parts = append(parts, padRight(s, widths[c]))
			}
		}
		sb.WriteString(strings.TrimRight(strings.Join(parts, "  "), " ") + "\n")
	}
	if len(header) > 0 {
		line(header)
		var rule []string
		for _, w := range widths {
			rule = append(rule, strings.Repeat("-", max(w, 1)))
		}
		sb.WriteString(strings.Join(rule, "  ") + "\n")
	}
	for _, r := range rows {
		line(r)
	}
	return strings.TrimRight(sb.String(), "\n")
}
