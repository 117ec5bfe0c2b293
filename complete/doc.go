// Package complete answers completion and inspection requests for cells,
// from the declarations of the session (through a small Session interface),
// the cell being edited, and the documentation of the standard library.
package complete
