package cellsrc

import (
	"sort"
	"strconv"
	"strings"
)

// An edit replaces src[start:end] (an insertion when start == end) with the
// text gen returns. gen may render original sub-ranges of its own range
// through the Rewriter, so that edits nested inside them still apply.
type edit struct {
	start, end int
	seq        int
	gen        func(w *Rewriter) string
}

// Rewriter applies edits to a cell's source and emits /*line*/ directives so
// that every original byte keeps its cell position in yaegi's messages.
//
// yaegi resolves package names through the file name of positions, so the
// directives keep yaegi's file name (_.go) and encode the cell in the line:
// line serial*lineStride + n is line n of the cell with that serial.
type Rewriter struct {
	src   string
	base  int   // added to line numbers: identifies the cell (see cellLine)
	lines []int // offsets of line starts
	edits []edit
	dirty bool

	depth   int          // nesting of render calls
	applied map[int]bool // edits applied by the current top-level render
	moved   []Moved      // text whose positions are another cell's
}

// Moved is text of a cell written from another cell's (an instance of a
// generic declared there, package mono): src[Start:End] has the
// positions of the text starting at line Line (a line of yaegi's
// positions: serial*LineStride + line) and column Col.
type Moved struct {
	Start, End, Line, Col int
}

// Move gives the text of m its other cell's positions.
func (w *Rewriter) Move(m Moved) { w.moved = append(w.moved, m) }

// LineStride separates the line numbers of cells.
const LineStride = 100000

// CellLine splits a line of yaegi's positions into the serial of a cell and
// the line in it; serial is 0 for generated code.
func CellLine(line int) (serial, cellLine int) { return line / LineStride, line % LineStride }

func NewRewriter(src string, serial int) *Rewriter {
	w := &Rewriter{src: src, base: serial * LineStride, lines: []int{0}}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			w.lines = append(w.lines, i+1)
		}
	}
	return w
}

// lineCol returns the 1-based line and column of offset off.
func (w *Rewriter) LineCol(off int) (int, int) {
	i := sort.Search(len(w.lines), func(i int) bool { return w.lines[i] > off }) - 1
	return i + 1, off - w.lines[i] + 1
}

// directive returns the /*line*/ comment giving offset off its cell position.
func (w *Rewriter) directive(off int) string {
	l, c := w.LineCol(off)
	for _, m := range w.moved {
		if off >= m.Start && off < m.End {
			ml, mc := w.LineCol(m.Start)
			if l == ml {
				c += m.Col - mc
			}
			return "/*line _.go:" + strconv.Itoa(m.Line+l-ml) + ":" + strconv.Itoa(c) + "*/"
		}
	}
	return "/*line _.go:" + strconv.Itoa(w.base+l) + ":" + strconv.Itoa(c) + "*/"
}

func (w *Rewriter) Add(start, end int, gen func(w *Rewriter) string) {
	w.edits = append(w.edits, edit{start: start, end: end, seq: len(w.edits), gen: gen})
	w.dirty = true
}

// replace replaces src[start:end] with text.
func (w *Rewriter) Replace(start, end int, text string) {
	w.Add(start, end, func(*Rewriter) string { return text })
}

// insert inserts text at offset at.
func (w *Rewriter) Insert(at int, text string) { w.Replace(at, at, text) }

func (w *Rewriter) sorted() []edit {
	if w.dirty {
		sort.SliceStable(w.edits, func(i, j int) bool {
			a, b := w.edits[i], w.edits[j]
			if a.start != b.start {
				return a.start < b.start
			}
			if a.end != b.end {
				return a.end > b.end
			}
			return a.seq < b.seq
		})
		w.dirty = false
	}
	return w.edits
}

// render returns src[start:end] with the edits inside it applied (an
// insertion at end included), starting with a directive for start.
func (w *Rewriter) Render(start, end int) string {
	if w.depth == 0 {
		w.applied = map[int]bool{}
	}
	w.depth++
	defer func() { w.depth-- }()
	end = min(end, len(w.src)) // an implicit empty statement may end past the text
	var b strings.Builder
	pos, needDir := start, true
	emit := func(to int) {
		if to > pos {
			if needDir {
				b.WriteString(w.directive(pos))
				needDir = false
			}
			b.WriteString(w.src[pos:to])
		}
	}
	for _, e := range w.sorted() {
		if w.applied[e.seq] || e.start < pos || e.end > end || (e.start == end && e.end > e.start) {
			continue
		}
		w.applied[e.seq] = true
		emit(e.start)
		b.WriteString(e.gen(w))
		pos, needDir = e.end, true
	}
	emit(end)
	return b.String()
}

// text returns src[start:end] without edits or directives.
func (w *Rewriter) Text(start, end int) string { return w.src[start:min(end, len(w.src))] }

// Src returns the cell's text, without edits.
func (w *Rewriter) Src() string { return w.src }

// Base returns what line numbers of the cell's directives are offset by:
// the cell's serial times LineStride.
func (w *Rewriter) Base() int { return w.base }

// Directive returns the line directive that gives offset off its cell
// position.
func (w *Rewriter) Directive(off int) string { return w.directive(off) }

// Next returns the sequence number the next edit gets.
func (w *Rewriter) Next() int { return len(w.edits) }

// Unapply forgets, during a render, that the edit with sequence number seq
// was applied, so that a later part of the render writes it again.
func (w *Rewriter) Unapply(seq int) { delete(w.applied, seq) }

// Has reports whether an edit replaces (or inserts at) exactly
// src[start:end].
func (w *Rewriter) Has(start, end int) bool {
	for _, e := range w.edits {
		if e.start == start && e.end == end {
			return true
		}
	}
	return false
}
