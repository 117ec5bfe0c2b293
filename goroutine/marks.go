package goroutine

import (
	"bytes"
	"context"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

// Kind is the operation a marker stands before.
type Kind int

// The kinds of blocking operations the cell compiler marks.
const (
	Recv       Kind = iota + 1 // <-ch
	Send                       // ch <- v
	Select                     // select without default
	SelectNone                 // select {}
	Range                      // for v := range ch
	Lock                       // Mutex.Lock, RWMutex.Lock and RLock, Locker.Lock
	Wait                       // WaitGroup.Wait, Cond.Wait
	Sleep                      // time.Sleep
	kinds      = 16
)

// Code packs a position (a line of yaegi's positions: see cellsrc.CellLine)
// and a kind into the integer a marker passes.
func Code(pos int, k Kind) int { return pos*kinds + int(k) }

// Decode unpacks a Code.
func Decode(code int) (pos int, k Kind) { return code / kinds, Kind(code % kinds) }

// LabelKey starts the pprof label the marks set, "gokernel.N" for the N-th
// Marks of the process (a session, replaced by %reset, has its own), with
// the value "S/C/T": S the id of where the goroutine was started (0: a
// cell's own goroutine), C the Code of its last marker (0: none yet) and T
// the second, since the Marks were made, when it passed it.
const LabelKey = "gokernel"

var nMarks atomic.Int64

// Marks labels the goroutines of cells with where they were started and the
// last blocking operation they reached. The labels cost a few nanoseconds
// to set: the label sets are made once per (start, marker, second) and
// reused.
type Marks struct {
	epoch time.Time
	key   string // the label's key

	mu      sync.Mutex
	started []string // by id - 1
	ids     sync.Map // the ids of started: string -> int

	sets  sync.Map // key -> *mark
	byPtr sync.Map // the label set's pointer -> *mark
	n     atomic.Int64
}

// maxSets bounds the label sets kept (about 250 bytes each).
const maxSets = 10000

type key struct{ started, code, sec int }

// mark is one label set.
type mark struct {
	key
	ctx context.Context
}

// NewMarks returns Marks whose times count from now.
func NewMarks() *Marks {
	return &Marks{epoch: time.Now(), key: LabelKey + "." + strconv.FormatInt(nMarks.Add(1), 10)}
}

//go:linkname getProfLabel runtime/pprof.runtime_getProfLabel
func getProfLabel() unsafe.Pointer

// Go calls start, which starts a goroutine for a cell's go statement at
// where ("In [3], line 4"), with the calling goroutine labelled as the new
// one must be: a goroutine inherits its creator's labels, so it has its own
// from its first instant. The caller's label is put back. (A caller with
// pprof labels of its own, set by a cell, passes those on instead.)
func (m *Marks) Go(where string, start func()) {
	back := context.Background()
	if prev := getProfLabel(); prev != nil {
		mk, ok := m.byPtr.Load(prev)
		if !ok {
			start()
			return
		}
		back = mk.(*mark).ctx
	}
	m.set(key{m.startID(where), 0, m.now()})
	start()
	pprof.SetGoroutineLabels(back)
}

// At labels the calling goroutine as about to run the blocking operation
// code (see Code). The cell compiler puts a call before each statement that
// may block.
func (m *Marks) At(code int) {
	started := 0
	if mk, ok := m.byPtr.Load(getProfLabel()); ok {
		started = mk.(*mark).started
	}
	m.set(key{started, code, m.now()})
}

func (m *Marks) now() int { return int(time.Since(m.epoch) / time.Second) }

// set labels the calling goroutine with k.
func (m *Marks) set(k key) {
	if mk, ok := m.sets.Load(k); ok {
		pprof.SetGoroutineLabels(mk.(*mark).ctx)
		return
	}
	if m.n.Add(1) > maxSets {
		m.sets.Clear()
		m.byPtr.Clear()
		m.n.Store(1)
	}
	v := strconv.Itoa(k.started) + "/" + strconv.Itoa(k.code) + "/" + strconv.Itoa(k.sec)
	mk := &mark{key: k, ctx: pprof.WithLabels(context.Background(), pprof.Labels(m.key, v))}
	pprof.SetGoroutineLabels(mk.ctx)
	m.byPtr.Store(getProfLabel(), mk) // before sets: a goroutine given mk finds its start
	m.sets.Store(k, mk)
}

// startID returns the id of a start position, making one.
func (m *Marks) startID(where string) int {
	if id, ok := m.ids.Load(where); ok {
		return id.(int)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if id, ok := m.ids.Load(where); ok {
		return id.(int)
	}
	m.started = append(m.started, where)
	m.ids.Store(where, len(m.started))
	return len(m.started)
}

// Label is what a goroutine's label says.
type Label struct {
	Started string    // where it was started, "" for a cell's own goroutine
	Code    int       // its last marker, 0 if none
	Since   time.Time // when it passed it (or was started), to the second
}

// Label reads the label of g; false when it has none.
func (m *Marks) Label(g *G) (Label, bool) {
	v, ok := g.Labels[m.key]
	if !ok {
		return Label{}, false
	}
	f := strings.Split(v, "/")
	if len(f) != 3 {
		return Label{}, false
	}
	s, _ := strconv.Atoi(f[0])
	c, _ := strconv.Atoi(f[1])
	t, _ := strconv.Atoi(f[2])
	l := Label{Code: c, Since: m.epoch.Add(time.Duration(t) * time.Second)}
	m.mu.Lock()
	if s > 0 && s <= len(m.started) {
		l.Started = m.started[s-1]
	}
	m.mu.Unlock()
	return l, true
}

// Foreign reports whether g carries the label of other Marks: a goroutine
// of a session that %reset replaced.
func (m *Marks) Foreign(g *G) bool {
	for k := range g.Labels {
		if k != m.key && strings.HasPrefix(k, LabelKey+".") {
			return true
		}
	}
	return false
}

// Value returns the raw label of g ("" if none).
func (m *Marks) Value(g *G) string { return g.Labels[m.key] }

// ended are the goroutines that can run no cell code any more, in any
// session of the process: stopped by an interrupt or a deadlock report, but
// parked where Go cannot end them (a Mutex.Lock, a channel of an earlier
// cell).
var ended sync.Map

// End notes that the goroutines ids can run no cell code any more.
func End(ids ...int64) {
	for _, id := range ids {
		ended.Store(id, true)
	}
}

// Ended reports whether End was called for id.
func Ended(id int64) bool {
	_, ok := ended.Load(id)
	return ok
}

// Forget drops from the ended goroutines those not in gs (they are gone).
func Forget(gs []G) {
	alive := make(map[int64]bool, len(gs))
	for _, g := range gs {
		alive[g.ID] = true
	}
	ended.Range(func(k, _ any) bool {
		if !alive[k.(int64)] {
			ended.Delete(k)
		}
		return true
	})
}

// CurrentID returns the id of the calling goroutine, as runtime stacks
// and dumps name it (0 if the runtime does not say).
func CurrentID() int64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		id, _ := strconv.ParseInt(string(b[:i]), 10, 64)
		return id
	}
	return 0
}
