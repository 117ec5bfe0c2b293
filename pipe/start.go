package pipe

import (
	"fmt"
	"os"
	"os/exec"
)

// Start starts cmd with the protocol's two extra pipes: the child reads
// fd 3, which the parent writes through in, and writes fd 4, which the
// parent reads through out. The rest of cmd (standard streams, process
// attributes) is the caller's. Both the kernel (starting a worker) and
// package proc (starting a child of a cell) start their processes so.
func Start(cmd *exec.Cmd) (in, out *os.File, err error) {
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, nil, err
	}
	cmd.ExtraFiles = []*os.File{inR, outW}
	if err := cmd.Start(); err != nil {
		for _, f := range []*os.File{inR, inW, outR, outW} {
			f.Close()
		}
		return nil, nil, err
	}
	inR.Close()
	outW.Close()
	return inW, outR, nil
}

// Open returns the pipes of a process started by Start, from the child's
// side: fd 3 to read and fd 4 to write. It fails if they are not pipes (run
// by hand, fd 3 may be anything, e.g. the Go runtime's own epoll descriptor).
func Open() (in, out *os.File, err error) {
	in, out = os.NewFile(3, "in"), os.NewFile(4, "out")
	if !isPipe(in) || !isPipe(out) {
		return nil, nil, fmt.Errorf("fd 3 and 4 must be pipes from the parent")
	}
	return in, out, nil
}

func isPipe(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeNamedPipe != 0
}
