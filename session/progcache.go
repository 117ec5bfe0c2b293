package session

import (
	"context"
	"gokernel/cellsrc"
	"gokernel/goroutine"
	"reflect"
	"regexp"
	"strconv"

	"github.com/traefik/yaegi/interp"
)

// yaegi keeps everything it ever compiled, so a cell run 10,000 times
// would grow the worker by tens of megabytes. Statement and expression
// code that declares nothing is compiled once and executed again while no
// declaration has changed since (a redefinition clears the cache: yaegi
// binds names when it compiles).

// progCacheSize bounds the number of cached programs.
const progCacheSize = 512

// cachedProg is a compiled program and the cell serial its positions name.
type cachedProg struct {
	prog   *interp.Program
	serial int
}

var cellLineDirective = regexp.MustCompile(`/\*line _\.go:(\d+):`)

// cacheKey returns src with the cell serial taken out of its line
// directives, and that serial (-1 if src has no directive).
func cacheKey(src string) (string, int) {
	serial := -1
	key := cellLineDirective.ReplaceAllStringFunc(src, func(m string) string {
		n, _ := strconv.Atoi(cellLineDirective.FindStringSubmatch(m)[1])
		if serial < 0 {
			serial = n / cellsrc.LineStride
		}
		return "/*line _.go:" + strconv.Itoa(n%cellsrc.LineStride) + ":"
	})
	return key, serial
}

// cacheable reports whether src is run as a function literal (statements
// or an expression of a cell), which declares nothing.
func cacheable(src string) bool {
	return len(src) > 6 && src[:6] == ";func("
}

// evalCached evaluates a cacheable src, compiling it only the first time.
func (s *Session) evalCached(ctx context.Context, src string) (reflect.Value, error) {
	prog, err := s.compileCached(src)
	if err != nil {
		return reflect.Value{}, err
	}
	// an interrupt ends the selects the cells' goroutines wait in, as
	// yaegi ends its own (goroutine.RunSelect)
	defer context.AfterFunc(ctx, goroutine.StopSelects)()
	return s.yi.ExecuteWithContext(ctx, prog)
}

// compileCached compiles a cacheable src, or returns the program compiled
// for an earlier, identical cell: its serial is then pointed at the
// current cell, so errors name the current In [n].
func (s *Session) compileCached(src string) (prog *interp.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = interp.Panic{Value: r}
		}
	}()
	if h := s.debugHook.Load(); h != nil { // debugging: each cell's own positions
		if prog, err = s.yi.Compile(src); err == nil {
			(*h)(prog)
		}
		return prog, err
	}
	key, serial := cacheKey(src)
	if c, ok := s.progs[key]; ok {
		if cur := s.cells[s.serial]; cur != nil && c.serial >= 0 {
			s.cells[c.serial] = cur
		}
		return c.prog, nil
	}
	prog, err = s.yi.Compile(src)
	if err != nil {
		return nil, err
	}
	if len(s.progs) >= progCacheSize {
		s.progs = map[string]cachedProg{}
	}
	s.progs[key] = cachedProg{prog: prog, serial: serial}
	return prog, nil
}

// execute runs a compiled program, recovering what yaegi does not.
func (s *Session) execute(ctx context.Context, prog *interp.Program) (v reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = interp.Panic{Value: r}
		}
	}()
	// an interrupt ends the selects the cells' goroutines wait in, as
	// yaegi ends its own (goroutine.RunSelect)
	defer context.AfterFunc(ctx, goroutine.StopSelects)()
	return s.yi.ExecuteWithContext(ctx, prog)
}

// forgetCompiled empties the program and probe caches: a declaration
// changed.
func (s *Session) forgetCompiled() {
	if len(s.progs) > 0 {
		s.progs = map[string]cachedProg{}
	}
	if len(s.probes) > 0 {
		s.probes = map[string]error{}
	}
}
