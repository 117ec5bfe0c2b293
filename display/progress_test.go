package display

import (
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestProgressThrottled(t *testing.T) {
	r := record(t)
	p := NewProgress(1000, "items")
	var wg sync.WaitGroup
	for g := 0; g < 10; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 99; i++ {
				p.Add(1)
			}
		}()
	}
	wg.Wait()
	// 990 fast updates: the first display, maybe one throttled update.
	if n := len(r.all()); n > 3 {
		t.Errorf("%d messages for 990 fast updates: not throttled", n)
	}
	// The trailing update shows the latest count once the interval passed.
	time.Sleep(3 * progressInterval)
	ms := r.all()
	last := ms[len(ms)-1]
	if got := str(t, last, mimeText); !strings.HasPrefix(got, "items: 990/1000 [###################.] 99%") {
		t.Errorf("trailing update %q", got)
	}
	n := len(ms)
	p.Add(10) // reaches the total: published at once
	ms = r.all()
	if len(ms) != n+1 || !strings.HasPrefix(str(t, ms[n], mimeText), "items: 1000/1000 [####################] 100%") {
		t.Errorf("reaching total: %d messages, last %q", len(ms)-n, str(t, ms[len(ms)-1], mimeText))
	}
	p.Done()
	p.Done()
	p.Add(5)
	time.Sleep(2 * progressInterval)
	ms = r.all()
	if len(ms) != n+2 || !strings.HasSuffix(str(t, ms[n+1], mimeText), ", done") {
		t.Errorf("Done: %d messages after total, last %q", len(ms)-n, str(t, ms[len(ms)-1], mimeText))
	}

	for i, m := range ms {
		want := "update_display_data"
		if i == 0 {
			want = "display_data"
		}
		if m.Type != want || m.DisplayID != ms[0].DisplayID || m.DisplayID == "" {
			t.Errorf("message %d: %s %q", i, m.Type, m.DisplayID)
		}
		if s := str(t, m, mimeSVG); !strings.Contains(s, `class="gk-progress"`) && i > 0 || !strings.Contains(s, "items") {
			t.Errorf("message %d SVG: %s", i, s)
		}
		if h := str(t, m, mimeHTML); !strings.HasPrefix(h, `<img src="data:image/svg+xml;base64,`) {
			t.Errorf("message %d HTML: %s", i, h)
		}
	}
	if s := str(t, ms[n], mimeSVG); !regexp.MustCompile(`class="gk-progress" x="[\d.]+" y="4" width="320"`).MatchString(s) {
		t.Errorf("final SVG: %s", s)
	}
}

func TestProgressRate(t *testing.T) {
	r := record(t)
	p := NewProgress(0, "ticks") // unknown total
	deadline := time.Now().Add(550 * time.Millisecond)
	for time.Now().Before(deadline) {
		p.Add(1)
		time.Sleep(time.Millisecond)
	}
	p.Done()
	ms := r.all()
	// About 5.5 updates at 10 per second, plus the first and the final.
	if len(ms) < 4 || len(ms) > 9 {
		t.Errorf("%d messages over 550 ms", len(ms))
	}
	last := str(t, ms[len(ms)-1], mimeText)
	if !strings.HasPrefix(last, "ticks: ") || strings.Contains(last, "[") || !strings.HasSuffix(last, ", done") {
		t.Errorf("final text %q", last)
	}
}

func TestProgressSetAndEscape(t *testing.T) {
	r := record(t)
	p := NewProgress(100, "<b>&</b>")
	time.Sleep(progressInterval + 10*time.Millisecond)
	p.Set(40)
	m := r.all()[1]
	if got := str(t, m, mimeText); !strings.HasPrefix(got, "<b>&</b>: 40/100 [########............] 40%") || !strings.Contains(got, "eta") {
		t.Errorf("text %q", got)
	}
	s := str(t, m, mimeSVG)
	if !strings.Contains(s, "&lt;b&gt;&amp;&lt;/b&gt;") || !regexp.MustCompile(`class="gk-progress" x="[\d.]+" y="4" width="128"`).MatchString(s) {
		t.Errorf("SVG %s", s)
	}
	if h := str(t, m, mimeHTML); !strings.Contains(h, `alt="&lt;b&gt;&amp;&lt;/b&gt;: 40/100`) {
		t.Errorf("HTML %s", h)
	}
	p.Done()
}
