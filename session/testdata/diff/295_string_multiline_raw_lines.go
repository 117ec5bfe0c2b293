package main

import (
	"bufio"
	"fmt"
	"strings"
)

const doc = `first line
second line

fourth line`

func main() {
	sc := bufio.NewScanner(strings.NewReader(doc))
	n := 0
	for sc.Scan() {
		n++
		fmt.Printf("%d: %q\n", n, sc.Text())
	}
	ws := bufio.NewScanner(strings.NewReader("count these  words"))
	ws.Split(bufio.ScanWords)
	c := 0
	for ws.Scan() {
		c++
	}
	fmt.Println("words:", c)
}
