package main

import (
	"fmt"
	"strconv"
)

func main() {
	i, _ := strconv.ParseInt("-ff", 16, 32)
	u, _ := strconv.ParseUint("777", 8, 64)
	f, _ := strconv.ParseFloat("2.5e3", 64)
	b, _ := strconv.ParseBool("TRUE")
	fmt.Println(i, u, f, b)
	fmt.Println(strconv.FormatInt(-255, 2), strconv.FormatInt(255, 36), strconv.FormatUint(255, 16))
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1e21, 'g', -1, 64), strconv.FormatFloat(0.5, 'e', 3, 32))
	fmt.Println(strconv.FormatBool(false), strconv.Itoa(-0))
	_, err := strconv.ParseBool("yes")
	fmt.Println(err)
}
