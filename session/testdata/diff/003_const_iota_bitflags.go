package main

import "fmt"

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
)

func (p Perm) String() string {
	s := ""
	for i, c := range "rwx" {
		if p&(1<<i) != 0 {
			s += string(c)
		} else {
			s += "-"
		}
	}
	return s
}

func main() {
	fmt.Println(Read, Write, Exec)
	fmt.Println(Read | Exec)
	fmt.Printf("%d %v %T\n", Read|Write|Exec, Read|Write, Write)
}
