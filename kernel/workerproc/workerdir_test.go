package workerproc

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestWorkerDirsOfEndedKernelsAreSwept(t *testing.T) {
	// A process that has ended, so its id is (almost surely) free.
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip(err)
	}
	dead := filepath.Join(os.TempDir(), fmt.Sprintf("%s%d-test", workerDirPrefix, cmd.Process.Pid))
	live := filepath.Join(os.TempDir(), fmt.Sprintf("%s%d-test", workerDirPrefix, os.Getppid()))
	for _, d := range []string{dead, live} {
		if err := os.MkdirAll(filepath.Join(d, "sub"), 0o700); err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(d)
	}
	d, err := makeWorkerDir()
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(d)
	if !strings.HasPrefix(filepath.Base(d), fmt.Sprintf("%s%d-", workerDirPrefix, os.Getpid())) {
		t.Errorf("worker dir %s is not named by the kernel's pid", d)
	}
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Errorf("the directory of an ended kernel is still there: %v", err)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("the directory of a running kernel was removed: %v", err)
	}
}
