package session

import (
	"gokernel/cellsrc"
	"gokernel/compiler"
	"gokernel/goroutine"
	"regexp"
	"strconv"
	"strings"
)

// yaegi prints a pseudo stack frame to its Stderr for every interpreted
// function a panic goes through ("_gkcell3:2:5: panic: main.inner(...)"),
// even when the panic is recovered later. The session gives yaegi a
// filtering writer as Stderr: frames are kept for tracebacks, everything
// else (log output) goes on to the real stderr. os.Stderr is pointed at
// the real file.

var frameRe = regexp.MustCompile(`^(?:(\S+?):)?(\d+):(\d+): panic: (\S*)\(\.\.\.\)\n$`)

// goFrame is a frame of a panic, with the goroutine it was printed by.
type goFrame struct {
	gid int64
	compiler.Frame
}

const maxFrames = 256

// frameFilter is yaegi's Stderr.
type frameFilter struct{ s *Session }

func (f frameFilter) Write(p []byte) (int, error) {
	m := frameRe.FindSubmatch(p)
	if m == nil {
		return f.s.stderr.Write(p)
	}
	l, _ := strconv.Atoi(string(m[2]))
	c, _ := strconv.Atoi(string(m[3]))
	if serial, _ := cellsrc.CellLine(l); serial == 0 {
		return len(p), nil // a frame of generated code
	}
	fr := goFrame{gid: goroutine.CurrentID(), Frame: compiler.Frame{Line: l, Col: c, Func: string(m[4])}}
	f.s.mu.Lock()
	f.s.frames = append(f.s.frames, fr)
	if len(f.s.frames) > maxFrames {
		f.s.frames = f.s.frames[len(f.s.frames)-maxFrames:]
	}
	f.s.mu.Unlock()
	return len(p), nil
}

// takeFrames removes and returns the frames of goroutine gid, innermost
// first. With gid < 0, it takes the goroutine of the last frame.
func (s *Session) takeFrames(gid int64) []compiler.Frame {
	s.mu.Lock()
	defer s.mu.Unlock()
	if gid < 0 && len(s.frames) > 0 {
		gid = s.frames[len(s.frames)-1].gid
	}
	var mine []compiler.Frame
	var rest []goFrame
	for _, f := range s.frames {
		if f.gid == gid {
			mine = append(mine, f.Frame)
		} else {
			rest = append(rest, f)
		}
	}
	s.frames = rest
	return mine
}

// clearFrames forgets all recorded frames.
func (s *Session) clearFrames() {
	s.mu.Lock()
	s.frames = nil
	s.mu.Unlock()
}

// funcName returns the user's name of an interpreted function.
func funcName(fn string) string {
	fn = strings.TrimPrefix(fn, "main.")
	switch {
	case fn == "main" || fn == "" || strings.HasPrefix(fn, "func"):
		return ""
	case fn == compiler.MainName:
		return "main"
	}
	return cleanNames(fn)
}
