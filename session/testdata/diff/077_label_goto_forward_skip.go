package main

import "fmt"

func process(n int) string {
	if n < 0 {
		goto bad
	}
	if n > 100 {
		goto bad
	}
	return fmt.Sprint("ok ", n)
bad:
	return fmt.Sprint("bad ", n)
}

func main() {
	fmt.Println(process(5))
	fmt.Println(process(-1))
	fmt.Println(process(500))
}
