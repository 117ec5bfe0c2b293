// Package debugger is the worker's debugger: it answers the Debug Adapter
// Protocol requests of JupyterLab's visual debugger (the kernel's
// debug_request messages) over yaegi's debugger, and sends DAP events.
package debugger

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"gokernel/session"

	"github.com/traefik/yaegi/interp"
)

// Debugger is the debugger of one worker. Its methods are safe for
// concurrent use.
type Debugger struct {
	sess func() *session.Session // the worker's current session (%reset replaces it)
	emit func(json.RawMessage)   // sends a DAP event

	seq      atomic.Int64 // of responses and events
	mu       sync.Mutex
	att      *attachment             // nil: not attached
	bps      map[string][]int        // breakpoint lines by source path
	sources  map[string]string       // the cells' sources by path (dumpCell)
	stops    map[int64]*stop         // the stopped goroutines, by id (the DAP threadId)
	steps    map[int64]*step         // the goroutines stepping, by id
	frames   map[int]frameRef        // frame ids of the stops
	refs     map[int]*ref            // variablesReference ids
	threads  map[int64]string        // the threads last listed (for thread events)
	nextID   int                     // of frames and references
	progs    []*interp.Program       // compiled while attached
	verified map[string]map[int]bool // lines yaegi found a statement on
	// interrupted are the goroutines an interrupt let go: they belong to
	// a cancelled run and do not stop again (one in a loop reached the
	// breakpoint once more before yaegi ended it).
	interrupted map[int64]bool
}

// New returns a debugger of the sessions sess returns, sending its DAP
// events to emit.
func New(sess func() *session.Session, emit func(json.RawMessage)) *Debugger {
	return &Debugger{sess: sess, emit: emit, bps: map[string][]int{}, sources: map[string]string{},
		stops: map[int64]*stop{}, steps: map[int64]*step{}, frames: map[int]frameRef{}, refs: map[int]*ref{},
		threads: map[int64]string{}, verified: map[string]map[int]bool{}, interrupted: map[int64]bool{}}
}

// request is a DAP request.
type request struct {
	Seq       int             `json:"seq"`
	Type      string          `json:"type"`
	Command   string          `json:"command"`
	Arguments json.RawMessage `json:"arguments"`
}

// failure is an error answered as a DAP error response.
type failure string

func (f failure) Error() string { return string(f) }

func fail(format string, args ...any) error { return failure(fmt.Sprintf(format, args...)) }

// handlers are the DAP requests the debugger answers.
var handlers = map[string]func(d *Debugger, args json.RawMessage) (any, error){
	"initialize":              (*Debugger).initialize,
	"attach":                  (*Debugger).attach,
	"launch":                  (*Debugger).attach,
	"debugInfo":               (*Debugger).debugInfo,
	"dumpCell":                (*Debugger).dumpCell,
	"setBreakpoints":          (*Debugger).setBreakpoints,
	"setExceptionBreakpoints": func(*Debugger, json.RawMessage) (any, error) { return map[string]any{"breakpoints": []any{}}, nil },
	"setFunctionBreakpoints":  (*Debugger).setFunctionBreakpoints,
	"configurationDone":       func(*Debugger, json.RawMessage) (any, error) { return map[string]any{}, nil },
	"threads":                 (*Debugger).threadsRequest,
	"stackTrace":              (*Debugger).stackTrace,
	"scopes":                  (*Debugger).scopes,
	"variables":               (*Debugger).variables,
	"continue":                (*Debugger).continueRequest,
	"next":                    (*Debugger).next,
	"stepIn":                  (*Debugger).stepIn,
	"stepOut":                 (*Debugger).stepOut,
	"pause":                   (*Debugger).pause,
	"evaluate":                (*Debugger).evaluate,
	"source":                  (*Debugger).source,
	"inspectVariables":        (*Debugger).inspectVariables,
	"richInspectVariables":    (*Debugger).richInspectVariables,
	"copyToGlobals":           (*Debugger).copyToGlobals,
	"disconnect":              (*Debugger).disconnect,
	"terminate":               (*Debugger).disconnect,
	"modules": func(*Debugger, json.RawMessage) (any, error) {
		return map[string]any{"modules": []any{}, "totalModules": 0}, nil
	},
	"loadedSources": func(*Debugger, json.RawMessage) (any, error) { return map[string]any{"sources": []any{}}, nil },
}

// Handle answers one DAP request with its DAP response. A request that
// does not decode, an unknown command and a failed request get an error
// response (success false, message); a panic of a handler is one too.
func (d *Debugger) Handle(raw json.RawMessage) (resp json.RawMessage) {
	var req request
	err := json.Unmarshal(raw, &req)
	if err == nil && req.Command == "" {
		err = fail("the request has no command")
	}
	if err != nil {
		return d.response(req, nil, fail("not a DAP request: %v", err))
	}
	h, ok := handlers[req.Command]
	if !ok {
		return d.response(req, nil, fail("gokernel's debugger does not support the request %q", req.Command))
	}
	if len(req.Arguments) == 0 || string(req.Arguments) == "null" {
		req.Arguments = json.RawMessage("{}")
	}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "gokernel: the debugger failed on %s: %v\n", req.Command, r)
			resp = d.response(req, nil, fail("the debugger failed: %v", r))
		}
	}()
	body, err := h(d, req.Arguments)
	return d.response(req, body, err)
}

// response encodes the DAP response to req.
func (d *Debugger) response(req request, body any, err error) json.RawMessage {
	m := map[string]any{"seq": d.nextSeq(), "type": "response", "request_seq": req.Seq,
		"command": req.Command, "success": err == nil}
	if err != nil {
		m["message"] = err.Error()
		m["body"] = map[string]any{"error": map[string]any{"id": 1, "format": err.Error(), "showUser": true}}
	} else {
		if body == nil {
			body = map[string]any{}
		}
		m["body"] = body
	}
	b, merr := json.Marshal(m)
	if merr != nil {
		b, _ = json.Marshal(map[string]any{"seq": d.nextSeq(), "type": "response", "request_seq": req.Seq,
			"command": req.Command, "success": false, "message": "the response does not encode: " + merr.Error()})
	}
	return b
}

func (d *Debugger) nextSeq() int64 { return d.seq.Add(1) }

// event sends a DAP event.
func (d *Debugger) event(name string, body any) {
	b, err := json.Marshal(map[string]any{"seq": d.nextSeq(), "type": "event", "event": name, "body": body})
	if err == nil && d.emit != nil {
		d.emit(b)
	}
}

// args decodes the arguments of a request.
func args(raw json.RawMessage, v any) error {
	if err := json.Unmarshal(raw, v); err != nil {
		return fail("bad arguments: %v", err)
	}
	return nil
}

func (d *Debugger) initialize(json.RawMessage) (any, error) {
	return map[string]any{
		"supportsConfigurationDoneRequest":      true,
		"supportsSingleThreadExecutionRequests": true,
		"supportsFunctionBreakpoints":           true,
		"supportsConditionalBreakpoints":        false,
		"supportsEvaluateForHovers":             true,
		"supportsSetVariable":                   false,
		"supportsTerminateRequest":              true,
		"supportsStepBack":                      false,
		"supportsDelayedStackTraceLoading":      false,
		"supportsLoadedSourcesRequest":          false,
		"exceptionBreakpointFilters":            []any{},
	}, nil
}

func (d *Debugger) debugInfo(json.RawMessage) (any, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	bps := []any{}
	paths := make([]string, 0, len(d.bps))
	for p := range d.bps {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		var lines []any
		for _, l := range d.bps[p] {
			lines = append(lines, map[string]any{"line": l})
		}
		bps = append(bps, map[string]any{"source": p, "breakpoints": lines})
	}
	stopped := []int64{}
	for id := range d.stops {
		stopped = append(stopped, id)
	}
	sort.Slice(stopped, func(i, j int) bool { return stopped[i] < stopped[j] })
	return map[string]any{
		"isStarted":      d.att != nil,
		"hashMethod":     "Murmur2",
		"hashSeed":       HashSeed,
		"tmpFilePrefix":  TmpFilePrefix,
		"tmpFileSuffix":  TmpFileSuffix,
		"breakpoints":    bps,
		"stoppedThreads": stopped,
		"richRendering":  true,
		"exceptionPaths": []string{},
	}, nil
}

func (d *Debugger) dumpCell(raw json.RawMessage) (any, error) {
	var a struct {
		Code *string `json:"code"`
	}
	if err := args(raw, &a); err != nil {
		return nil, err
	}
	if a.Code == nil {
		return nil, fail("dumpCell needs the cell's code")
	}
	path := SourcePath(*a.Code)
	if err := os.MkdirAll(TmpFilePrefix, 0o700); err != nil {
		return nil, fail("dumpCell: %v", err)
	}
	if err := os.WriteFile(path, []byte(*a.Code), 0o600); err != nil {
		return nil, fail("dumpCell: %v", err)
	}
	d.mu.Lock()
	d.sources[path] = *a.Code
	d.mu.Unlock()
	return map[string]any{"sourcePath": path}, nil
}

func (d *Debugger) source(raw json.RawMessage) (any, error) {
	var a struct {
		Source struct {
			Path string `json:"path"`
		} `json:"source"`
	}
	if err := args(raw, &a); err != nil {
		return nil, err
	}
	d.mu.Lock()
	code, ok := d.sources[a.Source.Path]
	d.mu.Unlock()
	if !ok && strings.HasPrefix(a.Source.Path, TmpFilePrefix) {
		if b, err := os.ReadFile(a.Source.Path); err == nil {
			code, ok = string(b), true
		}
	}
	if !ok {
		return nil, fail("no source for %q", a.Source.Path)
	}
	return map[string]any{"content": code, "mimeType": "text/x-go"}, nil
}
