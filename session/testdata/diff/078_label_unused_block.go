package main

import "fmt"

func run() (out []int) {
L1:
	for i := 0; ; i++ {
	L2:
		for j := 0; ; j++ {
			switch {
			case j == 2:
				break L2
			case i == 3:
				break L1
			}
			out = append(out, i*10+j)
		}
	}
	return
}

func main() {
	fmt.Println(run())
}
