package magic

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"text/tabwriter"

	"gokernel/pipe"
)

// env is %env: list, show or set environment variables.
func env(c *call) (map[string]any, error) {
	args := c.args
	switch {
	case args == "":
		vars := os.Environ()
		sort.Strings(vars)
		c.printf("%s\n", strings.Join(vars, "\n"))
	case strings.ContainsAny(args, "= "):
		name, value, _ := strings.Cut(strings.Replace(args, " ", "=", 1), "=")
		if err := os.Setenv(strings.TrimSpace(name), strings.TrimSpace(value)); err != nil {
			return nil, magicError("%%env: %v", err)
		}
		c.printf("env: %s=%s\n", strings.TrimSpace(name), strings.TrimSpace(value))
	default:
		v, ok := os.LookupEnv(args)
		if !ok {
			return nil, magicError("%%env: %s is not set", args)
		}
		c.printf("%s\n", v)
	}
	return nil, nil
}

// cd is %cd: change or print the working directory.
func cd(c *call) (map[string]any, error) {
	if dir := c.args; dir != "" {
		if dir == "~" || strings.HasPrefix(dir, "~/") {
			home, _ := os.UserHomeDir()
			dir = home + dir[1:]
		}
		if err := os.Chdir(dir); err != nil {
			return nil, magicError("%%cd: %v", err)
		}
	}
	wd, _ := os.Getwd()
	c.printf("%s\n", wd)
	return nil, nil
}

// who is %who: the names the cells have defined.
func who(c *call) (map[string]any, error) {
	names := c.r.Session.Names()
	if len(names) == 0 {
		c.printf("Nothing defined yet.\n")
		return nil, nil
	}
	tw := tabwriter.NewWriter(c.r.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKIND\tTYPE")
	for _, n := range names {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", n.Name, n.Kind, n.Type)
	}
	tw.Flush()
	return nil, nil
}

// goroutinesMagic is %goroutines: the session's table of goroutines.
func goroutinesMagic(c *call) (map[string]any, error) {
	b := c.r.Session.Goroutines()
	if c.r.Display != nil {
		c.r.Display(b)
		return nil, nil
	}
	text, _ := b["text/plain"].(string)
	c.printf("%s\n", strings.TrimRight(text, "\n"))
	return nil, nil
}

// nativeMagic is %native: the session's native tier.
func nativeMagic(c *call) (map[string]any, error) {
	out, err := c.r.Session.Native(c.args)
	if err != nil {
		return nil, magicError("%s", err.Error())
	}
	c.printf("%s", out)
	return nil, nil
}

// goMagic is %go: the session module.
func goMagic(c *call) (map[string]any, error) {
	out, err := c.r.Session.GoCommand(c.ctx, c.args)
	if err != nil {
		return nil, magicError("%s", err.Error())
	}
	c.printf("%s", out)
	return nil, nil
}

// reset is %reset: a fresh interpreter.
func reset(c *call) (map[string]any, error) {
	if err := c.r.Session.Reset(); err != nil {
		return nil, err
	}
	c.printf("Interpreter reset: every variable, function, type and import is gone.\n")
	return nil, nil
}

// help is %help: Table.
func help(c *call) (map[string]any, error) {
	tw := tabwriter.NewWriter(c.r.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "gokernel magics (a line starting with % or !, or a first line starting with %%):")
	for _, m := range Table {
		fmt.Fprintf(tw, "  %s\t%s\n", m.Usage, m.Help)
	}
	tw.Flush()
	c.printf("\nCells may also `import \"gokernel/display\"` (rich output, timelines, charts, progress bars),\n`import \"gokernel/measure\"` (wall and CPU time, best of N, speedup verdicts, peak concurrency)\nand `import \"gokernel/proc\"` (run notebook functions in separate OS processes).\n")
	return nil, nil
}

// version is %version.
func version(c *call) (map[string]any, error) {
	c.printf("gokernel %s\nGo %s (%s/%s)\nyaegi %s\n", pipe.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH, yaegiVersion())
	return nil, nil
}

// yaegiVersion returns the version of the interpreter module in the binary.
func yaegiVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == "github.com/traefik/yaegi" {
				return m.Version
			}
		}
	}
	return "(unknown)"
}
