package session

import (
	"context"
	"fmt"
	"os"

	"gokernel/typecheck"
)

// monomorphize returns the cell with the instances of the cells' generic
// functions and types it uses written as declarations of their own
// (package mono), checked again, and what records them once the cell has
// run. When mono cannot write them, or the checker refuses what it wrote,
// the cell is returned as it is (yaegi runs its generics).
func (s *Session) monomorphize(ctx context.Context, code string, checked *typecheck.Result) (outCode string, outChecked *typecheck.Result, commit func()) {
	if s.mono == nil || checked == nil {
		return code, checked, nil
	}
	defer func() {
		if r := recover(); r != nil { // a bug of mono must not cost the cell
			if os.Getenv("GOKERNEL_DEBUG_MONO") != "" {
				fmt.Fprintf(os.Stderr, "mono: panic: %v\n", r)
			}
			outCode, outChecked, commit = code, checked, nil
		}
	}()
	out, moved, commit, err := s.mono.Rewrite(code, s.serial, checked.Cell(), checked)
	debug := os.Getenv("GOKERNEL_DEBUG_MONO") != ""
	if err != nil || commit == nil {
		if debug && err != nil {
			fmt.Fprintf(os.Stderr, "mono: left to the interpreter: %v\n", err)
		}
		return code, checked, nil
	}
	if out == code {
		return code, checked, commit
	}
	again, err := s.check.Check(out)
	if err == nil && again != nil {
		err = s.instantiate(ctx, again)
	}
	if err != nil || again == nil {
		if debug {
			fmt.Fprintf(os.Stderr, "mono: the checker refused the instances (%v):\n%s\n", err, out)
		}
		return code, checked, nil
	}
	if debug {
		fmt.Fprintf(os.Stderr, "mono:\n%s\n", out)
	}
	again.Move(moved)
	return out, again, commit
}
