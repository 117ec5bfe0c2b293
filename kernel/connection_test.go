package kernel

import (
	"path/filepath"
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

// FuzzParseConnectionInfo feeds arbitrary JSON to the connection file
// parser: it must never panic, and what it accepts must be usable.
func FuzzParseConnectionInfo(f *testing.F) {
	f.Add([]byte(`{"shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5,"ip":"127.0.0.1","key":"k","transport":"tcp","signature_scheme":"hmac-sha256"}`))
	f.Add([]byte(`{"transport":"ipc","ip":"/tmp/x"}`))
	f.Add([]byte(`{"signature_scheme":"hmac-md5"}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ci, err := ParseConnectionInfo(data)
		if err != nil {
			return
		}
		if ci.Transport != "tcp" && ci.Transport != "ipc" {
			t.Fatalf("accepted transport %q", ci.Transport)
		}
		if _, err := NewSigner(ci.SignatureScheme, ci.Key); err != nil && ci.Key != "" {
			t.Fatalf("accepted a scheme the signer rejects: %v", err)
		}
		_ = ci.Endpoint(ci.ShellPort)
	})
}
