// Package interp is the worker side of gokernel: the process that runs cells.
//
// The supervisor (package kernel) starts this process and talks to it over
// the pipe protocol of package interp/protocol. Serve is the worker's main
// loop; Session holds the interpreter state of one worker: the cell compiler
// in front of yaegi, the names cells have defined, and the packages cells can
// import (gokernel/display, gokernel/proc).
package interp
