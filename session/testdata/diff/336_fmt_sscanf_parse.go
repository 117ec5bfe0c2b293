package main

import "fmt"

func main() {
	var name string
	var age int
	var h float64
	n, err := fmt.Sscanf("alice 30 1.65", "%s %d %f", &name, &age, &h)
	fmt.Println(n, err, name, age, h)
	var a, b int
	n, err = fmt.Sscan("10 20", &a, &b)
	fmt.Println(n, err, a+b)
	var x int
	_, err = fmt.Sscanf("abc", "%d", &x)
	fmt.Println(err != nil, x)
	var k string
	var v int
	fmt.Sscanf("key=42", "key=%d", &v)
	fmt.Sscanf("name:bob", "name:%s", &k)
	fmt.Println(v, k)
}
