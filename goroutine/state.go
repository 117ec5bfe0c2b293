package goroutine

import "strings"

// interp is the package of yaegi's frames.
const interp = "github.com/traefik/yaegi/interp."

// Block is what a goroutine is doing, as far as cells are concerned.
type Block struct {
	// State is Go's word for it. yaegi runs every channel operation as a
	// reflect.Select (Go says "select"): State names the operation the
	// cell wrote ("chan receive", "chan send", "select").
	State string
	// Kind is the interpreted operation it is in, 0 if none.
	Kind Kind
	// Call is the compiled function interpreted code called and that it is
	// in ("net/http.Get", "time.Sleep"), "" if none.
	Call string
	// Stuck is true when it is blocked in an interpreted channel
	// operation, select or sync primitive: only another goroutine can end
	// the wait (a timer too, for a channel).
	Stuck bool
}

// stuckStates are the states of a goroutine parked until another goroutine
// (or a timer, for channels) wakes it.
var stuckStates = map[string]bool{
	"chan receive": true, "chan send": true, "select": true, "select (no cases)": true,
	"chan receive (nil chan)": true, "chan send (nil chan)": true, "semacquire": true,
	"sync.Mutex.Lock": true, "sync.RWMutex.Lock": true, "sync.RWMutex.RLock": true,
	"sync.WaitGroup.Wait": true, "sync.Cond.Wait": true,
}

// Parked reports whether state is one of a goroutine parked on a channel,
// select or sync primitive.
func Parked(state string) bool { return stuckStates[state] }

// primitives are the compiled functions, called by interpreted code, whose
// waits only another goroutine ends (and time.Sleep, which a timer ends).
var primitives = map[string]Kind{
	"sync.(*Mutex).Lock": Lock, "sync.(*RWMutex).Lock": Lock, "sync.(*RWMutex).RLock": Lock,
	"sync.(*WaitGroup).Wait": Wait, "sync.(*Cond).Wait": Wait, "time.Sleep": Sleep,
	"gokernel/goroutine.RunSelect": Select, // the cells' select statements (selects.go)
}

// Classify says what g is doing in interpreted code.
func Classify(g *G) Block {
	b := Block{State: g.State}
	i := -1
	for j, f := range g.Frames {
		if strings.HasPrefix(f.Func, interp) {
			i = j
			break
		}
	}
	if i < 0 {
		return b
	}
	op, _, _ := strings.Cut(strings.TrimPrefix(g.Frames[i].Func, interp), ".")
	parked := g.State == "select" || g.State == "chan receive" || g.State == "chan send"
	switch op {
	case "recv", "recv2":
		b.Kind = Recv
		if parked {
			b.State = "chan receive"
		}
	case "rangeChan":
		b.Kind = Range
		if parked {
			b.State = "chan receive"
		}
	case "send":
		b.Kind = Send
		if parked {
			b.State = "chan send"
		}
	case "_select":
		b.Kind = Select
	default:
		// a compiled function called by interpreted code: the outermost
		// frame above the interpreter's that is not reflect's
		for j := i - 1; j >= 0; j-- {
			if f := g.Frames[j].Func; !strings.HasPrefix(f, "reflect.") {
				b.Call = f
				break
			}
		}
		b.Kind = primitives[b.Call]
		b.Stuck = b.Kind != 0 && b.Kind != Sleep && stuckStates[g.State]
		return b
	}
	b.Stuck = parked
	return b
}

// Matches reports whether a marker of kind k stands before the operation b
// is in: only then does the marker's position say where b waits.
func (b Block) Matches(k Kind) bool {
	switch b.Kind {
	case Select:
		return k == Select || k == SelectNone
	case Recv, Send, Range, Lock, Wait, Sleep:
		return k == b.Kind
	}
	return false
}
