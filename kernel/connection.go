package kernel

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"strings"

	"github.com/google/uuid"
)

// ConnectionInfo is the content of a Jupyter connection file.
type ConnectionInfo struct {
	Transport       string `json:"transport"`
	IP              string `json:"ip"`
	Key             string `json:"key"`
	SignatureScheme string `json:"signature_scheme"`
	KernelName      string `json:"kernel_name,omitempty"`
	ShellPort       int    `json:"shell_port"`
	ControlPort     int    `json:"control_port"`
	StdinPort       int    `json:"stdin_port"`
	IOPubPort       int    `json:"iopub_port"`
	HBPort          int    `json:"hb_port"`
}

// ReadConnectionFile reads and validates a connection file.
func ReadConnectionFile(path string) (*ConnectionInfo, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseConnectionInfo(data)
}

// ParseConnectionInfo decodes and validates connection file JSON.
func ParseConnectionInfo(data []byte) (*ConnectionInfo, error) {
	var ci ConnectionInfo
	if err := json.Unmarshal(data, &ci); err != nil {
		return nil, fmt.Errorf("connection file: %w", err)
	}
	if ci.Transport == "" {
		ci.Transport = "tcp"
	}
	if ci.IP == "" {
		ci.IP = "127.0.0.1"
	}
	if ci.SignatureScheme == "" {
		ci.SignatureScheme = "hmac-sha256"
	}
	switch ci.Transport {
	case "tcp":
		for _, p := range []int{ci.ShellPort, ci.ControlPort, ci.StdinPort, ci.IOPubPort, ci.HBPort} {
			if p <= 0 || p > 65535 {
				return nil, fmt.Errorf("connection file: port %d out of range", p)
			}
		}
	case "ipc":
	default:
		return nil, fmt.Errorf("connection file: unsupported transport %q (tcp or ipc)", ci.Transport)
	}
	switch strings.ToLower(ci.SignatureScheme) {
	case "hmac-sha256", "hmac-sha512", "hmac-sha1":
	default:
		return nil, fmt.Errorf("connection file: unsupported signature_scheme %q (hmac-sha256, hmac-sha512 or hmac-sha1)", ci.SignatureScheme)
	}
	return &ci, nil
}

// Endpoint returns the ZeroMQ endpoint for a channel port, e.g.
// "tcp://127.0.0.1:5555" or, for ipc, "ipc://IP-PORT" as jupyter_client names it.
func (ci *ConnectionInfo) Endpoint(port int) string {
	if ci.Transport == "ipc" {
		return fmt.Sprintf("ipc://%s-%d", ci.IP, port)
	}
	ip := ci.IP
	if strings.Contains(ip, ":") {
		ip = "[" + ip + "]"
	}
	return fmt.Sprintf("tcp://%s:%d", ip, port)
}

// WriteConnectionFile writes a new connection file at path for a kernel
// started by hand (`gokernel -f FILE` with a FILE that does not exist):
// loopback address, free ports, a random key, mode 0600 so only the user
// can read the key.
func WriteConnectionFile(path string) (*ConnectionInfo, error) {
	ci := &ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", Key: uuid.NewString(),
		SignatureScheme: "hmac-sha256", KernelName: KernelName}
	for _, port := range []*int{&ci.ShellPort, &ci.ControlPort, &ci.StdinPort, &ci.IOPubPort, &ci.HBPort} {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		*port = l.Addr().(*net.TCPAddr).Port
		defer l.Close()
	}
	data, _ := json.MarshalIndent(ci, "", "  ")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(append(data, '\n')); err != nil {
		f.Close()
		return nil, err
	}
	return ci, f.Close()
}
