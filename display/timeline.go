package display

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// Timeline records spans of work done by named workers (goroutines,
// processes, servers, ...) and draws them as a Gantt chart: one row per
// worker, one bar per span, time running left to right from the earliest
// start. It is made for concurrency lessons:
//
//	tl := display.NewTimeline("fetch")
//	var wg sync.WaitGroup
//	for i, url := range urls {
//		wg.Add(1)
//		go func(i int, url string) {
//			defer wg.Done()
//			defer tl.Begin(fmt.Sprintf("goroutine %d", i), url)()
//			fetch(url)
//		}(i, url)
//	}
//	wg.Wait()
//	tl.Show()
//
// A Timeline is safe for concurrent use. See SVG for how it is drawn.
type Timeline struct {
	title string

	mu      sync.Mutex
	spans   []span
	marks   []mark
	byStart bool // rows in order of first start, not by name
}

// mark is a moment drawn across every row: a deadline, a timeout.
type mark struct {
	at    time.Time
	label string
}

// span is one recorded interval of work.
type span struct {
	worker, label string
	start, end    time.Time
	seq           int // recording order, to keep sorting stable
}

// NewTimeline returns an empty Timeline titled title.
func NewTimeline(title string) *Timeline { return &Timeline{title: title} }

// Span records that worker did label from start to end.
func (tl *Timeline) Span(worker string, start, end time.Time, label string) {
	if end.Before(start) {
		start, end = end, start
	}
	tl.mu.Lock()
	tl.spans = append(tl.spans, span{worker: worker, label: label, start: start, end: end, seq: len(tl.spans)})
	tl.mu.Unlock()
}

// Mark draws a vertical line across the chart at t, labelled label: a
// deadline, the moment a timeout fired, a cancellation. The time axis
// extends to the last mark; Total does not count marks.
func (tl *Timeline) Mark(t time.Time, label string) {
	tl.mu.Lock()
	tl.marks = append(tl.marks, mark{at: t, label: label})
	tl.mu.Unlock()
}

// OrderByStart draws the rows in the order their workers first started
// work instead of by name, so that work admitted a few at a time (a
// semaphore, a pool) shows as a staircase.
func (tl *Timeline) OrderByStart() {
	tl.mu.Lock()
	tl.byStart = true
	tl.mu.Unlock()
}

// Begin records the start of a span and returns the function that ends it
// (only its first call counts), typically deferred:
//
//	defer tl.Begin("worker 1", "download")()
func (tl *Timeline) Begin(worker, label string) (end func()) {
	start := time.Now()
	var once sync.Once
	return func() {
		once.Do(func() { tl.Span(worker, start, time.Now(), label) })
	}
}

// Total returns the wall time covered: from the earliest start to the latest
// end of all spans (0 for an empty Timeline).
func (tl *Timeline) Total() time.Duration {
	_, t0, t1 := tl.snapshot()
	return t1.Sub(t0)
}

// Show displays the timeline: the SVG chart, with String as text/plain.
func (tl *Timeline) Show() {
	Display(MIMEBundle{mimeSVG: tl.SVG(), mimeText: tl.String()})
}

// snapshot returns a copy of the spans sorted by start, and the time range
// they cover.
func (tl *Timeline) snapshot() (spans []span, t0, t1 time.Time) {
	tl.mu.Lock()
	spans = append([]span(nil), tl.spans...)
	tl.mu.Unlock()
	sort.Slice(spans, func(i, j int) bool {
		if !spans[i].start.Equal(spans[j].start) {
			return spans[i].start.Before(spans[j].start)
		}
		return spans[i].seq < spans[j].seq
	})
	for i, s := range spans {
		if i == 0 || s.start.Before(t0) {
			t0 = s.start
		}
		if i == 0 || s.end.After(t1) {
			t1 = s.end
		}
	}
	return spans, t0, t1
}

// ordered reports whether rows go by first start (OrderByStart).
func (tl *Timeline) ordered() bool {
	tl.mu.Lock()
	defer tl.mu.Unlock()
	return tl.byStart
}

// marksCopy returns the marks, in the order they were made.
func (tl *Timeline) marksCopy() []mark {
	tl.mu.Lock()
	defer tl.mu.Unlock()
	return append([]mark(nil), tl.marks...)
}

// timelineRow is the spans of one worker.
type timelineRow struct {
	worker string
	spans  []span // sorted by start
}

// rows groups spans (sorted by start) by worker, rows in natural order of
// the worker names ("w2" before "w10"), or in order of first start.
func rows(spans []span, byStart bool) []timelineRow {
	idx := map[string]int{}
	var out []timelineRow
	for _, s := range spans {
		i, ok := idx[s.worker]
		if !ok {
			i = len(out)
			idx[s.worker] = i
			out = append(out, timelineRow{worker: s.worker})
		}
		out[i].spans = append(out[i].spans, s)
	}
	if !byStart {
		sort.SliceStable(out, func(i, j int) bool { return naturalLess(out[i].worker, out[j].worker) })
	}
	return out
}

// busy returns the time covered by the union of spans (sorted by start).
func busy(spans []span) time.Duration {
	var total time.Duration
	var curStart, curEnd time.Time
	for i, s := range spans {
		if i == 0 || s.start.After(curEnd) {
			total += curEnd.Sub(curStart)
			curStart, curEnd = s.start, s.end
		} else if s.end.After(curEnd) {
			curEnd = s.end
		}
	}
	return total + curEnd.Sub(curStart)
}

// heading returns "title — 1.02 s wall" (or "title — no spans").
func (tl *Timeline) heading(n int, total time.Duration) string {
	title := tl.title
	if title == "" {
		title = "Timeline"
	}
	if n == 0 {
		return title + " — no spans"
	}
	return title + " — " + fmtDur(total) + " wall"
}

// Limits of the text summary.
const (
	textSpansPerWorker = 8
	textMaxWorkers     = 40
)

// String returns a text summary: the heading, then per worker its busy time
// and its first spans (start offset, duration, label).
func (tl *Timeline) String() string {
	spans, t0, t1 := tl.snapshot()
	total := t1.Sub(t0)
	rs := rows(spans, tl.ordered())
	var sb strings.Builder
	sb.WriteString(tl.heading(len(spans), total))
	if len(spans) == 0 {
		return sb.String()
	}
	fmt.Fprintf(&sb, ", %d %s, %d %s\n", len(rs), plural(len(rs), "worker"), len(spans), plural(len(spans), "span"))
	width := 0
	for _, r := range rs {
		width = max(width, len([]rune(r.worker)))
	}
	for i, r := range rs {
		if i == textMaxWorkers {
			fmt.Fprintf(&sb, "  … %d more workers\n", len(rs)-i)
			break
		}
		b := busy(r.spans)
		pct := 100.0
		if total > 0 {
			pct = 100 * float64(b) / float64(total)
		}
		fmt.Fprintf(&sb, "  %s  %d %s, busy %s (%.0f%%)\n", padRight(r.worker, width), len(r.spans), plural(len(r.spans), "span"), fmtDur(b), pct)
		for j, s := range r.spans {
			if j == textSpansPerWorker {
				fmt.Fprintf(&sb, "      … %d more\n", len(r.spans)-j)
				break
			}
			fmt.Fprintf(&sb, "      +%-9s %-9s %s\n", fmtDur(s.start.Sub(t0)), fmtDur(s.end.Sub(s.start)), s.label)
		}
	}
	for _, m := range tl.marksCopy() {
		fmt.Fprintf(&sb, "  ┆ at +%s: %s\n", fmtDur(m.at.Sub(t0)), m.label)
	}
	return strings.TrimRight(sb.String(), "\n")
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// padRight pads s with spaces to width runes.
func padRight(s string, width int) string {
	if n := len([]rune(s)); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// padLeft pads s with spaces on the left to width runes.
func padLeft(s string, width int) string {
	if n := len([]rune(s)); n < width {
		return strings.Repeat(" ", width-n) + s
	}
	return s
}
