package goroutine

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// G is one goroutine of a dump.
type G struct {
	ID int64
	// State is Go's word for what it does: "running", "chan receive",
	// "select", "sync.Mutex.Lock", "sleep", "IO wait"...
	State string
	// Minutes is how long it has waited, when Go says (one minute or more).
	Minutes int
	// Labels are its pprof labels (see Marks).
	Labels map[string]string
	// Frames are its calls, innermost first.
	Frames []Frame
	// CreatedBy is the function whose go statement started it, and
	// Creator the goroutine that ran that statement (0 when unknown).
	CreatedBy string
	Creator   int64
}

// Frame is one call of a goroutine's stack.
type Frame struct {
	Func string // "gokernel/session.(*Session).goStart.func1"
	File string
	Line int
}

// Parse reads a dump of runtime.Stack(buf, true).
func Parse(dump []byte) []G {
	var gs []G
	var g *G
	lines := strings.Split(string(dump), "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.HasPrefix(l, "goroutine ") && strings.HasSuffix(l, "]:"):
			gs = append(gs, parseHeader(l))
			g = &gs[len(gs)-1]
		case g == nil || l == "" || strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "..."):
		case strings.HasPrefix(l, "created by "):
			rest := strings.TrimPrefix(l, "created by ")
			if fn, id, ok := strings.Cut(rest, " in goroutine "); ok {
				g.CreatedBy = fn
				g.Creator, _ = strconv.ParseInt(id, 10, 64)
			} else {
				g.CreatedBy = rest
			}
		default:
			f := Frame{Func: funcName(l)}
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], "\t") {
				f.File, f.Line = fileLine(lines[i+1])
				i++
			}
			g.Frames = append(g.Frames, f)
		}
	}
	return gs
}

// parseHeader reads "goroutine 7 [chan receive, 2 minutes labels:{"k": "v"}]:".
func parseHeader(l string) G {
	var g G
	l = strings.TrimSuffix(strings.TrimPrefix(l, "goroutine "), "]:")
	id, status, _ := strings.Cut(l, " [")
	g.ID, _ = strconv.ParseInt(id, 10, 64)
	if i := strings.Index(status, " labels:{"); i >= 0 {
		g.Labels = parseLabels(strings.TrimSuffix(status[i+len(" labels:{"):], "}"))
		status = status[:i]
	}
	parts := strings.Split(status, ", ")
	g.State = strings.TrimSuffix(strings.TrimSuffix(parts[0], " (scan)"), " (durable)")
	for _, p := range parts[1:] {
		if n, ok := strings.CutSuffix(p, " minutes"); ok {
			g.Minutes, _ = strconv.Atoi(n)
		}
	}
	return g
}

// parseLabels reads `"k": "v", "k2": "v2"` (Go-quoted strings).
func parseLabels(s string) map[string]string {
	m := map[string]string{}
	for s != "" {
		k, rest, ok := quoted(s)
		if !ok {
			break
		}
		rest = strings.TrimPrefix(rest, ": ")
		v, rest, ok := quoted(rest)
		if !ok {
			break
		}
		m[k] = v
		s = strings.TrimPrefix(rest, ", ")
	}
	return m
}

// quoted reads one Go-quoted string at the start of s.
func quoted(s string) (value, rest string, ok bool) {
	q, err := strconv.QuotedPrefix(s)
	if err != nil {
		return "", "", false
	}
	v, err := strconv.Unquote(q)
	return v, s[len(q):], err == nil
}

// funcName returns the function of a frame line, without its arguments.
func funcName(l string) string {
	if i := strings.LastIndexByte(l, '('); i > 0 {
		return l[:i]
	}
	return l
}

// fileLine reads "\t/path/file.go:12 +0x1f".
func fileLine(l string) (string, int) {
	l = strings.TrimSpace(l)
	if i := strings.LastIndex(l, " +0x"); i >= 0 {
		l = l[:i]
	}
	i := strings.LastIndexByte(l, ':')
	if i < 0 {
		return l, 0
	}
	n, _ := strconv.Atoi(l[i+1:])
	return l[:i], n
}

var dumpMu sync.Mutex

// Dump returns the goroutines of the process, with their labels. Go prints
// goroutine labels in dumps only with GODEBUG=tracebacklabels=1 (Go 1.26
// and later), which cannot be set in the program, so Dump sets it in the
// environment for the time of the dump (it changes nothing else) and puts
// the environment back.
func Dump() []G {
	dumpMu.Lock()
	defer dumpMu.Unlock()
	old, had := os.LookupEnv("GODEBUG")
	with := "tracebacklabels=1"
	if had && old != "" {
		with = old + "," + with
	}
	_ = os.Setenv("GODEBUG", with)
	buf := make([]byte, 64<<10)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	if had {
		_ = os.Setenv("GODEBUG", old)
	} else {
		_ = os.Unsetenv("GODEBUG")
	}
	return Parse(buf)
}
