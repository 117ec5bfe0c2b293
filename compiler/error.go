package compiler

import "strconv"

// Error is an error of a cell before it becomes a pipe.Error.
type Error struct {
	Name, Msg string
	// Line and Col are 0 when the position is unknown; Line encodes the
	// cell (see cellLine), serial 0 being the cell that runs.
	Line, Col int
	// Frames are the further interpreted Frames of a panic, innermost first.
	Frames []Frame
}

func (e *Error) Error() string { return e.Name + ": " + e.Msg }

// Frame is one interpreted frame of a panic: a position (Line encodes the
// cell, see CellLine) and the function it is in.
type Frame struct {
	Line, Col int
	Func      string
}

// InLabel is "In [n]" as Jupyter shows the cell.
func InLabel(count int) string {
	if count <= 0 {
		return "In [ ]"
	}
	return "In [" + strconv.Itoa(count) + "]"
}
