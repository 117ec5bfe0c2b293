package kernel

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
)

// KernelName is the kernelspec directory name.
const KernelName = "gokernel"

// KernelSpec is the content of kernel.json.
type KernelSpec struct {
	Argv          []string `json:"argv"`
	DisplayName   string   `json:"display_name"`
	Language      string   `json:"language"`
	InterruptMode string   `json:"interrupt_mode"`
	// KernelProtocolVersion tells frontends the messaging protocol
	// version before they start the kernel.
	KernelProtocolVersion string            `json:"kernel_protocol_version"`
	Env                   map[string]string `json:"env,omitempty"`
	Metadata              map[string]any    `json:"metadata,omitempty"`
}

// KernelSpecDir returns the directory the kernelspec is installed in: under
// prefix/share/jupyter when prefix is set, else under $JUPYTER_DATA_DIR,
// else under the user's Jupyter data dir (~/.local/share/jupyter).
func KernelSpecDir(prefix string) (string, error) {
	var data string
	switch {
	case prefix != "":
		data = filepath.Join(prefix, "share", "jupyter")
	case os.Getenv("JUPYTER_DATA_DIR") != "":
		data = os.Getenv("JUPYTER_DATA_DIR")
	default:
		if x := os.Getenv("XDG_DATA_HOME"); x != "" {
			data = filepath.Join(x, "jupyter")
		} else {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", err
			}
			data = filepath.Join(home, ".local", "share", "jupyter")
		}
	}
	return filepath.Join(data, "kernels", KernelName), nil
}

// InstallKernelSpec writes kernel.json and the logos for the kernel binary
// at binary, and returns the directory written. Installing again replaces
// the files.
func InstallKernelSpec(binary, prefix string) (string, error) {
	dir, err := KernelSpecDir(prefix)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	spec := KernelSpec{
		Argv:                  []string{binary, "-f", "{connection_file}"},
		DisplayName:           "Go (gokernel)",
		Language:              "go",
		InterruptMode:         "message",
		KernelProtocolVersion: ProtocolVersion,
		Metadata:              map[string]any{"debugger": true},
	}
	js, _ := json.MarshalIndent(spec, "", "  ")
	files := map[string][]byte{
		"kernel.json":    append(js, '\n'),
		"logo-svg.svg":   []byte(logoSVG),
		"logo-32x32.png": logoPNG(32),
		"logo-64x64.png": logoPNG(64),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return "", fmt.Errorf("write %s: %w", name, err)
		}
	}
	return dir, nil
}

// goBlue is the Go gopher blue.
var goBlue = color.RGBA{0x00, 0xAD, 0xD8, 0xFF}

// logoSVG is the vector logo: "Go" in white on a Go-blue rounded square.
const logoSVG = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
<rect x="2" y="2" width="60" height="60" rx="12" fill="#00ADD8"/>
<text x="32" y="43" font-family="Helvetica,Arial,sans-serif" font-size="30" font-weight="bold" fill="#fff" text-anchor="middle">Go</text>
</svg>
`

// glyphs are 5x7 bitmaps of the letters of the PNG logo.
var glyphs = [2][7]string{
	{".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".###."}, // G
	{".....", ".....", ".###.", "#...#", "#...#", "#...#", ".###."}, // o
}

// logoPNG draws the logo at size x size pixels.
func logoPNG(size int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	r := size / 5 // corner radius
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			if inRoundedRect(x, y, size, r) {
				img.Set(x, y, goBlue)
			}
		}
	}
	// Two 5x7 glyphs with a one-cell gap: 11x7 cells, centred.
	cell := size / 14
	x0 := (size - 11*cell) / 2
	y0 := (size - 7*cell) / 2
	for g, glyph := range glyphs {
		for row, line := range glyph {
			for col, c := range line {
				if c != '#' {
					continue
				}
				for dy := 0; dy < cell; dy++ {
					for dx := 0; dx < cell; dx++ {
						img.Set(x0+(g*6+col)*cell+dx, y0+row*cell+dy, color.White)
					}
				}
			}
		}
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	return buf.Bytes()
}

// inRoundedRect reports whether pixel (x, y) lies in a size x size square
// with corners of radius r.
func inRoundedRect(x, y, size, r int) bool {
	cx := min(max(x, r), size-1-r)
	cy := min(max(y, r), size-1-r)
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy <= r*r
}
