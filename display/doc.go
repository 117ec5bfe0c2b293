// Package display sends Jupyter rich output from notebook cells.
//
// Cells import it as "gokernel/display" (the worker exports the names listed
// in Symbols into the interpreter under that path):
//
//	import "gokernel/display"
//
//	display.HTML("<b>hello</b>")
//	display.Markdown("# Title")
//	display.Table([]string{"n", "n²"}, [][]string{{"2", "4"}, {"3", "9"}})
//
// Every output is a MIME bundle (see MIMEBundle) that also carries a
// text/plain fallback, so that terminals, nbconvert --to script/markdown and
// other text-only frontends show something sensible.
//
// Updatable outputs: New and NewHandle return a *Handle whose Update, HTML,
// Markdown, Text and SVG methods replace the output in place
// (update_display_data with the handle's display_id). Progress is a
// goroutine-safe progress bar built on a Handle.
//
// Charts for concurrency lessons: Timeline records spans of work per worker
// (goroutine, process, ...) and draws them as an SVG Gantt chart; Bars draws a
// horizontal bar chart, e.g. to compare "sequential vs goroutines vs
// processes". The charts are plain inline SVG (no JavaScript, no web fonts), so
// they render in JupyterLab, the classic Notebook and nbconvert HTML alike.
//
// The worker delivers messages through the function installed with
// SetPublisher; without one (in tests, or in a plain Go program), the
// text/plain fallback of every display is printed to standard output.
package display
