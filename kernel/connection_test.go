package kernel

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseConnectionInfo(t *testing.T) {
	ci, err := ParseConnectionInfo([]byte(`{"shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5,
		"ip":"127.0.0.1","key":"k","transport":"tcp","signature_scheme":"hmac-sha256","kernel_name":"gokernel"}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := ci.Endpoint(ci.ShellPort); got != "tcp://127.0.0.1:1" {
		t.Errorf("endpoint %q", got)
	}
	ci, err = ParseConnectionInfo([]byte(`{"shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5,"ip":"/tmp/k","transport":"ipc","key":""}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := ci.Endpoint(2); got != "ipc:///tmp/k-2" {
		t.Errorf("ipc endpoint %q", got)
	}
	ci, _ = ParseConnectionInfo([]byte(`{"shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5,"ip":"::1"}`))
	if got := ci.Endpoint(1); got != "tcp://[::1]:1" {
		t.Errorf("ipv6 endpoint %q", got)
	}
}

func TestParseConnectionInfoErrors(t *testing.T) {
	for _, bad := range []string{
		``, `[]`, `{"transport":"udp","shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5}`,
		`{"shell_port":0,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5}`,
		`{"shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":70000}`,
		`{"shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5,"signature_scheme":"rsa"}`,
		`{"shell_port":"one"}`,
	} {
		if _, err := ParseConnectionInfo([]byte(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
	if _, err := ReadConnectionFile(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("missing file accepted")
	}
}

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
