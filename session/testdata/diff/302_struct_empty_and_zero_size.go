package main

import (
	"fmt"
	"unsafe"
)

type Empty struct{}

type WithEmpty struct {
	A int32
	E Empty
}

func main() {
	fmt.Println(unsafe.Sizeof(Empty{}), unsafe.Sizeof([10]Empty{}))
	fmt.Println(Empty{} == Empty{})
	set := map[string]struct{}{"a": {}, "b": {}}
	_, has := set["a"]
	fmt.Println(len(set), has)
	fmt.Println(unsafe.Sizeof(int32(0)), unsafe.Sizeof(struct {
		a bool
		b int64
	}{}))
}
