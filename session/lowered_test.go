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
		// yaegi looks dependencies up by name: a field named like a global.
		{code: "var q struct{ v, x int }\nq.v = x\nvar f = func(s int) int { return s * 2 }\nfmt.Println(q, f(2))", stdout: "{8 0} 4\n"},
	}},
	{"define of a generic instantiation", []cell{
		{code: "import \"fmt\"\nfunc Map[T, U any](xs []T, f func(T) U) []U { var out []U; for _, x := range xs { out = append(out, f(x)) }; return out }\nfunc Pair[K comparable, V any](k K, v V) (K, V) { return k, v }"},
		{code: "strs := Map([]int{1, 2}, func(i int) string { return fmt.Sprint(\"n\", i) })\nk, v := Pair(\"a\", 1.5)\nfmt.Println(strs, k, v)", stdout: "[n1 n2] a 1.5\n"},
		{code: "lens := Map(strs, func(s string) int { return len(s) })\nlens", out: "[2 2]"},
	}},
}
