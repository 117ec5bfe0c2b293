package display

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"time"
)

// progressInterval is the minimum time between two updates of a Progress
// (the final one excepted).
var progressInterval = 100 * time.Millisecond

// progressTextBar is the width of the text/plain bar, in characters.
const progressTextBar = 20

// Progress is a progress bar: an updatable output showing an SVG bar (with
// an HTML <img> of it, see WithSVGImage) and,
// as text/plain, "label: 40/100 [########............] 40%, 1.2 s, eta 1.8 s".
// It is safe for concurrent use by many goroutines. Updates are throttled
// to about ten per second, the last state always being shown: a pending
// update is published when the interval has passed, and reaching the total
// or calling Done publishes at once.
//
//	p := display.NewProgress(len(jobs), "jobs")
//	for _, j := range jobs {
//		go func(j Job) { run(j); p.Add(1) }(j)
//	}
//	...
//	p.Done()
type Progress struct {
	h     *Handle
	label string
	start time.Time

	mu    sync.Mutex
	total int
	n     int
	last  time.Time   // time of the last update published
	shown int         // count of the last update published
	dirty bool        // state changed since then
	timer *time.Timer // pending trailing update
	done  bool
}

// NewProgress shows a progress bar at 0 of total. A total <= 0 means
// unknown: the count is shown without a bar.
func NewProgress(total int, label string) *Progress {
	p := &Progress{h: NewHandle(), label: label, start: time.Now(), total: total}
	p.mu.Lock()
	p.publishLocked()
	p.mu.Unlock()
	return p
}

// Add adds n to the count.
func (p *Progress) Add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.setLocked(p.n + n)
}

// Set sets the count to n.
func (p *Progress) Set(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.setLocked(n)
}

// Done marks the work finished and shows the final state at once. Later
// calls of Add, Set and Done are ignored.
func (p *Progress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return
	}
	p.done = true
	p.publishLocked()
}

func (p *Progress) setLocked(n int) {
	if p.done {
		return
	}
	p.n, p.dirty = n, true
	if p.total > 0 && n >= p.total && p.shown < p.total {
		p.publishLocked() // reaching the total: no throttling
		return
	}
	wait := progressInterval - time.Since(p.last)
	if wait <= 0 {
		p.publishLocked()
		return
	}
	if p.timer == nil {
		p.timer = time.AfterFunc(wait, func() {
			p.mu.Lock()
			defer p.mu.Unlock()
			p.timer = nil
			if p.dirty && !p.done {
				p.publishLocked()
			}
		})
	}
}

// publishLocked shows the current state (p.mu held, which keeps updates in
// order).
func (p *Progress) publishLocked() {
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
	p.last, p.dirty, p.shown = time.Now(), false, p.n
	p.h.Update(MIMEBundle{mimeSVG: p.svgLocked(), mimeText: p.textLocked()})
}

// fraction returns the completed fraction in [0, 1], or -1 when the total
// is unknown.
func (p *Progress) fraction() float64 {
	if p.total <= 0 {
		return -1
	}
	return min(max(float64(p.n)/float64(p.total), 0), 1)
}

// status returns the count ("40/100", or "40" when the total is unknown)
// and the rest of the state ("40%, 1.2 s, eta 1.8 s").
func (p *Progress) status() (count, rest string) {
	elapsed := fmtDur(time.Since(p.start).Round(time.Millisecond))
	fr := p.fraction()
	if fr < 0 {
		count, rest = fmt.Sprint(p.n), elapsed
	} else {
		count, rest = fmt.Sprintf("%d/%d", p.n, p.total), fmt.Sprintf("%.0f%%, %s", 100*fr, elapsed)
	}
	switch {
	case p.done:
		rest += ", done"
	case fr > 0 && fr < 1:
		eta := time.Duration(float64(time.Since(p.start)) * (1 - fr) / fr)
		rest += ", eta " + fmtDur(eta.Round(time.Millisecond))
	}
	return count, rest
}

// textLocked returns "label: 40/100 [########............] 40%, 1.2 s, eta 1.8 s".
func (p *Progress) textLocked() string {
	var sb strings.Builder
	if p.label != "" {
		sb.WriteString(p.label + ": ")
	}
	count, rest := p.status()
	sb.WriteString(count + " ")
	if fr := p.fraction(); fr >= 0 {
		full := int(fr * progressTextBar)
		fmt.Fprintf(&sb, "[%s%s] ", strings.Repeat("#", full), strings.Repeat(".", progressTextBar-full))
	}
	sb.WriteString(rest)
	return sb.String()
}

// svgLocked draws the bar: the label, a bar of 320 px when the total is
// known, the count and the rest of the state.
func (p *Progress) svgLocked() string {
	const size, barW, barH, h = 13.0, 320.0, 14.0, 22.0
	var d svgDoc
	count, rest := p.status()
	x := 4.0
	if p.label != "" {
		d.text(x, 15.5, size, "", p.label)
		x += textWidth(p.label, size) + 8
	}
	if fr := p.fraction(); fr >= 0 {
		color := "#4e79a7"
		if p.done || fr >= 1 {
			color = "#59a14f"
		}
		d.printf(`<rect x="%s" y="4" width="%s" height="%s" rx="3" fill="#e6e6e6"/>`+"\n", f(x), f(barW), f(barH))
		if fr > 0 {
			d.printf(`<rect class="gk-progress" x="%s" y="4" width="%s" height="%s" rx="3" fill="%s"/>`+"\n", f(x), f(math.Max(barW*fr, 3)), f(barH), color)
		}
		x += barW + 8
	}
	text := count + " " + rest
	d.text(x, 15.5, size, ` fill="#555555"`, text)
	return d.finish(x+textWidth(text, size)+4, h)
}
