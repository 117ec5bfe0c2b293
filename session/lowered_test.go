package session

// Each class of yaegi defect the cell compiler lowers, run: the cells
// print what go run prints.
func init() {
	sequences = append(sequences, loweredSequences...)
}

var loweredSequences = []sequence{
	{"var initialized from a global of an earlier evaluation", []cell{
		{code: "import \"fmt\"\nvar s uint = 3\nc := make(chan float64, 1)\nc <- 2.5"},
		{code: "x := 1 << s\nvar y int64 = 1 << s\nvar z = x + int(y)\nvar w, v = z * 2, <-c\nfmt.Println(x, y, z, w, v)\nfmt.Printf(\"%T %T\\n\", y, v)", stdout: "8 8 16 32 2.5\nint64 float64\n"},
		{code: "var a = b + w\nvar b = 1\na", out: "33"},
	}},
}
