package goroutine

import "strings"

// Role says whose a goroutine is.
type Role int

const (
	// Process goroutines are the worker's and the runtime's own.
	Process Role = iota
	// Cell goroutines run a cell's code: a cell itself, or a goroutine
	// its go statements started.
	Cell
	// ForCell goroutines were started by compiled code on behalf of a cell
	// (an HTTP server, an os/exec pipe copier, a time.AfterFunc).
	ForCell
)

// Roles tells the roles of goroutines apart.
type Roles struct {
	// Entries are functions at the bottom of a cell goroutine's stack (the
	// interpreter's runner of a cell, the session's runner of a go
	// statement), and Starts which of them starts the goroutines of go
	// statements (the others run cells).
	Entries map[string]bool
	Starts  string
	// Process are prefixes of the functions that start goroutines that
	// are the process's own ("gokernel/worker."), or that run no cell code
	// ever, even when a cell made them ("gokernel/proc.": its goroutines
	// serve sockets and pipes). Any other goroutine is the process's when
	// its creator is, and a cell's when its creator is a cell's or has
	// ended.
	Process []string
}

// Of returns the role of every goroutine of gs, by id.
func (r Roles) Of(gs []G) map[int64]Role {
	byID := make(map[int64]*G, len(gs))
	for i := range gs {
		byID[gs[i].ID] = &gs[i]
	}
	roles := make(map[int64]Role, len(gs))
	var role func(g *G, depth int) Role
	role = func(g *G, depth int) Role {
		if ro, ok := roles[g.ID]; ok {
			return ro
		}
		ro := Process
		switch {
		case r.IsCell(g):
			ro = Cell
		case g.CreatedBy == "" || r.processFunc(g.CreatedBy):
		case byID[g.Creator] != nil && depth < 64:
			if role(byID[g.Creator], depth+1) != Process {
				ro = ForCell
			}
		default:
			ro = ForCell
		}
		roles[g.ID] = ro
		return ro
	}
	for i := range gs {
		role(&gs[i], 0)
	}
	return roles
}

// IsCell reports whether g runs a cell's code.
func (r Roles) IsCell(g *G) bool {
	for i := len(g.Frames) - 1; i >= 0 && i >= len(g.Frames)-3; i-- {
		if r.Entries[g.Frames[i].Func] {
			return true
		}
	}
	return false
}

// IsCellItself reports whether g is a cell's own goroutine (not one its go
// statements started).
func (r Roles) IsCellItself(g *G) bool {
	return r.IsCell(g) && !r.started(g)
}

func (r Roles) started(g *G) bool {
	for i := len(g.Frames) - 1; i >= 0 && i >= len(g.Frames)-3; i-- {
		if g.Frames[i].Func == r.Starts {
			return true
		}
	}
	return false
}

func (r Roles) processFunc(fn string) bool {
	for _, p := range r.Process {
		if strings.HasPrefix(fn, p) {
			return true
		}
	}
	return false
}
