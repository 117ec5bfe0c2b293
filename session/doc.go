// Package session holds the interpreter state of one worker: it runs the
// plans of package compiler on yaegi, keeps the registry of what cells
// declared (redefinitions recompile what depends on them), turns errors and
// panics into tracebacks in cell coordinates, and gives yaegi the packages
// cells import.
package session
