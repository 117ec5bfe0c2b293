package display

import "reflect"

// Symbols is the table the worker gives the yaegi interpreter so that cells
// can import "gokernel/display": every cell-facing exported name of this
// package (not the worker's hook, SetPublisher and Message). Keys are
// "import path/package name", as yaegi expects.
var Symbols = map[string]map[string]reflect.Value{
	"gokernel/display/display": {
		// Functions.
		"Bars":        reflect.ValueOf(Bars),
		"Clear":       reflect.ValueOf(Clear),
		"Display":     reflect.ValueOf(Display),
		"HTML":        reflect.ValueOf(HTML),
		"Image":       reflect.ValueOf(Image),
		"JPEG":        reflect.ValueOf(JPEG),
		"JSON":        reflect.ValueOf(JSON),
		"LogBars":     reflect.ValueOf(LogBars),
		"Markdown":    reflect.ValueOf(Markdown),
		"New":         reflect.ValueOf(New),
		"NewHandle":   reflect.ValueOf(NewHandle),
		"NewProgress": reflect.ValueOf(NewProgress),
		"NewTimeline": reflect.ValueOf(NewTimeline),
		"PNG":         reflect.ValueOf(PNG),
		"SVG":         reflect.ValueOf(SVG),
		"Table":       reflect.ValueOf(Table),
		"Text":        reflect.ValueOf(Text),

		// Types.
		"Handle":     reflect.ValueOf((*Handle)(nil)),
		"MIMEBundle": reflect.ValueOf((*MIMEBundle)(nil)),
		"Progress":   reflect.ValueOf((*Progress)(nil)),
		"Timeline":   reflect.ValueOf((*Timeline)(nil)),
	},
}
