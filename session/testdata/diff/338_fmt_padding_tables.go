package main

import (
	"fmt"
	"os"
	"text/tabwriter"
)

func main() {
	rows := [][3]any{{"apple", 3, 1.5}, {"kiwi", 12, 0.25}, {"watermelon", 1, 4.0}}
	for _, r := range rows {
		fmt.Printf("%-12s|%4d|%7.2f\n", r[0], r[1], r[2])
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "name\tqty\t")
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%d\t\n", r[0], r[1])
	}
	w.Flush()
}
