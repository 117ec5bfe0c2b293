package proc

import (
	"encoding/json"
	"errors"
	"reflect"
	"sync"
)

// Config connects the package to the worker that runs the notebook. It is
// set by the worker, not by cells.
type Config struct {
	// Command starts a child process (program and arguments).
	Command []string
	// Declarations returns the declarations of the notebook's cells so far,
	// one cell per element.
	Declarations func() []string
	// FuncType returns the type of a notebook function, to convert results.
	FuncType func(name string) (reflect.Type, error)
	// Plugins returns the notebook's compiled functions, as the child
	// installs them (nil: none).
	Plugins func() []json.RawMessage
}

var (
	cfgMu sync.Mutex
	cfg   Config
)

// Configure installs the worker's Config.
func Configure(c Config) {
	cfgMu.Lock()
	cfg = c
	cfgMu.Unlock()
}

func config() (Config, error) {
	cfgMu.Lock()
	defer cfgMu.Unlock()
	if len(cfg.Command) == 0 || cfg.Declarations == nil || cfg.FuncType == nil {
		return cfg, errors.New("proc: only available inside a gokernel notebook")
	}
	return cfg, nil
}
