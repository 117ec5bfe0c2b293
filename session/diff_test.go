package session

import (
	"bufio"
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// The differential test: every program of testdata/diff runs with the Go
// toolchain (go build, then the binary) and in a session, as one cell and
// split into a declarations cell and a statements cell (main's body as
// top-level code). The session must print exactly what the program prints,
// or, for a program listed in testdata/diff/known.txt, fail with the clear
// error listed there (and the README must list it too). A different output
// is always a failure.

// diffDir is the corpus; GOKERNEL_DIFF_DIR points the test at another one
// (a held-out corpus: programs the kernel was not developed against).
var diffDir = func() string {
	if d := os.Getenv("GOKERNEL_DIFF_DIR"); d != "" {
		return d
	}
	return "testdata/diff"
}()

// knownRefusal is a line of known.txt: program, mode (one, split or both)
// and the error the session gives.
type knownRefusal struct {
	mode, err string
}

func readKnown(t *testing.T) map[string]knownRefusal {
	known := map[string]knownRefusal{}
	f, err := os.Open(filepath.Join(diffDir, "known.txt"))
	if os.IsNotExist(err) {
		return known
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("known.txt: want program<TAB>mode<TAB>error: %q", line)
		}
		known[parts[0]] = knownRefusal{mode: parts[1], err: parts[2]}
	}
	return known
}

// builtCorpora are the binaries buildPrograms built, by the list of their
// files: the differential tests share them (building the corpus takes a
// minute of the test run). corpusDirs are removed by TestMain.
var (
	builtCorpora = map[string]map[string]string{}
	corpusDirs   []string
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range corpusDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

// buildPrograms builds every program with go build and returns the binary
// of each file.
func buildPrograms(t *testing.T, files []string) map[string]string {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the differential test needs the go command")
	}
	key := strings.Join(files, "\n")
	if bins, ok := builtCorpora[key]; ok {
		return bins
	}
	dir, err := os.MkdirTemp("", "gokernel-diff-")
	if err != nil {
		t.Fatal(err)
	}
	corpusDirs = append(corpusDirs, dir)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module diff\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var pkgs []string
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".go")
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name, "main.go"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, "./"+name)
	}
	bin := filepath.Join(dir, "bin")
	cmd := exec.Command(goTool, append([]string{"build", "-o", bin + "/"}, pkgs...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build of the corpus: %v\n%s", err, out)
	}
	bins := map[string]string{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".go")
		bins[f] = filepath.Join(bin, name)
	}
	builtCorpora[key] = bins
	return bins
}

// programRun is what a program of the corpus printed.
type programRun struct {
	stdout, stderr string
	err            error
}

// programRuns are the runs of runProgram, by binary: the differential
// tests share them.
var programRuns = map[string]programRun{}

// runProgram runs bin, a program buildPrograms built, once per test
// process.
func runProgram(bin string) programRun {
	if r, ok := programRuns[bin]; ok {
		return r
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := programRun{stdout.String(), stderr.String(), err}
	programRuns[bin] = r
	return r
}

// cells returns the program as one cell, and split into its declarations
// and main's body (nil if the program says "// split: no" or has no main).
func cells(t *testing.T, src string) (one string, split []string) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	// Blank the package clause, keeping lines.
	pkgEnd := off(f.Name.End())
	one = strings.Repeat(" ", pkgEnd) + src[pkgEnd:]
	if strings.HasPrefix(src, "// split: no") {
		return one, nil
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Name.Name != "main" || fd.Body == nil {
			continue
		}
		decls := src[pkgEnd:off(fd.Pos())] + src[off(fd.End()):]
		// Cut any doc comment of main too.
		if fd.Doc != nil {
			decls = src[pkgEnd:off(fd.Doc.Pos())] + src[off(fd.End()):]
		}
		body := src[off(fd.Body.Lbrace)+1 : off(fd.Body.Rbrace)]
		return one, []string{decls, body}
	}
	return one, nil
}

// runCells runs cells in a fresh session and returns their stdout and the
// first error.
func runCells(t *testing.T, cs []string) (stdout, errText string) {
	return runCellsWithin(t, cs, 20*time.Second)
}

// runCellsWithin is runCells with each cell interrupted after limit.
func runCellsWithin(t *testing.T, cs []string, limit time.Duration) (stdout, errText string) {
	ts := newTestSession(t)
	var out strings.Builder
	for _, c := range cs {
		r := ts.run(c, limit)
		out.WriteString(r.stdout)
		if r.err != nil {
			return out.String(), r.errText()
		}
	}
	return out.String(), ""
}

// TestDifferentialOpen runs the programs the kernel still runs
// differently (testdata/diff-open) and fails when one of them matches
// `go run` in both modes: it then belongs in the strict corpus.
func TestDifferentialOpen(t *testing.T) {
	// unsteadyOpen are open programs that match in some runs only: they
	// stay open, and matching once is not news.
	unsteadyOpen := map[string]bool{}
	if testing.Short() || os.Getenv("GOKERNEL_DIFF_DIR") != "" {
		t.Skip("builds and runs the open corpus")
	}
	files, _ := filepath.Glob(filepath.Join("testdata/diff-open", "*.go"))
	sort.Strings(files)
	if len(files) == 0 {
		return
	}
	bins := buildPrograms(t, files)
	differ := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var stdout bytes.Buffer
		cmd := exec.Command(bins[f])
		cmd.Stdout = &stdout
		if err := cmd.Run(); err != nil {
			t.Errorf("%s: the program itself fails: %v", f, err)
			continue
		}
		one, split := cells(t, string(src))
		modes := [][]string{{one}}
		if split != nil {
			modes = append(modes, split)
		}
		matches := 0
		for _, cs := range modes {
			if got, errText := runCellsWithin(t, cs, 5*time.Second); errText == "" && got == stdout.String() {
				matches++
			}
		}
		if matches == len(modes) && !unsteadyOpen[filepath.Base(f)] {
			t.Errorf("%s now runs as with go run: move it to testdata/diff", filepath.Base(f))
		} else {
			differ++
		}
	}
	t.Logf("open corpus: %d programs still differ from go run", differ)
}

func TestDifferential(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the corpus")
	}
	files, _ := filepath.Glob(filepath.Join(diffDir, "*.go"))
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatal("no programs in " + diffDir)
	}
	known := readKnown(t)
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	bins := buildPrograms(t, files)
	matched, refused := 0, 0
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(strings.TrimSuffix(name, ".go"), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			run := runProgram(bins[f])
			if run.err != nil || run.stderr != "" {
				t.Fatalf("the program itself fails (%v): %s", run.err, run.stderr)
			}
			want := run.stdout
			one, split := cells(t, string(src))
			k, isKnown := known[name]
			if isKnown && diffDir == "testdata/diff" && !bytes.Contains(readme, []byte(name)) {
				t.Errorf("%s is in known.txt but not in the README's list of known refusals", name)
			}
			modes := map[string][]string{"one": {one}}
			if split != nil {
				modes["split"] = split
			}
			for mode, cs := range modes {
				got, errText := runCells(t, cs)
				refusal := isKnown && (k.mode == mode || k.mode == "both")
				switch {
				case errText == "" && got == want:
					if refusal {
						t.Errorf("%s (%s): now matches go run: remove it from known.txt and the README", name, mode)
					}
					matched++
				case errText != "" && refusal && strings.Contains(errText, k.err):
					if !strings.HasPrefix(want, got) {
						t.Errorf("%s (%s): before the refusal, the output differs:\ngot  %q\nwant %q", name, mode, got, want)
					}
					refused++
				case errText != "":
					t.Errorf("%s (%s): error instead of go run's output:\n%s\ngot  %q\nwant %q", name, mode, errText, got, want)
				default:
					t.Errorf("%s (%s): DIFFERENT OUTPUT:\ngot  %q\nwant %q", name, mode, got, want)
				}
			}
		})
	}
	t.Logf("differential corpus: %d programs, %d runs match go run, %d refused as listed", len(files), matched, refused)
}
