package session

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"gokernel/native"
)

// The differential test of the native tier: every program of the corpus
// that can be split runs as a declarations cell then a statements cell
// (main's body) in a session with the native tier on. Between the two
// cells the test waits until the tier has built and installed every
// function that qualifies, so the statements run the compiled functions
// wherever the tier allows it; the output must be exactly the go-built
// program's, as interpreted (TestDifferential). The test records which
// functions ran compiled and fails if none did.
//
// Plugins cannot be unloaded and a worker loads at most native.MaxPlugins:
// the programs run in child processes of the test binary (the
// TestNativeDifferentialChild "worker"), each running programs until its
// plugins near the cap, then the next child goes on.

// nativeDiffProgram is one program given to a child.
type nativeDiffProgram struct {
	Name  string   `json:"name"`
	Cells []string `json:"cells"`
}

// nativeDiffResult is what a child reports of one program.
type nativeDiffResult struct {
	Name     string   `json:"name"`
	Stdout   string   `json:"stdout"`
	Err      string   `json:"err"`
	Compiled []string `json:"compiled"`
	Plugins  int      `json:"plugins"` // loaded by the child after it
	Pid      int      `json:"pid"`     // the child's
	Seconds  float64  `json:"seconds"`
}

// nativeDiffJob is where a child reads its programs and writes its
// results (GOKERNEL_NATIVE_DIFF_JOB, GOKERNEL_NATIVE_DIFF_OUT).
const (
	nativeDiffJobEnv = "GOKERNEL_NATIVE_DIFF_JOB"
	nativeDiffOutEnv = "GOKERNEL_NATIVE_DIFF_OUT"
)

func TestNativeDifferential(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the corpus with the native tier")
	}
	if _, err := native.HostToolchain(); err != nil {
		t.Skipf("no plugins here: %v", err)
	}
	start := time.Now()
	files, _ := filepath.Glob(filepath.Join(diffDir, "*.go"))
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatal("no programs in " + diffDir)
	}
	known := readKnown(t)
	bins := buildPrograms(t, files)
	want := map[string]string{}
	var progs []nativeDiffProgram
	for _, f := range files {
		name := filepath.Base(f)
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, split := cells(t, string(src))
		if split == nil {
			continue
		}
		run := runProgram(bins[f])
		if run.err != nil || run.stderr != "" {
			t.Errorf("%s: the program itself fails (%v): %s", name, run.err, run.stderr)
			continue
		}
		want[name] = run.stdout
		progs = append(progs, nativeDiffProgram{Name: name, Cells: split})
	}
	prepared := time.Since(start)
	results := runNativeChildren(t, progs)

	matched, refused, withCompiled, compiled, children := 0, 0, 0, 0, 0
	var slowest []nativeDiffResult
	inPrograms := 0.0
	for _, p := range progs {
		r, ok := results[p.Name]
		if !ok {
			t.Errorf("%s: no result (its child process died: see the log above)", p.Name)
			continue
		}
		slowest = append(slowest, r)
		inPrograms += r.Seconds
		if len(r.Compiled) > 0 {
			withCompiled++
			compiled += len(r.Compiled)
		}
		k, isKnown := known[p.Name]
		refusal := isKnown && (k.mode == "split" || k.mode == "both")
		got, w := r.Stdout, want[p.Name]
		switch {
		case r.Err == "" && got == w:
			if refusal {
				t.Errorf("%s (native): matches go run, but known.txt lists it as refused", p.Name)
			}
			matched++
		case r.Err != "" && refusal && strings.Contains(r.Err, k.err) && strings.HasPrefix(w, got):
			refused++
		case r.Err != "":
			t.Errorf("%s (native, compiled %v): error instead of go run's output:\n%s\ngot  %q\nwant %q", p.Name, r.Compiled, r.Err, got, w)
		default:
			t.Errorf("%s (native, compiled %v): DIFFERENT OUTPUT:\ngot  %q\nwant %q", p.Name, r.Compiled, got, w)
		}
	}
	pids := map[int]bool{}
	for _, r := range results {
		pids[r.Pid] = true
	}
	children = len(pids)
	sort.Slice(slowest, func(i, k int) bool { return slowest[i].Seconds > slowest[k].Seconds })
	if len(slowest) > 3 {
		slowest = slowest[:3]
	}
	var slow []string
	for _, r := range slowest {
		slow = append(slow, fmt.Sprintf("%s %.1f s", r.Name, r.Seconds))
	}
	t.Logf("native differential corpus: %d programs split, %d match go run, %d refused as listed; %d programs ran %d compiled functions; %d child processes; %.0f s (go build and runs of the programs %.0f s, in the sessions %.0f s; slowest: %s)",
		len(progs), matched, refused, withCompiled, compiled, children, time.Since(start).Seconds(), prepared.Seconds(), inPrograms, strings.Join(slow, ", "))
	if withCompiled == 0 {
		t.Fatal("no function of the corpus ran compiled: the native tier was not exercised")
	}
}

// runNativeChildren runs progs in child processes of the test binary,
// each going on from where the last stopped, and returns their results.
func runNativeChildren(t *testing.T, progs []nativeDiffProgram) map[string]nativeDiffResult {
	dir := t.TempDir()
	results := map[string]nativeDiffResult{}
	for i := 0; i < len(progs); {
		job, out := filepath.Join(dir, fmt.Sprintf("job%d.json", i)), filepath.Join(dir, fmt.Sprintf("out%d.jsonl", i))
		data, err := json.Marshal(progs[i:])
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(job, data, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestNativeDifferentialChild$", "-test.count=1", "-test.timeout=10m")
		cmd.Env = append(os.Environ(), nativeDiffJobEnv+"="+job, nativeDiffOutEnv+"="+out)
		var logs bytes.Buffer
		cmd.Stdout, cmd.Stderr = &logs, &logs
		runErr := cmd.Run()
		done := 0
		if f, err := os.Open(out); err == nil {
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 64<<20)
			for sc.Scan() {
				var r nativeDiffResult
				if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
					t.Fatalf("a child's result: %v", err)
				}
				results[r.Name] = r
				done++
			}
			f.Close()
		}
		if runErr != nil || done == 0 {
			// The child died in program i+done: report it, go on after it.
			t.Errorf("the child process running %s from %s ended: %v\n%s", progs[i+done].Name, progs[i].Name, runErr, tail(logs.String(), 4000))
			done++
		}
		i += done
	}
	return results
}

// tail is the end of s, at most n bytes.
func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// TestNativeDifferentialChild is the child process of
// TestNativeDifferential: it runs the programs of its job file, each in a
// fresh session with the native tier on, and appends a result line per
// program to its output file; it stops before its plugins reach the cap.
// Without the job file it does nothing.
func TestNativeDifferentialChild(t *testing.T) {
	jobFile, outFile := os.Getenv(nativeDiffJobEnv), os.Getenv(nativeDiffOutEnv)
	if jobFile == "" || outFile == "" {
		t.Skip("the child process of TestNativeDifferential")
	}
	data, err := os.ReadFile(jobFile)
	if err != nil {
		t.Fatal(err)
	}
	var progs []nativeDiffProgram
	if err := json.Unmarshal(data, &progs); err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(outFile)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	enc := json.NewEncoder(out)
	for i, p := range progs {
		// A program loads at most one plugin per declarations cell; the
		// first program always runs, so every child goes forward.
		if i > 0 && native.Loaded() >= native.MaxPlugins-1 {
			return
		}
		r := runNative(t, p)
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		if err := out.Sync(); err != nil {
			t.Fatal(err)
		}
	}
}

// runNative runs p's cells in a fresh session with the native tier on,
// waiting for the tier's builds after each cell. The cells' output and
// the compiled code's go to the same files, os.Stdout and os.Stderr, as in
// the worker.
func runNative(t *testing.T, p nativeDiffProgram) nativeDiffResult {
	start := time.Now()
	out, errc := newCapture(t), newCapture(t)
	oldOut, oldErr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = out.w, errc.w
	defer func() { os.Stdout, os.Stderr = oldOut, oldErr }()
	s, err := New(Options{Stdout: out.w, Stderr: errc.w, Stdin: strings.NewReader(""), Native: true})
	if err != nil {
		t.Fatal(err)
	}
	ts := &testSession{Session: s, stdout: out, stderr: errc}
	r := nativeDiffResult{Name: p.Name}
	var stdout strings.Builder
	for _, c := range p.Cells {
		res := ts.run(c, 20*time.Second)
		stdout.WriteString(res.stdout)
		if res.err != nil {
			r.Err = res.errText()
			break
		}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		err := s.tier.Idle(ctx)
		cancel()
		if err != nil {
			r.Err = "the native tier's builds did not end: " + err.Error()
			break
		}
		if r.Compiled == nil {
			r.Compiled = s.tier.Compiled()
		}
	}
	r.Stdout, r.Plugins, r.Pid, r.Seconds = stdout.String(), native.Loaded(), os.Getpid(), time.Since(start).Seconds()
	return r
}
