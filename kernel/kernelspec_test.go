package kernel

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInstallKernelSpec(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("JUPYTER_DATA_DIR", dir)
	got, err := InstallKernelSpec("/opt/bin/gokernel", "")
	if err != nil {
		t.Fatal(err)
	}
	if got != filepath.Join(dir, "kernels", "gokernel") {
		t.Fatalf("installed in %s", got)
	}
	js, _ := os.ReadFile(filepath.Join(got, "kernel.json"))
	for _, want := range []string{`"/opt/bin/gokernel"`, `"{connection_file}"`, `"Go (gokernel)"`, `"interrupt_mode": "message"`, `"language": "go"`} {
		if !strings.Contains(string(js), want) {
			t.Errorf("kernel.json lacks %s:\n%s", want, js)
		}
	}
	for _, f := range []string{"logo-32x32.png", "logo-64x64.png", "logo-svg.svg"} {
		if st, err := os.Stat(filepath.Join(got, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	prefix := t.TempDir()
	got, err = InstallKernelSpec("/x/gokernel", prefix)
	if err != nil || got != filepath.Join(prefix, "share", "jupyter", "kernels", "gokernel") {
		t.Fatalf("--prefix install: %s, %v", got, err)
	}
}
